package org.jiliang.reports.certificate;

/**
 * The decision rule a statement of conformity applies (ISO/IEC 17025:2017 7.8.6, ILAC-G8:09/2019 4.2).
 * Its name and description are printed from the labels {@code decisionRule.<NAME>.name} and
 * {@code decisionRule.<NAME>.description}.
 */
public enum DecisionRule {

    /** ILAC-G8 4.2.1: binary, acceptance limit = tolerance limit (w = 0); shared risk. */
    SIMPLE_ACCEPTANCE(true),

    /** ILAC-G8 4.2.2: binary with guard band w = U; also the OIML R 111 rule m0 ± (δm − U). */
    GUARDED_ACCEPTANCE(true),

    /** ILAC-G8 4.2.3: pass / conditional pass / conditional fail / fail with guard band w = U. */
    NON_BINARY(false);

    private final boolean binary;

    DecisionRule(boolean binary) {
        this.binary = binary;
    }

    /** A binary rule states only conforms or does not conform; a non-binary rule all four outcomes. */
    public boolean allows(ConformityOutcome outcome) {
        return !binary || !outcome.conditional();
    }
}
