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

/** A point of a check plan ("1 kg", "10 V DC"): results in {@code unit}, and the check standard's reference value. */
@Entity
@Table(name = "check_point")
public class CheckPoint {

    /** What a plan states about a point; the reference value and its U both or neither. */
    public record Definition(String nominal, String unit, BigDecimal referenceValue, BigDecimal referenceUncertainty) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", updatable = false)
    private CheckPlan plan;

    @Column(nullable = false, updatable = false)
    private int ordinal;

    @Column(nullable = false, updatable = false)
    private String nominal;

    @Column(nullable = false, updatable = false)
    private String unit;

    @Column(name = "reference_value", updatable = false)
    private BigDecimal referenceValue;

    @Column(name = "reference_uncertainty", updatable = false)
    private BigDecimal referenceUncertainty;

    protected CheckPoint() {
    }

    CheckPoint(CheckPlan plan, int ordinal, Definition d) {
        this.plan = plan;
        this.ordinal = ordinal;
        this.nominal = d.nominal();
        this.unit = d.unit();
        this.referenceValue = d.referenceValue();
        this.referenceUncertainty = d.referenceUncertainty();
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

    public CheckEvaluation.Reference reference() {
        return new CheckEvaluation.Reference(referenceValue, referenceUncertainty);
    }

    String describe() {
        return nominal + (referenceValue == null ? "" : " (ref " + referenceValue.toPlainString() + " " + unit
                + ", U " + referenceUncertainty.toPlainString() + ")");
    }
}
