package org.jiliang.lims.metrology;

import java.math.BigDecimal;
import java.util.Objects;
import org.jiliang.lims.metrology.decision.ConformityAssessment;
import org.jiliang.lims.metrology.decision.Decision;
import org.jiliang.lims.metrology.decision.ToleranceLimits;

/**
 * Decision rules for statements of conformity; a certificate must name the rule it applied
 * (ISO/IEC 17025:2017 7.8.6).
 */
public enum DecisionRule {
    /**
     * Binary statement without guard band (w = 0): the MPE is the acceptance limit, as in legal verification,
     * where R 76 compares the error with the MPE and states no guard band. ILAC G8 does not say how a result
     * exactly at the limit is classified, so the convention is fixed here: |E| ≤ MPE passes.
     */
    SIMPLE_ACCEPTANCE(
            "simple acceptance",
            "简单接受",
            "ILAC-G8:09/2019 §4.2.1; OIML R 76-1:2006 3.5 (MPE as acceptance limit)",
            "|E| ≤ MPE passes; a result exactly at ±MPE passes");

    private final String labelEn;
    private final String labelZh;
    private final String citation;
    private final String boundaryConvention;

    DecisionRule(String labelEn, String labelZh, String citation, String boundaryConvention) {
        this.labelEn = labelEn;
        this.labelZh = labelZh;
        this.citation = citation;
        this.boundaryConvention = boundaryConvention;
    }

    public String labelEn() {
        return labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    /** Where the rule comes from, for the statement of conformity. */
    public String citation() {
        return citation;
    }

    /** How a result exactly at the acceptance limit is decided. */
    public String boundaryConvention() {
        return boundaryConvention;
    }

    /**
     * Applies the rule to a two-sided limit ±mpe, by the general engine in
     * {@link org.jiliang.lims.metrology.decision.ConformityAssessment}.
     *
     * @param error the error compared with the MPE (I − L, or Ec with the changeover-point method)
     * @param mpe   the absolute value of the MPE, not negative
     */
    public Verdict verdict(Mass error, Mass mpe) {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(mpe, "mpe");
        if (mpe.signum() < 0) {
            throw new IllegalArgumentException("The MPE is an absolute value and must not be negative: " + mpe);
        }
        Decision decision = ConformityAssessment.simpleAcceptance(error.to(mpe.unit()).value(),
                ToleranceLimits.symmetric(BigDecimal.ZERO, mpe.value(), mpe.unit().symbol())).decision();
        return decision == Decision.PASS ? Verdict.PASS : Verdict.FAIL;
    }
}
