package org.jiliang.instrument.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiliang.instrument.testing.ForkedJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rename is durable only once the directory that holds the name is forced to disk: after a power
 * cut, an un-synced directory may still show the old file (an acknowledgement or a trim undone) or no
 * file at all. The journal's system calls, as strace sees them, show a directory fsync after every
 * rename in the journal directory.
 */
@Timeout(180)
class JournalDirectorySyncTest {

    private static final Pattern OPEN = Pattern.compile("^(\\d+)\\s+openat\\(AT_FDCWD, \"([^\"]+)\", ([^)]*)\\)\\s+=\\s+(\\d+)");
    private static final Pattern RENAME = Pattern.compile(
            "^(\\d+)\\s+rename(?:at2?)?\\((?:AT_FDCWD, )?\"([^\"]+)\", (?:AT_FDCWD, )?\"([^\"]+)\".*\\)\\s+=\\s+0");
    private static final Pattern FSYNC = Pattern.compile("^(\\d+)\\s+fsync\\((\\d+)\\)\\s+=\\s+0");

    @TempDir
    Path dir;

    @Test
    void everyRenameInTheJournalDirectoryIsFollowedByAnFsyncOfTheDirectory() throws Exception {
        assumeTrue(ForkedJvm.onPath("strace"), "strace is not installed (CI installs it: .ci/run)");
        Path journal = dir.resolve("journal");
        Path trace = dir.resolve("strace.log");
        // 1 100 frames: more acknowledged lines than the 1 000 that make the journal trim itself.
        ForkedJvm.Result result = ForkedJvm.run(List.of("strace", "-f", "-qq", "-o", trace.toString(), "-e",
                "trace=openat,rename,renameat,renameat2,fsync"), List.of("-Xmx64m"), JournalRenameProbe.class,
                List.of(journal.toString(), "1100"), Duration.ofMinutes(2), dir.resolve("probe.out"));
        assertThat(result.exitCode()).as(result.output()).isZero();

        List<String> renames = new ArrayList<>();
        List<String> unsynced = new ArrayList<>();
        unsyncedRenames(Files.readAllLines(trace, StandardCharsets.UTF_8), journal, renames, unsynced);
        assertThat(renames).as("the probe renamed files in the journal directory")
                .contains("BAL-1.journal", "BAL-1.acked");
        assertThat(unsynced).as("renames not followed by an fsync of the directory").isEmpty();
    }

    /**
     * A call of one thread interrupted in strace's output by another thread's is written in two parts. Seen in
     * CI: the directory's fsync split like this was not recognised, and a rename looked unsynced.
     */
    @Test
    void aDirectoryFsyncThatStraceSplitsStillCounts() {
        Path journal = Path.of("/j");
        List<String> renames = new ArrayList<>();
        List<String> unsynced = new ArrayList<>();
        unsyncedRenames(List.of(
                "7 openat(AT_FDCWD, \"/j\", O_RDONLY <unfinished ...>",
                "8 openat(AT_FDCWD, \"/usr/lib/jvm/x.jar\", O_RDONLY) = 9",
                "7 <... openat resumed>) = 5",
                "7 rename(\"/j/BAL-1.journal.tmp\", \"/j/BAL-1.journal\") = 0",
                "7 fsync(5 <unfinished ...>",
                "8 openat(AT_FDCWD, \"/usr/lib/jvm/y.jar\", O_RDONLY) = 10",
                "7 <... fsync resumed>) = 0",
                "7 renameat2(AT_FDCWD, \"/j/BAL-1.acked.tmp\", AT_FDCWD, \"/j/BAL-1.acked\", 0) = 0"),
                journal, renames, unsynced);
        assertThat(renames).containsExactly("BAL-1.journal", "BAL-1.acked");
        assertThat(unsynced).as("the last rename has no fsync after it").containsExactly("BAL-1.acked");
    }

    /** Reads strace's lines: every rename into {@code journal}, and those no fsync of the directory followed. */
    static void unsyncedRenames(List<String> lines, Path journal, List<String> renames, List<String> unsynced) {
        Map<String, String> openFiles = new HashMap<>(); // pid:fd -> path
        String pendingRename = null;
        for (String line : joinResumed(lines)) {
            Matcher open = OPEN.matcher(line);
            Matcher rename = RENAME.matcher(line);
            Matcher fsync = FSYNC.matcher(line);
            if (open.find()) {
                openFiles.put(open.group(1) + ":" + open.group(4), open.group(2));
            } else if (rename.find() && Path.of(rename.group(3)).getParent().equals(journal)) {
                if (pendingRename != null) {
                    unsynced.add(pendingRename);
                }
                pendingRename = Path.of(rename.group(3)).getFileName().toString();
                renames.add(pendingRename);
            } else if (fsync.find() && journal.toString().equals(openFiles.get(fsync.group(1) + ":" + fsync.group(2)))) {
                pendingRename = null;
            }
        }
        if (pendingRename != null) {
            unsynced.add(pendingRename);
        }
    }

    /** strace splits a call interrupted by another thread's into "<unfinished ...>" and "<... resumed>". */
    private static List<String> joinResumed(List<String> lines) {
        Map<String, String> unfinished = new HashMap<>();
        List<String> joined = new ArrayList<>();
        for (String line : lines) {
            String pid = line.split("\\s+", 2)[0];
            if (line.endsWith("<unfinished ...>")) {
                // "fsync(5 <unfinished ...>" + ") = 0" must read "fsync(5) = 0"
                unfinished.put(pid, line.substring(0, line.length() - "<unfinished ...>".length()).stripTrailing());
            } else if (line.contains(" resumed>") && unfinished.containsKey(pid)) {
                joined.add(unfinished.remove(pid) + line.substring(line.indexOf(" resumed>") + " resumed>".length()));
            } else {
                joined.add(line);
            }
        }
        return joined;
    }
}
