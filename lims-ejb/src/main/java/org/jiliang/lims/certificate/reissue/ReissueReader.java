package org.jiliang.lims.certificate.reissue;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the run's certificates still to do, in id order, a page at a time, for one slice of the partitioned step. Its
 * checkpoint is the last id read; a run resumed after a crash starts a new execution, and reads what is still to do.
 */
@Dependent // a bean-defining annotation: one instance per step (and partition)
@Named("reissueReader")
public class ReissueReader extends AbstractItemReader {

    private static final int PAGE = 200;

    @Inject
    @BatchProperty
    private String run;
    @Inject
    @BatchProperty
    private String slice;
    @Inject
    @BatchProperty
    private String slices;
    @Inject
    private ReissueWorker worker;

    private final Deque<Long> page = new ArrayDeque<>();
    private long last;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty()) {
            page.addAll(worker.pending(Long.parseLong(run), last, Integer.parseInt(slice), Integer.parseInt(slices),
                    PAGE));
        }
        Long next = page.poll();
        if (next != null) {
            last = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
