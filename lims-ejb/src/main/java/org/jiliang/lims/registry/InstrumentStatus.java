package org.jiliang.lims.registry;

/** Where an instrument stands in the register (issue 12). */
public enum InstrumentStatus {
    /** In use; planned by its due date. */
    IN_SERVICE,
    /** Not in use for now (stored, under repair): not recalled, not counted as due; may return to service. */
    OUT_OF_SERVICE,
    /** Taken out of use for good: stays in the register with its history, never returns. */
    SCRAPPED,
    /**
     * A verification failed (notice of non-conformity): the instrument may not be used until a new verification
     * passes. Only a certificate sets or lifts it, never a hand.
     */
    NOT_PERMITTED
}
