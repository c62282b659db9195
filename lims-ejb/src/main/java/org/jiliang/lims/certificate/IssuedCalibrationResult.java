package org.jiliang.lims.certificate;

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
import java.time.Instant;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;
import org.jiliang.lims.metrology.weight.WeightCalibration;
import org.jiliang.lims.order.VerificationJob;

/**
 * A calibration result as its certificate states it, stored with the certificate, one row per stated result in
 * the certificate's order: value, U, k, the uncertainty budget (the GUM engine's CSV, which reads back into the
 * same budget), the tables the computation used and, for a result with a statement of conformity, the decision
 * rule with its source and boundary convention and the outcome. Written once, never updated: it is what the
 * customer was told, even if a later edition of a table would compute otherwise.
 */
@Entity
@Table(name = "calibration_result")
public class IssuedCalibrationResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id", updatable = false)
    private VerificationJob job;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "certificate_id", updatable = false)
    private Certificate certificate;

    @Column(nullable = false, updatable = false)
    private int ordinal = 1;

    @Column(nullable = false, updatable = false)
    private String measurand;
    @Column(name = "nominal_value", nullable = false, updatable = false)
    private BigDecimal nominalValue;
    @Column(name = "measured_value", nullable = false, updatable = false)
    private BigDecimal measuredValue;
    @Column(name = "expanded_uncertainty", nullable = false, updatable = false)
    private BigDecimal expandedUncertainty;
    @Column(nullable = false, updatable = false)
    private String unit;
    @Column(name = "coverage_factor", nullable = false, updatable = false)
    private BigDecimal coverageFactor;
    @Column(name = "coverage_probability", nullable = false, updatable = false)
    private String coverageProbability;
    @Column(name = "effective_dof", updatable = false)
    private Integer effectiveDof;
    // the statement of conformity, for a result that has one
    @Column(updatable = false)
    private BigDecimal tolerance;
    @Column(name = "uncertainty_limit", updatable = false)
    private BigDecimal uncertaintyLimit;
    @Column(name = "decision_rule", updatable = false)
    private String decisionRule;
    @Column(name = "decision_rule_source", updatable = false)
    private String decisionRuleSource;
    @Column(name = "boundary_convention", updatable = false)
    private String boundaryConvention;
    @Column(updatable = false)
    private String outcome;
    @Column(updatable = false)
    private Boolean conforms;
    @Column(name = "budget_csv", nullable = false, updatable = false)
    private String budgetCsv;
    @Column(name = "air_density", updatable = false)
    private BigDecimal airDensity;
    @Column(name = "rules_source", nullable = false, updatable = false)
    private String rulesSource;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IssuedCalibrationResult() {
    }

    public IssuedCalibrationResult(VerificationJob job, Certificate certificate, WeightCalibration result,
            BigDecimal airDensity, String coverageProbability, String rulesSource, Instant createdAt) {
        var budget = result.budget();
        var reported = budget.reported();
        var rule = result.conformity().rule();
        this.job = job;
        this.certificate = certificate;
        this.measurand = "conventional mass m_ct";
        this.unit = budget.unit();
        this.nominalValue = result.nominal().to(result.conventionalMass().unit()).value();
        this.measuredValue = reported.value();
        this.expandedUncertainty = reported.expandedUncertainty();
        this.coverageFactor = reported.coverageFactor();
        this.coverageProbability = coverageProbability;
        this.effectiveDof = budget.effectiveDegreesOfFreedom().filter(d -> !d.isInfinite())
                .map(d -> d.truncated().value().intValue()).orElse(null);
        this.tolerance = result.maximumPermissibleError().to(result.conventionalMass().unit()).value();
        this.uncertaintyLimit = result.uncertaintyLimit().value();
        this.decisionRule = rule.name();
        this.decisionRuleSource = rule.citation();
        this.boundaryConvention = org.jiliang.lims.metrology.decision.ConformityOutcome.BOUNDARY_CONVENTION_EN;
        this.outcome = result.conformity().decision().name();
        this.conforms = result.conforms();
        this.budgetCsv = budget.toCsv();
        this.airDensity = airDensity;
        this.rulesSource = rulesSource;
        this.createdAt = createdAt;
    }

    /**
     * One stated result without a statement of conformity (a multimeter's error at one point), the
     * {@code ordinal}-th of its certificate.
     *
     * @param nominal the point's nominal value, in the unit of the budget
     */
    public IssuedCalibrationResult(VerificationJob job, Certificate certificate, int ordinal, String measurand,
            Quantity nominal, UncertaintyBudget budget, String coverageProbability, String rulesSource,
            Instant createdAt) {
        var reported = budget.reported();
        this.job = job;
        this.certificate = certificate;
        this.ordinal = ordinal;
        this.measurand = measurand;
        this.unit = budget.unit();
        this.nominalValue = nominal.value();
        this.measuredValue = reported.value();
        this.expandedUncertainty = reported.expandedUncertainty();
        this.coverageFactor = reported.coverageFactor();
        this.coverageProbability = coverageProbability;
        this.effectiveDof = budget.effectiveDegreesOfFreedom().filter(d -> !d.isInfinite())
                .map(d -> d.truncated().value().intValue()).orElse(null);
        this.budgetCsv = budget.toCsv();
        this.rulesSource = rulesSource;
        this.createdAt = createdAt;
    }

    /**
     * "conventional mass m_ct = 1000.00195 g, U = 0.00061 g (k = 2.00), GUARDED_ACCEPTANCE conforms" for the
     * audit entry; without the decision for a result that has no statement of conformity.
     */
    public String summary() {
        return measurand + " = " + measuredValue.toPlainString() + " " + unit + ", U = "
                + expandedUncertainty.toPlainString() + " " + unit + " (k = " + coverageFactor.toPlainString() + ")"
                + (decisionRule == null ? "" : ", " + decisionRule + " "
                        + (Boolean.TRUE.equals(conforms) ? "conforms" : "does not conform"));
    }

    public Long id() {
        return id;
    }

    public BigDecimal measuredValue() {
        return measuredValue;
    }

    public BigDecimal expandedUncertainty() {
        return expandedUncertainty;
    }

    public String budgetCsv() {
        return budgetCsv;
    }

    public String decisionRule() {
        return decisionRule;
    }

    /** Whether the result conforms; null when it has no statement of conformity. */
    public Boolean conforms() {
        return conforms;
    }
}
