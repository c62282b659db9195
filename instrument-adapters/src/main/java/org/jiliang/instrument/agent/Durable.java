package org.jiliang.instrument.agent;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replacing a file so that a power cut leaves either the old or the new one: the new content is
 * written and forced aside, renamed over the old, and then the directory is forced, because the
 * rename lives in the directory and is not on disk until the directory is (POSIX fsync(2); a
 * file's own fsync does not cover its name).
 */
final class Durable {

    /** Windows cannot open a directory as a file; NTFS journals its metadata itself. */
    private static final boolean DIRECTORIES_CAN_BE_FORCED = File.separatorChar == '/';

    private Durable() {
    }

    /** Renames {@code source} (already written and forced) over {@code target}, then forces the directory. */
    static void replace(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Forces a directory's entries (names created, renamed, removed) to disk. */
    static void syncDirectory(Path directory) throws IOException {
        if (DIRECTORIES_CAN_BE_FORCED) {
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    }
}
