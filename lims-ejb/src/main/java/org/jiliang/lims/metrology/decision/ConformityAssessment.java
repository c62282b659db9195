package org.jiliang.lims.metrology.decision;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Applies an ILAC-G8:09/2019 decision rule to a measured value.
 *
 * <p>Boundary convention (G8 leaves it open, ILAC-G8 §4.2 says only "below" and "above"): a value exactly at an
 * acceptance limit passes; in the non-binary rule a value exactly at the tolerance limit is a conditional pass and a
 * value exactly at TL + w a conditional fail. For an upper limit:
 * <ul>
 * <li>x ≤ TL − w: pass</li>
 * <li>TL − w &lt; x ≤ TL: conditional pass (binary rules: fail when w &gt; 0)</li>
 * <li>TL &lt; x ≤ TL + w: conditional fail</li>
 * <li>x &gt; TL + w: fail</li>
 * </ul>
 * A lower limit is the mirror image; with two limits the worse side decides.
 */
public final class ConformityAssessment {

    private ConformityAssessment() {
    }

    /** Simple acceptance without a stated U (w = 0), as legal verification against an MPE does. */
    public static ConformityOutcome simpleAcceptance(BigDecimal measuredValue, ToleranceLimits limits) {
        return decide(AcceptanceRule.SIMPLE_ACCEPTANCE, measuredValue, null, limits);
    }

    /**
     * Applies a rule.
     *
     * @param expandedUncertainty U of the measured value, not negative; it sets w = U for the guarded rules and is
     *                            stated (w = 0) for simple acceptance
     */
    public static ConformityOutcome assess(AcceptanceRule rule, BigDecimal measuredValue,
            BigDecimal expandedUncertainty, ToleranceLimits limits) {
        Objects.requireNonNull(expandedUncertainty, "expandedUncertainty");
        return decide(rule, measuredValue, expandedUncertainty, limits);
    }

    private static ConformityOutcome decide(AcceptanceRule rule, BigDecimal x, BigDecimal u, ToleranceLimits limits) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(x, "measuredValue");
        Objects.requireNonNull(limits, "limits");
        BigDecimal w = u == null ? BigDecimal.ZERO : rule.guardBand(u);
        Decision decision = Decision.PASS;
        if (limits.upper() != null) {
            decision = decision.worse(upperSide(x, limits.upper(), w));
        }
        if (limits.lower() != null) {
            decision = decision.worse(upperSide(x.negate(), limits.lower().negate(), w));
        }
        if (!rule.isNonBinary() && decision != Decision.PASS) {
            decision = Decision.FAIL;
        }
        return new ConformityOutcome(rule, x, u, w, limits, limits.narrowedBy(w), decision);
    }

    private static Decision upperSide(BigDecimal x, BigDecimal tl, BigDecimal w) {
        if (x.compareTo(tl.subtract(w)) <= 0) {
            return Decision.PASS;
        }
        if (x.compareTo(tl) <= 0) {
            return Decision.CONDITIONAL_PASS;
        }
        if (x.compareTo(tl.add(w)) <= 0) {
            return Decision.CONDITIONAL_FAIL;
        }
        return Decision.FAIL;
    }
}
