package org.jiliang.instrument.agent;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench agent's memory during a long outage (docs/bench-agent.md §3): one device streams frames into
 * the journal while the server answers 503 and the forwarder keeps retrying; then the agent restarts
 * (the journal is opened again) and the server comes back, and the whole journal is replayed. Prints the
 * heap in use after a full GC at every 100 000 frames, and the time of each phase. Run it with the heap
 * the agent gets ({@code -Xmx64m} in {@code benchmarks/run agent-journal}); not a test.
 *
 * <p>{@code frames=1000000 dir=/dev/shm/...}: the journal goes to tmpfs by default, because forcing a
 * million appends one by one to this machine's disk takes an hour (about 3 ms each), and what is
 * measured here is memory, not the disk.
 */
public final class JournalOutageBenchmark {

    private static final String TOKEN = "benchmark-token";
    private static final String DEVICE = "BAL-BENCH";

    private JournalOutageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv[1]);
        }
        int frames = Integer.parseInt(options.getOrDefault("frames", "1000000"));
        Path base = Path.of(options.getOrDefault("dir", Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm"
                : System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory(base, "journal-benchmark-");
        System.out.printf("Journal outage benchmark: %d frames, journal in %s, max heap %d MiB, Java %s%n", frames, dir,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        AtomicLong maxHeap = new AtomicLong();
        try (FakeLimsServer server = new FakeLimsServer(TOKEN)) {
            server.countOnly();
            server.down(true);
            ServerConnection connection = new ServerConnection(server.base(), TOKEN, Duration.ofSeconds(2),
                    Duration.ofSeconds(30));

            // 1. The outage: every frame goes to the journal, the forwarder gets 503 and waits.
            long t0 = System.nanoTime();
            try (BenchJournal journal = BenchJournal.open(dir)) {
                DeviceJournal device = journal.device(DEVICE, 0);
                Forwarder forwarder = new Forwarder(journal, connection::send, 200, Duration.ofMillis(20),
                        Duration.ofMillis(500));
                forwarder.start();
                Instant stamp = Instant.parse("2026-11-28T00:00:00Z");
                for (int n = 1; n <= frames; n++) {
                    String value = String.format("%d.%03d", n / 1000, n % 1000);
                    device.append(stamp.plusMillis(100L * n), String.format("S S %10s g\r\n", value)
                            .getBytes(StandardCharsets.US_ASCII), "STABLE", new BigDecimal(value), "g", null);
                    journal.signalAppend();
                    if (n % 100_000 == 0) {
                        sample("outage", n, maxHeap, Files.size(dir.resolve(DEVICE + ".journal")));
                    }
                }
                forwarder.close();
                System.out.printf("outage: %d frames journaled in %.1f s (%d failed attempts to send meanwhile)%n",
                        frames, seconds(t0), forwarder.failures());
            }

            // 2. The agent restarts: the journal is read once and written clean.
            long t1 = System.nanoTime();
            try (BenchJournal journal = BenchJournal.open(dir)) {
                DeviceJournal device = journal.device(DEVICE, 0);
                System.out.printf("restart: journal of %d frames opened in %.1f s%n", device.pendingCount(), seconds(t1));
                sample("restart", frames, maxHeap, Files.size(dir.resolve(DEVICE + ".journal")));

                // 3. The server is back: the whole journal is sent.
                server.down(false);
                long t2 = System.nanoTime();
                Forwarder forwarder = new Forwarder(journal, connection::send, 200, Duration.ofMillis(20),
                        Duration.ofMillis(500));
                forwarder.start();
                long next = 100_000;
                while (device.pendingCount() > 0) {
                    long sent = frames - device.pendingCount();
                    if (sent >= next) {
                        sample("replay", sent, maxHeap, Files.size(dir.resolve(DEVICE + ".journal")));
                        next += 100_000;
                    }
                    Thread.sleep(50);
                }
                forwarder.close();
                System.out.printf("replay: %d frames sent in %.1f s; the server holds %d distinct frames%n", frames,
                        seconds(t2), server.counted(DEVICE));
                if (server.counted(DEVICE) != frames) {
                    throw new IllegalStateException("the server holds " + server.counted(DEVICE) + " of " + frames);
                }
            }
            System.out.printf("RESULT: %d frames through an outage, a restart and a replay with at most %.1f MiB of heap"
                    + " in use after GC (max heap %d MiB)%n", frames, maxHeap.get() / 1048576.0,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            PathsToDelete.delete(dir);
        }
    }

    private static void sample(String phase, long frames, AtomicLong maxHeap, long journalBytes) {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        maxHeap.accumulateAndGet(used, Math::max);
        System.out.printf("  %-8s %8d frames: heap in use after GC %6.1f MiB, journal file %6.1f MiB%n", phase, frames,
                used / 1048576.0, journalBytes / 1048576.0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Removes the benchmark's journal directory. */
    private static final class PathsToDelete {
        static void delete(Path dir) throws java.io.IOException {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
