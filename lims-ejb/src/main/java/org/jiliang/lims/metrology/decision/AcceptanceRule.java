package org.jiliang.lims.metrology.decision;

import java.math.BigDecimal;
import java.util.Objects;

/** The decision rules of ILAC-G8:09/2019 §4.2, each with the guard band w it applies. */
public enum AcceptanceRule {
    /** Binary statement, simple acceptance: w = 0, the acceptance limit is the tolerance limit (§4.2.1). */
    SIMPLE_ACCEPTANCE("binary statement for simple acceptance (w = 0)", "简单接受的二元判定（w = 0）",
            "ILAC-G8:09/2019 §4.2.1", false, false),
    /** Binary statement with guard band w = U: accept inside TL ∓ U (§4.2.2). */
    GUARDED_ACCEPTANCE("binary statement with guard band w = U", "带保护带的二元判定（w = U）",
            "ILAC-G8:09/2019 §4.2.2", true, false),
    /** Non-binary statement with guard band w = U: pass, conditional pass, conditional fail, fail (§4.2.3). */
    NON_BINARY("non-binary statement with guard band w = U", "带保护带的非二元判定（w = U）",
            "ILAC-G8:09/2019 §4.2.3", true, true);

    private final String labelEn;
    private final String labelZh;
    private final String citation;
    private final boolean guarded;
    private final boolean nonBinary;

    AcceptanceRule(String labelEn, String labelZh, String citation, boolean guarded, boolean nonBinary) {
        this.labelEn = labelEn;
        this.labelZh = labelZh;
        this.citation = citation;
        this.guarded = guarded;
        this.nonBinary = nonBinary;
    }

    public String labelEn() {
        return labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String citation() {
        return citation;
    }

    /** Whether the statement can be conditional (four outcomes) rather than binary. */
    public boolean isNonBinary() {
        return nonBinary;
    }

    /** w for this rule: 0 for simple acceptance, U otherwise. */
    public BigDecimal guardBand(BigDecimal expandedUncertainty) {
        Objects.requireNonNull(expandedUncertainty, "expandedUncertainty");
        if (expandedUncertainty.signum() < 0) {
            throw new IllegalArgumentException("The expanded uncertainty must not be negative, was "
                    + expandedUncertainty.toPlainString());
        }
        return guarded ? expandedUncertainty : BigDecimal.ZERO;
    }
}
