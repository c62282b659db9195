package org.jiliang.lims.standard.check;

/** What a check found. */
public enum CheckOutcome {
    /** Passed, and one of the base period from which the control limits will be set. */
    BASE_PERIOD,
    /** Passed, and no test for special causes signals. */
    IN_CONTROL,
    /** Passed the criterion, but a test for special causes signals: a case opens; the standard stays in use. */
    OUT_OF_CONTROL,
    /** Failed the criterion: the standard is suspended at once and an impact case opens. */
    OUT_OF_TOLERANCE;

    public boolean passed() {
        return this != OUT_OF_TOLERANCE;
    }
}
