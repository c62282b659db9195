package org.jiliang.lims.metrology.decision;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement of conformity with everything ISO/IEC 17025:2017 7.8.6 asks it to identify: the result, the
 * specification limits, the decision rule with its guard band and the acceptance limits it led to.
 *
 * @param expandedUncertainty U, or null when simple acceptance was applied without a stated U
 */
public record ConformityOutcome(AcceptanceRule rule, BigDecimal measuredValue, BigDecimal expandedUncertainty,
        BigDecimal guardBand, ToleranceLimits toleranceLimits, ToleranceLimits acceptanceLimits, Decision decision) {

    /** The boundary convention, English: how results exactly at a limit are decided. */
    public static final String BOUNDARY_CONVENTION_EN = "a result exactly at an acceptance limit is accepted;"
            + " in the non-binary statement a result exactly at the tolerance limit is a conditional pass and one"
            + " exactly at the tolerance limit plus w a conditional fail";

    /** The boundary convention, Chinese. */
    public static final String BOUNDARY_CONVENTION_ZH = "测得值恰好等于接受限时判为接受；在非二元判定中，恰好等于容许限时判为有条件合格，"
            + "恰好等于容许限加 w 时判为有条件不合格";

    public ConformityOutcome {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(measuredValue, "measuredValue");
        Objects.requireNonNull(guardBand, "guardBand");
        Objects.requireNonNull(toleranceLimits, "toleranceLimits");
        Objects.requireNonNull(acceptanceLimits, "acceptanceLimits");
        Objects.requireNonNull(decision, "decision");
        if (!rule.isNonBinary() && decision != Decision.PASS && decision != Decision.FAIL) {
            throw new IllegalArgumentException(rule.labelEn() + " is binary and cannot give " + decision.labelEn());
        }
    }

    public Optional<BigDecimal> expandedUncertaintyIfStated() {
        return Optional.ofNullable(expandedUncertainty);
    }

    /**
     * The conformity statement in English, e.g. "Conditional pass: measured value 0.95, tolerance limit ≤ 1.000,
     * acceptance limit ≤ 0.900 (guard band w = 0.100), decision rule: non-binary statement with guard band w = U
     * (ILAC-G8:09/2019 §4.2.3); a result exactly at an acceptance limit is accepted; …".
     */
    public String statementEn() {
        String label = decision.labelEn();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": measured value "
                + value(measuredValue) + uncertaintyEn() + ", tolerance limit " + toleranceLimits.describe()
                + ", acceptance limit " + acceptanceLimits.describe() + " (guard band w = " + value(guardBand)
                + "), decision rule: " + rule.labelEn() + " (" + rule.citation() + "); " + BOUNDARY_CONVENTION_EN
                + ".";
    }

    /** The conformity statement in Chinese. */
    public String statementZh() {
        return decision.labelZh() + "：测得值 " + value(measuredValue) + uncertaintyZh() + "，容许限 "
                + toleranceLimits.describe() + "，接受限 " + acceptanceLimits.describe() + "（保护带 w = "
                + value(guardBand) + "），判定规则：" + rule.labelZh() + "（" + rule.citation() + "）；"
                + BOUNDARY_CONVENTION_ZH + "。";
    }

    private String uncertaintyEn() {
        return expandedUncertainty == null ? "" : " (U = " + value(expandedUncertainty) + ")";
    }

    private String uncertaintyZh() {
        return expandedUncertainty == null ? "" : "（U = " + value(expandedUncertainty) + "）";
    }

    private String value(BigDecimal v) {
        String u = toleranceLimits.unit();
        return v.toPlainString() + (u.isBlank() ? "" : " " + u);
    }
}
