package org.jiliang.instrument.agent;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Run by {@link JournalHeapTest} in a JVM with a small heap: opens a journal that holds many unsent
 * frames (as after a long outage), sends them in batches as the forwarder does (reads, acknowledges),
 * checks their numbers are complete, appends a few more, and prints what it found.
 */
public final class JournalReplayProbe {

    private JournalReplayProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String device = args[1];
        int batch = Integer.parseInt(args[2]);
        long replayed = 0;
        long expected = 1;
        long maxHeapAfterGc = 0;
        try (DeviceJournal journal = DeviceJournal.open(dir, device, 0)) {
            long waiting = journal.pendingCount();
            for (List<JournalEntry> entries = journal.pending(batch); !entries.isEmpty();
                    entries = journal.pending(batch)) {
                for (JournalEntry e : entries) {
                    if (e.sequence() != expected++) {
                        throw new IllegalStateException("expected frame " + (expected - 1) + ", read " + e.sequence());
                    }
                }
                journal.acknowledge(entries.get(entries.size() - 1).sequence());
                replayed += entries.size();
                if (replayed % 100_000 < batch) {
                    System.gc();
                    maxHeapAfterGc = Math.max(maxHeapAfterGc,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                }
            }
            for (int i = 0; i < 10; i++) {
                journal.append(Instant.parse("2026-11-30T08:00:00Z"), "S S      1.000 g\r\n"
                        .getBytes(StandardCharsets.US_ASCII), "STABLE", new BigDecimal("1.000"), "g", null);
            }
            System.out.println("waiting " + waiting + " replayed " + replayed + " next " + journal.lastSequence()
                    + " pending " + journal.pendingCount() + " max-heap-after-gc " + maxHeapAfterGc);
        }
    }
}
