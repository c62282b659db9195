package org.jiliang.lims.importing;

import jakarta.ejb.ApplicationException;

/** Ends an import's transaction without a trace in the register: cancelled, or the register changed meanwhile. */
@ApplicationException(rollback = true)
public class ImportCancelled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ImportState state;

    public ImportCancelled(ImportState state, String outcome) {
        super(outcome);
        this.state = state;
    }

    public ImportState state() {
        return state;
    }
}
