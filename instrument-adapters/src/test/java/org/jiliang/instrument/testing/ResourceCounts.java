package org.jiliang.instrument.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Live threads and open file descriptors of this JVM, to show that nothing leaks. */
public record ResourceCounts(int threads, long fileDescriptors, List<String> threadNames) {

    public static ResourceCounts now() {
        List<String> names = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .sorted().toList();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return new ResourceCounts(names.size(), fds.count(), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits briefly for threads and descriptors of closed connections to go, then counts. */
    public static ResourceCounts settled(ResourceCounts baseline) throws InterruptedException {
        ResourceCounts now = now();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while ((now.threads > baseline.threads || now.fileDescriptors > baseline.fileDescriptors) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = now();
        }
        return now;
    }
}
