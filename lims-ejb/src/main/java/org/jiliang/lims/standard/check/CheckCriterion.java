package org.jiliang.lims.standard.check;

/** What makes a check fail, i.e. finds the standard out of tolerance (the plan states one). */
public enum CheckCriterion {
    /**
     * |E_n| ≤ 1 at every point: E_n = (x − X_ref)/√(U² + U_ref²), x the check's result with its expanded
     * uncertainty U, X_ref the check standard's reference value with its U_ref (ISO 13528 / ISO/IEC 17043
     * normalized error; JJF 1033 lists it among the acceptance criteria of an intermediate check).
     */
    NORMALIZED_ERROR,
    /** Every point inside the control limits set by the base period (test 1 of ISO 7870-2). */
    CONTROL_LIMITS
}
