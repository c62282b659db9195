package org.jiliang.lims.importing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far each running import is, and whether it was asked to stop: memory of this server only (a running import is
 * one transaction of this server; after a restart nothing of it was written, and it may be confirmed again).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // internal: read and written by the import services, which check roles themselves
public class ImportProgress {

    private static final class Run {
        final int total;
        final AtomicInteger done = new AtomicInteger();
        volatile boolean cancel;

        Run(int total) {
            this.total = total;
        }
    }

    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    /** Registers a run; false when one is already running for this import. */
    public boolean start(long id, int total) {
        return runs.putIfAbsent(id, new Run(total)) == null;
    }

    public boolean running(long id) {
        return runs.containsKey(id);
    }

    public void done(long id, int rows) {
        Run run = runs.get(id);
        if (run != null) {
            run.done.set(rows);
        }
    }

    /** Rows written so far, or -1 when not running here. */
    public int doneRows(long id) {
        Run run = runs.get(id);
        return run == null ? -1 : run.done.get();
    }

    public boolean cancelRequested(long id) {
        Run run = runs.get(id);
        return run != null && run.cancel;
    }

    /** Asks a running import to stop; false when none runs. */
    public boolean cancel(long id) {
        Run run = runs.get(id);
        if (run == null) {
            return false;
        }
        run.cancel = true;
        return true;
    }

    public void end(long id) {
        runs.remove(id);
    }
}
