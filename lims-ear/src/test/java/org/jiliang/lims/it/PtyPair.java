package org.jiliang.lims.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat, standing for a serial cable: the server opens one
 * end as its serial port, a simulated device the other. socat must be installed (.ci/run installs it).
 */
final class PtyPair implements AutoCloseable {

    private static final String SOCAT = "/usr/bin/socat";

    private final Path directory;
    private final Process socat;

    private PtyPair(Path directory, Process socat) {
        this.directory = directory;
        this.socat = socat;
    }

    static PtyPair start() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(SOCAT))) {
            throw new AssertionError("This test needs socat at " + SOCAT + ": apt-get install socat");
        }
        Path directory = Files.createTempDirectory("lims-pty");
        // socat makes its links before it sets the ptys to raw mode (VMIN 1, VTIME 0), and a port opened
        // in between loses its read timeout: nobody opens them before socat reports its transfer loop
        Path log = directory.resolve("socat.log");
        Process socat = new ProcessBuilder(SOCAT, "-d", "-d", "pty,raw,echo=0,link=" + directory.resolve("server"),
                "pty,raw,echo=0,link=" + directory.resolve("device"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PtyPair pair = new PtyPair(directory, socat);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(log) && Files.readString(log).contains("starting data transfer loop"))) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                pair.close();
                throw new AssertionError("socat did not create the pty pair in " + directory);
            }
            Thread.sleep(10);
        }
        return pair;
    }

    /** The end the server opens as its serial port. */
    Path serverSide() {
        return directory.resolve("server");
    }

    /** The end the simulated device opens. */
    Path deviceSide() {
        return directory.resolve("device");
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(2, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(serverSide());
            Files.deleteIfExists(deviceSide());
            Files.deleteIfExists(directory.resolve("socat.log"));
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
