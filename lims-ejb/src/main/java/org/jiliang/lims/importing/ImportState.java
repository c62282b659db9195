package org.jiliang.lims.importing;

/** Where an uploaded file stands. */
public enum ImportState {
    /** Read and checked; problems listed; nothing written to the register. */
    PREVIEWED,
    /** Confirmed: being written, in one transaction (shown while it runs; never stored). */
    RUNNING,
    /** Every new row registered. */
    DONE,
    /** Cancelled while running: nothing registered. */
    CANCELLED,
    /** Failed while running (the register changed since the preview, or an error): nothing registered. */
    FAILED
}
