package org.jiliang.instrument.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the journal holds and the server has not acknowledged, in batches of one device each,
 * oldest first, the devices in turn, and trims the journal by what the server acknowledged. While the server is unreachable it
 * waits, doubling the wait up to a limit, and nothing leaves the journal; a refused batch stays too,
 * the refusal is logged with the server's reason, and the other devices go on meanwhile.
 */
public final class Forwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);

    /** Sends one batch; {@link ServerConnection#send} in production. */
    @FunctionalInterface
    public interface Sender {
        List<ServerConnection.Receipt> send(List<JournalEntry> batch) throws IOException, ServerConnection.RefusedException;
    }

    private final BenchJournal journal;
    private final Sender sender;
    private final int batchSize;
    private final long minBackoffMillis;
    private final long maxBackoffMillis;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Long> refusedUntil = new HashMap<>();
    private final Thread thread;
    private volatile boolean running;
    private boolean inOutage;

    public Forwarder(BenchJournal journal, Sender sender, int batchSize, Duration minBackoff, Duration maxBackoff) {
        this.journal = journal;
        this.sender = sender;
        this.batchSize = batchSize;
        this.minBackoffMillis = minBackoff.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
        this.thread = new Thread(this::run, "bench-agent-forwarder");
        this.thread.setDaemon(true);
    }

    public void start() {
        running = true;
        thread.start();
    }

    /** Frames the server has newly stored or confirmed since the start. */
    public long forwarded() {
        return forwarded.get();
    }

    /** Batches that could not be delivered (unreachable or refused) since the start. */
    public long failures() {
        return failures.get();
    }

    private void run() {
        long backoff = minBackoffMillis;
        try {
            while (running) {
                long now = System.nanoTime();
                refusedUntil.values().removeIf(until -> until - now <= 0);
                List<JournalEntry> batch = journal.nextBatch(batchSize, device -> !refusedUntil.containsKey(device));
                if (batch.isEmpty()) {
                    journal.awaitAppend(1000);
                    continue;
                }
                try {
                    acknowledge(batch, sender.send(batch));
                    backoff = minBackoffMillis;
                    if (inOutage) {
                        inOutage = false;
                        LOG.info("Server reachable again; replaying the journal ({} frames waiting)", journal.pendingCount());
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                    if (!inOutage) {
                        inOutage = true;
                        LOG.warn("Server not available ({}); frames stay in the journal and are sent when it answers",
                                describe(e));
                    } else {
                        LOG.debug("Server still not available: {}; {} frames waiting", e.toString(), journal.pendingCount());
                    }
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, maxBackoffMillis);
                } catch (ServerConnection.RefusedException e) {
                    failures.incrementAndGet();
                    String device = batch.get(0).device();
                    LOG.error("{} The {} frames of {} waiting stay in the journal; retrying in {} ms", e.getMessage(),
                            journal.opened(device).pendingCount(), device, maxBackoffMillis);
                    if (e.status() == 401 || e.status() == 403) {
                        sleep(maxBackoffMillis); // the bench itself is refused: no device can go
                    } else {
                        // Only this device's frames are refused; the other devices go on meanwhile.
                        refusedUntil.put(device, System.nanoTime() + maxBackoffMillis * 1_000_000);
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    LOG.error("Unexpected failure forwarding the journal; retrying", e);
                    sleep(maxBackoffMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acknowledge(List<JournalEntry> batch, List<ServerConnection.Receipt> receipts) throws IOException {
        // Never trust an acknowledgement beyond what this batch carried for the device.
        Map<String, Long> sentUpTo = new HashMap<>();
        for (JournalEntry e : batch) {
            sentUpTo.merge(e.device(), e.sequence(), Math::max);
        }
        for (ServerConnection.Receipt r : receipts) {
            Long sent = sentUpTo.get(r.device());
            DeviceJournal device = journal.opened(r.device());
            if (sent == null || device == null) {
                continue;
            }
            device.acknowledge(Math.min(sent, r.acknowledged()));
            forwarded.addAndGet(r.stored() + r.duplicates());
            if (r.duplicates() > 0) {
                LOG.info("Server already held {} frame(s) of {} up to {}: replay after a lost acknowledgement",
                        r.duplicates(), r.device(), r.acknowledged());
            }
        }
    }

    /** An I/O failure in words: a refused connection has no message of its own. */
    static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getClass().getSimpleName();
        }
        return message;
    }

    private void sleep(long millis) throws InterruptedException {
        if (running) {
            Thread.sleep(millis);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
