package org.jiliang.lims.bench;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jiliang.lims.bench.DeviceFrameService.IncomingFrame;

/**
 * Where device routes hand their frames: bounded queues, each emptied by its own thread into
 * {@link DeviceFrameService#recordAll}, up to {@value #MAX_BATCH} frames per transaction, whatever
 * has arrived while the previous transaction ran. One transaction per frame costs more than the
 * insert itself, and one writer waits on the database most of the time; many streaming devices
 * would outrun either (docs/benchmarks.md).
 *
 * <p>All frames of a device go through the same queue, so they are stored (and get their ids) in
 * the order they were handed over, and "the latest frame" stays the one with the highest id. A
 * full queue makes {@link #accept} wait, so a route slows down (and its device's bytes wait in the
 * socket) rather than frames being dropped. If a batch fails, its frames are stored one by one, so
 * one bad frame costs only itself: it is kept as malformed, raw bytes and the failure as its reason. Stopping the application
 * stores what is queued before the threads end; routes stop first ({@code AcquisitionContext}
 * depends on this bean). A frame is queued in memory until its batch commits: a crash of the
 * server loses what is queued, as it loses what waits in the sockets; the bench agent's journal
 * and sequence numbers are the answer where that matters.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // internal: called by the acquisition routes
public class FrameIntake {

    static final int MAX_BATCH = 500;
    static final int WRITERS = 4;
    private static final int CAPACITY = 5_000;
    private static final long STOP_WAIT_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(FrameIntake.class.getName());

    private final List<BlockingQueue<IncomingFrame>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    @Inject
    private DeviceFrameService frames;

    @Resource
    private ManagedThreadFactory threads;

    @PostConstruct
    void start() {
        running = true;
        for (int i = 0; i < WRITERS; i++) {
            BlockingQueue<IncomingFrame> queue = new ArrayBlockingQueue<>(CAPACITY);
            queues.add(queue);
            Thread writer = threads.newThread(() -> storeUntilStopped(queue));
            writer.setName("FrameIntake-" + i);
            writers.add(writer);
        }
        writers.forEach(Thread::start);
    }

    /** Queues a frame for storing; waits while the queue is full. */
    public void accept(IncomingFrame frame) throws InterruptedException {
        if (!running) {
            throw new IllegalStateException("the frame intake is stopped; frame " + frame.sequence() + " of "
                    + frame.deviceCode() + " was not stored");
        }
        queues.get(Math.floorMod(frame.deviceCode().hashCode(), WRITERS)).put(frame);
    }

    private void storeUntilStopped(BlockingQueue<IncomingFrame> queue) {
        List<IncomingFrame> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                IncomingFrame first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    Thread.currentThread().interrupt();
                    break;
                }
            } catch (RuntimeException e) {
                // Never let the only writer die: log and go on with the next batch.
                LOG.log(Level.SEVERE, "Storing device frames failed", e);
            } finally {
                batch.clear();
            }
        }
        if (!queue.isEmpty()) {
            LOG.severe(() -> queue.size() + " device frames were not stored when the intake stopped");
        }
    }

    /**
     * Stores a batch; if it fails, each frame alone. A frame that still fails (whatever the reason) is
     * stored as {@code MALFORMED} without its value, with its raw bytes and the failure as the reason, so
     * the original record and the sequence stay complete (issue 9). Only if even that fails (the device
     * is unknown, the frame is already stored) is it left to the log.
     */
    void store(List<IncomingFrame> batch) {
        try {
            frames.recordAll(batch);
        } catch (RuntimeException batchFailure) {
            LOG.log(Level.WARNING, "A batch of " + batch.size() + " device frames failed; storing them one by one",
                    batchFailure);
            for (IncomingFrame frame : batch) {
                try {
                    frames.record(frame);
                } catch (RuntimeException e) {
                    storeWithoutValue(frame, e);
                }
            }
        }
    }

    private void storeWithoutValue(IncomingFrame frame, RuntimeException failure) {
        String reason = "not stored as read (" + failure.getClass().getSimpleName() + ": "
                + FrameRecordLimits.abbreviated(printable(innermostMessage(failure)), 160)
                + "); kept without its value";
        try {
            frames.record(FrameRecordLimits.withoutValue(frame, FrameRecordLimits.MALFORMED, reason));
            LOG.log(Level.WARNING, "Device frame " + frame.sequence() + " of " + frame.deviceCode() + " (session "
                    + frame.linkSession() + ") was stored as malformed: " + reason, failure);
        } catch (RuntimeException e) {
            e.addSuppressed(failure);
            LOG.log(Level.SEVERE, "Device frame " + frame.sequence() + " of " + frame.deviceCode()
                    + " (session " + frame.linkSession() + ") was not stored", e);
        }
    }

    private static String innermostMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    /** The reason is text in a database column: no control characters (PostgreSQL refuses U+0000). */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }

    @PreDestroy
    void stop() {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        try {
            for (Thread writer : writers) {
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
