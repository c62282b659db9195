package org.jiliang.instrument.agent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run by {@link JournalDirectorySyncTest} under strace: the journal operations that replace a file by
 * renaming a new one over it (opening, which rewrites the journal clean; an acknowledgement; the trim
 * of acknowledged lines), and nothing else.
 */
public final class JournalRenameProbe {

    private JournalRenameProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]);
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            for (int n = 1; n <= frames; n++) {
                journal.append(Instant.parse("2026-11-30T08:00:00Z").plusMillis(n),
                        ("S S " + n + " g\r\n").getBytes(StandardCharsets.US_ASCII), "STABLE", BigDecimal.valueOf(n),
                        "g", null);
            }
            journal.acknowledge(frames);
        }
        System.out.println("done");
    }
}
