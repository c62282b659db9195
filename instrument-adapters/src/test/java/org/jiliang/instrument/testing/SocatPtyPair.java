package org.jiliang.instrument.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A real pseudo-terminal pair made by socat, as on a bench PC where a device sits on one serial port:
 * {@code socat -d -d pty,raw,echo=0,link=<dir>/ttyA pty,raw,echo=0,link=<dir>/ttyB}. The adapter
 * opens {@link #linkSide()}, the simulated device {@link #deviceSide()}.
 *
 * <p>The links appear only once socat is ready, as a USB adapter's device node appears configured:
 * socat creates its links before it sets the ptys to raw mode, and raw mode sets VMIN 1 and VTIME 0,
 * so a port opened in between loses the read timeout its owner set (jSerialComm's timeouts are VMIN
 * and VTIME) and its reads wait for a byte for ever. socat therefore links to hidden names, and the
 * pair renames them once socat reports its data transfer loop.
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
        Path log = directory.resolve("socat.log");
        process = new ProcessBuilder(socat, "-d", "-d",
                "pty,raw,echo=0,link=" + pending(linkSide()), "pty,raw,echo=0,link=" + pending(deviceSide()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (!ready(log)) {
            if (!process.isAlive()) {
                throw new AssertionError("socat exited with " + process.exitValue() + " before creating " + linkSide()
                        + " and " + deviceSide() + ": " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("socat did not set up " + linkSide() + " and " + deviceSide() + " within "
                        + START_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(5);
        }
        Files.move(pending(linkSide()), linkSide(), StandardCopyOption.ATOMIC_MOVE);
        Files.move(pending(deviceSide()), deviceSide(), StandardCopyOption.ATOMIC_MOVE);
    }

    /** socat says so (at -d -d) once both ptys are open and set up. */
    private static boolean ready(Path log) throws IOException {
        return Files.exists(log) && Files.readString(log).contains("starting data transfer loop");
    }

    private static Path pending(Path link) {
        return link.resolveSibling("." + link.getFileName() + ".pending");
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
        // socat removes the links it made, but they were renamed: the device nodes go away here, as when
        // the adapter is pulled
        try {
            Files.deleteIfExists(linkSide());
            Files.deleteIfExists(deviceSide());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
