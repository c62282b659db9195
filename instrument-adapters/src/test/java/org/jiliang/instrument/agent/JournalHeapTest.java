package org.jiliang.instrument.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jiliang.instrument.testing.ForkedJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal keeps waiting frames on disk, not in memory: a journal of a million unsent frames (a
 * weekend's outage of a streaming balance) opens, replays and takes new frames in a JVM whose whole heap
 * is 24 MB, less than a tenth of what those frames take in memory.
 */
@Timeout(180)
class JournalHeapTest {

    private static final int FRAMES = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionUnsentFramesAreReplayedWithATwentyFourMegabyteHeap() throws Exception {
        long bytes = writeJournal(dir, "BAL-1", FRAMES);
        assertThat(bytes).as("the journal is far larger than the heap").isGreaterThan(80L << 20);

        ForkedJvm.Result result = ForkedJvm.run(List.of(), List.of("-Xmx24m", "-XX:+UseSerialGC"),
                JournalReplayProbe.class, List.of(dir.toString(), "BAL-1", "500"), Duration.ofMinutes(2),
                dir.resolve("probe.out"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("waiting " + FRAMES + " replayed " + FRAMES + " next " + (FRAMES + 10)
                + " pending 10");
    }

    /** A journal file as the agent writes it, written in one go (appending a million frames one by one,
     *  each forced to disk, would take an hour on this disk). */
    static long writeJournal(Path dir, String device, int frames) throws IOException {
        Path file = dir.resolve(device + ".journal");
        Instant t0 = Instant.parse("2026-11-28T00:00:00Z");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int n = 1; n <= frames; n++) {
                String value = String.format("%d.%03d", n / 1000, n % 1000);
                byte[] raw = String.format("S S %10s g\r\n", value).getBytes(StandardCharsets.US_ASCII);
                out.write(new JournalEntry(device, n, t0.plusMillis(100L * n), raw, "STABLE", new BigDecimal(value), "g",
                        null).toLine().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return Files.size(file);
    }
}
