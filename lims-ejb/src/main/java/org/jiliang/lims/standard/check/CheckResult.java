package org.jiliang.lims.standard.check;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A check's result at a point: the readings as entered (space-separated, in the point's unit), their mean, the
 * expanded uncertainty stated for it, E_n, and the tests that signalled ("1 5": tests 1 and 5 of ISO 7870-2 on the
 * values or means; "R1": test 1 on the (moving) ranges).
 */
@Entity
@Table(name = "check_result")
public class CheckResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "check_id", updatable = false)
    private IntermediateCheck check;

    @Column(nullable = false, updatable = false)
    private int ordinal;

    @Column(nullable = false, updatable = false)
    private String readings;

    @Column(name = "mean_value", nullable = false, updatable = false)
    private BigDecimal mean;

    @Column(updatable = false)
    private BigDecimal uncertainty;

    @Column(name = "normalized_error", updatable = false)
    private BigDecimal normalizedError;

    @Column(updatable = false)
    private String signals;

    @Column(name = "out_of_tolerance", nullable = false, updatable = false)
    private boolean outOfTolerance;

    protected CheckResult() {
    }

    CheckResult(IntermediateCheck check, int ordinal, List<BigDecimal> readings, BigDecimal uncertainty,
            BigDecimal mean, BigDecimal normalizedError, String signals, boolean outOfTolerance) {
        this.check = check;
        this.ordinal = ordinal;
        this.readings = String.join(" ", readings.stream().map(BigDecimal::toPlainString).toList());
        this.uncertainty = uncertainty;
        this.mean = mean;
        this.normalizedError = normalizedError;
        this.signals = signals;
        this.outOfTolerance = outOfTolerance;
    }

    public int ordinal() {
        return ordinal;
    }

    public List<BigDecimal> readings() {
        return Arrays.stream(readings.split(" ")).map(BigDecimal::new).toList();
    }

    public BigDecimal mean() {
        return mean;
    }

    public BigDecimal uncertainty() {
        return uncertainty;
    }

    public BigDecimal normalizedError() {
        return normalizedError;
    }

    public String signals() {
        return signals;
    }

    public boolean outOfTolerance() {
        return outOfTolerance;
    }
}
