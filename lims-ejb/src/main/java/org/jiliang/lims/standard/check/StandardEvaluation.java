package org.jiliang.lims.standard.check;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * A check point's stability and repeatability evaluation of one year (JJF 1033), as found: the limits stated, the
 * figures and the verdicts ({@link AnnualEvaluation}). Never changed.
 */
@Entity
@Table(name = "standard_evaluation")
public class StandardEvaluation {

    /** What the stability limit is: the standard's MPE (used at its nominal value) or the U of its correction. */
    public enum Basis {
        MPE, U
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id", updatable = false)
    private MeasurementStandard standard;

    @Column(name = "evaluation_year", nullable = false, updatable = false)
    private int year;
    @Column(name = "point_ordinal", nullable = false, updatable = false)
    private int ordinal;
    @Column(nullable = false, updatable = false)
    private String nominal;
    @Column(nullable = false, updatable = false)
    private String unit;

    @Column(name = "groups_counted", nullable = false, updatable = false)
    private int groups;
    @Column(name = "smallest_value", updatable = false)
    private BigDecimal smallest;
    @Column(name = "largest_value", updatable = false)
    private BigDecimal largest;
    @Column(updatable = false)
    private BigDecimal stability;
    @Column(name = "stability_limit", nullable = false, updatable = false)
    private BigDecimal stabilityLimit;
    @Enumerated(EnumType.STRING)
    @Column(name = "limit_basis", nullable = false, updatable = false)
    private Basis basis;
    @Enumerated(EnumType.STRING)
    @Column(name = "stability_verdict", nullable = false, updatable = false)
    private AnnualEvaluation.Verdict stabilityVerdict;

    @Column(name = "readings_counted", nullable = false, updatable = false)
    private int readings;
    @Column(name = "degrees_of_freedom", nullable = false, updatable = false)
    private int degreesOfFreedom;
    @Column(updatable = false)
    private BigDecimal repeatability;
    @Column(name = "repeatability_limit", nullable = false, updatable = false)
    private BigDecimal repeatabilityLimit;
    @Enumerated(EnumType.STRING)
    @Column(name = "repeatability_verdict", nullable = false, updatable = false)
    private AnnualEvaluation.Verdict repeatabilityVerdict;

    @Column(name = "evaluated_by", nullable = false, updatable = false)
    private String evaluatedBy;
    @Column(name = "evaluated_at", nullable = false, updatable = false)
    private Instant evaluatedAt;

    protected StandardEvaluation() {
    }

    StandardEvaluation(MeasurementStandard standard, int year, CheckPoint point, AnnualEvaluation.Stability s,
            BigDecimal stabilityLimit, Basis basis, AnnualEvaluation.Repeatability r, BigDecimal repeatabilityLimit,
            String evaluatedBy, Instant evaluatedAt) {
        this.standard = standard;
        this.year = year;
        this.ordinal = point.ordinal();
        this.nominal = point.nominal();
        this.unit = point.unit();
        this.groups = s.groups();
        this.smallest = s.smallest();
        this.largest = s.largest();
        this.stability = s.range();
        this.stabilityLimit = stabilityLimit;
        this.basis = basis;
        this.stabilityVerdict = s.verdict();
        this.readings = r.readings();
        this.degreesOfFreedom = r.degreesOfFreedom();
        this.repeatability = r.standardDeviation();
        this.repeatabilityLimit = repeatabilityLimit;
        this.repeatabilityVerdict = r.verdict();
        this.evaluatedBy = evaluatedBy;
        this.evaluatedAt = evaluatedAt;
    }

    public int year() {
        return year;
    }

    public int ordinal() {
        return ordinal;
    }

    public String nominal() {
        return nominal;
    }

    public String unit() {
        return unit;
    }

    public int groups() {
        return groups;
    }

    public BigDecimal smallest() {
        return smallest;
    }

    public BigDecimal largest() {
        return largest;
    }

    public BigDecimal stability() {
        return stability;
    }

    public BigDecimal stabilityLimit() {
        return stabilityLimit;
    }

    public Basis basis() {
        return basis;
    }

    public AnnualEvaluation.Verdict stabilityVerdict() {
        return stabilityVerdict;
    }

    public int readings() {
        return readings;
    }

    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    public BigDecimal repeatability() {
        return repeatability;
    }

    public BigDecimal repeatabilityLimit() {
        return repeatabilityLimit;
    }

    public AnnualEvaluation.Verdict repeatabilityVerdict() {
        return repeatabilityVerdict;
    }

    public String evaluatedBy() {
        return evaluatedBy;
    }

    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    /** One line for the audit trail and the history. */
    String describe() {
        return "point " + ordinal + " (" + nominal + "): stability "
                + (stability == null ? "—" : stability.toPlainString())
                + " " + unit + " from " + groups + " checks, limit " + stabilityLimit.toPlainString() + " (" + basis
                + ") → " + stabilityVerdict + "; repeatability s = " + (repeatability == null ? "—"
                        : repeatability.toPlainString()) + " " + unit + " (ν = " + degreesOfFreedom + "), limit "
                + repeatabilityLimit.toPlainString() + " → " + repeatabilityVerdict;
    }
}
