package org.jiliang.instrument.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real pseudo-terminal pair made by socat, as on a bench PC where a device sits on one serial port:
 * {@code socat -d -d pty,raw,echo=0,link=<dir>/ttyA pty,raw,echo=0,link=<dir>/ttyB}. The adapter
 * opens {@link #linkSide()}, the simulated device {@link #deviceSide()}.
 *
 * <p>socat is required: without it the serial tests fail (they are never skipped), with a message
 * saying how to install it.
 */
public final class SocatPtyPair implements AutoCloseable {

    public static final String DEFAULT_SOCAT = "/usr/bin/socat";
    private static final long START_TIMEOUT_MILLIS = 5000;

    private final String socat;
    private final Path directory;
    private Process process;

    private SocatPtyPair(String socat, Path directory) {
        this.socat = socat;
        this.directory = directory;
    }

    /** Starts a pair with links ttyA and ttyB in the directory (which must exist). */
    public static SocatPtyPair start(Path directory) throws IOException, InterruptedException {
        return start(DEFAULT_SOCAT, directory);
    }

    /**
     * Starts a pair with the socat at that path.
     *
     * @throws AssertionError if socat is not there, or does not create both links within 5 s
     */
    public static SocatPtyPair start(String socat, Path directory) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(socat))) {
            throw new AssertionError("The serial tests need socat at " + socat + " to make pty pairs, and it is missing."
                    + " Install it: apt-get install socat");
        }
        SocatPtyPair pair = new SocatPtyPair(socat, directory);
        pair.startProcess();
        return pair;
    }

    private void startProcess() throws IOException, InterruptedException {
        Files.deleteIfExists(linkSide());
        Files.deleteIfExists(deviceSide());
        process = new ProcessBuilder(socat, "-d", "-d",
                "pty,raw,echo=0,link=" + linkSide(), "pty,raw,echo=0,link=" + deviceSide())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (!(Files.exists(linkSide()) && Files.exists(deviceSide()))) {
            if (!process.isAlive()) {
                throw new AssertionError("socat exited with " + process.exitValue() + " before creating " + linkSide()
                        + " and " + deviceSide());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("socat did not create " + linkSide() + " and " + deviceSide() + " within "
                        + START_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(5);
        }
    }

    /** The end the adapter opens, {@code <dir>/ttyA}. */
    public Path linkSide() {
        return directory.resolve("ttyA");
    }

    /** The end the simulated device opens, {@code <dir>/ttyB}. */
    public Path deviceSide() {
        return directory.resolve("ttyB");
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills socat, as when a USB adapter is pulled: both ptys go away and their links are removed. */
    public void kill() throws InterruptedException {
        if (process != null) {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            }
            closeStreams(process);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while ((Files.exists(linkSide(), LinkOption.NOFOLLOW_LINKS) || Files.exists(deviceSide(), LinkOption.NOFOLLOW_LINKS))
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static void closeStreams(Process process) {
        try {
            process.getOutputStream().close();
            process.getInputStream().close();
            process.getErrorStream().close();
        } catch (IOException ignored) {
            // The process is gone; nothing to flush.
        }
    }

    /** Starts socat again with the same links, as when the adapter is plugged back in. */
    public void restart() throws IOException, InterruptedException {
        kill();
        startProcess();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
