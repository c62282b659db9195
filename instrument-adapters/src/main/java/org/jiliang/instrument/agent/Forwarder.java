package org.jiliang.instrument.agent;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the journal holds and the server has not acknowledged, in batches of one device each,
 * oldest first, the devices in turn, and trims the journal by what the server acknowledged.
 *
 * <p>What the server answers decides what happens to the frames:
 * <ul>
 * <li>unreachable, 404 (deploying), 408, 429, 5xx: transient; nothing leaves the journal, the wait
 *     between attempts doubles up to a limit;</li>
 * <li>401/403 (the bench's token refused): every device waits, nothing leaves the journal;</li>
 * <li>the device is refused (not a device of this bench): that device waits, the others go on;</li>
 * <li>a frame refused for good, named in the receipt: it moves to the device's quarantine file with
 *     the server's reason, and the device's next frames go on;</li>
 * <li>a whole batch refused for good (400, 409, 413, 422: e.g. a server before contract 2, or a request
 *     it cannot read at all): the device's batches are halved until the refused frame is alone; a
 *     single frame refused while the server takes an empty batch from this agent is quarantined.</li>
 * </ul>
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
    private final Clock clock;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private final Map<String, Long> refusedUntil = new HashMap<>();
    /** Per device, a batch size below the usual one while a frame the server refuses is looked for. */
    private final Map<String, Integer> narrowed = new HashMap<>();
    private final Thread thread;
    private volatile boolean running;
    private boolean inOutage;

    public Forwarder(BenchJournal journal, Sender sender, int batchSize, Duration minBackoff, Duration maxBackoff) {
        this(journal, sender, batchSize, minBackoff, maxBackoff, Clock.systemUTC());
    }

    /** @param clock stamps the quarantine file's entries */
    public Forwarder(BenchJournal journal, Sender sender, int batchSize, Duration minBackoff, Duration maxBackoff,
            Clock clock) {
        this.journal = journal;
        this.sender = sender;
        this.batchSize = batchSize;
        this.minBackoffMillis = minBackoff.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
        this.clock = clock;
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

    /** Frames moved to a quarantine file since the start. */
    public long quarantined() {
        return quarantined.get();
    }

    private void run() {
        long backoff = minBackoffMillis;
        try {
            while (running) {
                long now = System.nanoTime();
                refusedUntil.values().removeIf(until -> until - now <= 0);
                List<JournalEntry> batch;
                try {
                    batch = journal.nextBatch(device -> narrowed.getOrDefault(device, batchSize),
                            device -> !refusedUntil.containsKey(device));
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    LOG.error("Reading the journal failed; retrying", e);
                    sleep(maxBackoffMillis);
                    continue;
                }
                if (batch.isEmpty()) {
                    journal.awaitAppend(1000);
                    continue;
                }
                String device = batch.get(0).device();
                try {
                    acknowledge(batch, sender.send(batch));
                    backoff = minBackoffMillis;
                    narrowed.computeIfPresent(device, (d, size) -> size * 2 >= batchSize ? null : size * 2);
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
                    refused(batch, e);
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

    private void refused(List<JournalEntry> batch, ServerConnection.RefusedException e) throws InterruptedException {
        String device = batch.get(0).device();
        if (e.benchRefused()) {
            LOG.error("{} The {} frames waiting stay in the journal; retrying in {} ms", e.getMessage(),
                    journal.pendingCount(), maxBackoffMillis);
            sleep(maxBackoffMillis); // the bench itself is refused: no device can go
        } else if (e.deviceRefused()) {
            // Only this device is refused, for now (it may be assigned again); the other devices go on.
            LOG.error("{} The {} frames of {} waiting stay in the journal; retrying in {} ms", e.getMessage(),
                    journal.opened(device).pendingCount(), device, maxBackoffMillis);
            refusedUntil.put(device, System.nanoTime() + maxBackoffMillis * 1_000_000);
        } else if (batch.size() > 1) {
            int smaller = (batch.size() + 1) / 2;
            narrowed.put(device, smaller);
            LOG.warn("{} A batch of {} frames of {} was refused whole; sending {} at a time to find the frame the"
                    + " server refuses", e.getMessage(), batch.size(), device, smaller);
        } else if (serverTakesThisAgent()) {
            try {
                JournalEntry poison = batch.get(0);
                DeviceJournal journalOfDevice = journal.opened(device);
                journalOfDevice.quarantine(poison, e.getMessage(), clock.instant());
                journalOfDevice.acknowledge(poison.sequence());
                quarantined.incrementAndGet();
                narrowed.remove(device);
            } catch (IOException io) {
                LOG.error("Moving frame {} of {} to its quarantine file failed ({}); it stays in the journal",
                        batch.get(0).sequence(), device, describe(io));
                sleep(maxBackoffMillis);
            }
        } else {
            // The server refuses even an empty batch: the fault is not this frame's. Keep it and wait.
            LOG.error("{} The server refuses every request of this agent just now; the {} frames of {} waiting stay"
                    + " in the journal; retrying in {} ms", e.getMessage(), journal.opened(device).pendingCount(), device,
                    maxBackoffMillis);
            sleep(maxBackoffMillis);
        }
    }

    /** Whether the server takes an empty batch from this agent: then a refused single frame is the frame's fault. */
    private boolean serverTakesThisAgent() {
        try {
            sender.send(List.of());
            return true;
        } catch (IOException | ServerConnection.RefusedException e) {
            return false;
        }
    }

    private void acknowledge(List<JournalEntry> batch, List<ServerConnection.Receipt> receipts) throws IOException {
        // Never trust an acknowledgement beyond what this batch carried for the device.
        Map<String, Long> sentUpTo = new HashMap<>();
        Map<Long, JournalEntry> bySequence = new HashMap<>();
        for (JournalEntry e : batch) {
            sentUpTo.merge(e.device(), e.sequence(), Math::max);
            bySequence.put(e.sequence(), e);
        }
        for (ServerConnection.Receipt r : receipts) {
            Long sent = sentUpTo.get(r.device());
            DeviceJournal device = journal.opened(r.device());
            if (sent == null || device == null) {
                continue;
            }
            long upTo = Math.min(sent, r.acknowledged());
            // Quarantined first, forced to disk, then acknowledged: a crash in between sends it again.
            for (ServerConnection.Refusal refusal : r.refused()) {
                JournalEntry entry = bySequence.get(refusal.sequence());
                if (entry != null && entry.sequence() <= upTo) {
                    device.quarantine(entry, refusal.reason() + " [" + refusal.error() + "]", clock.instant());
                    quarantined.incrementAndGet();
                }
            }
            device.acknowledge(upTo);
            forwarded.addAndGet(r.stored() + r.duplicates());
            if (r.duplicates() > 0) {
                LOG.info("Server already held {} frame(s) of {} up to {}: replay after a lost acknowledgement",
                        r.duplicates(), r.device(), r.acknowledged());
            }
            if (r.quarantined() > 0) {
                LOG.warn("The server stored {} frame(s) of {} up to {} as quarantined: its own reading of their bytes"
                        + " differs from this agent's (see the frames on the server)", r.quarantined(), r.device(),
                        r.acknowledged());
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
