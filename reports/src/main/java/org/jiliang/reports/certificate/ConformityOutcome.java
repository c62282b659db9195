package org.jiliang.reports.certificate;

/**
 * The outcome of a statement of conformity under a {@link DecisionRule} (ILAC-G8:09/2019 4.2).
 * Printed as 符合 / 不符合 (conforms / does not conform), never as the legal verdict 合格 / 不合格 of
 * a verification. Labels {@code conformity.outcome.<NAME>}.
 */
public enum ConformityOutcome {
    /** Binary or non-binary "pass": inside the acceptance limit. */
    CONFORMS,
    /** Non-binary only: inside the guard band, within the tolerance limit. */
    CONDITIONAL_PASS,
    /** Non-binary only: beyond the tolerance limit, within the guard band outside it. */
    CONDITIONAL_FAIL,
    /** Binary or non-binary "fail". */
    DOES_NOT_CONFORM;

    boolean conditional() {
        return this == CONDITIONAL_PASS || this == CONDITIONAL_FAIL;
    }
}
