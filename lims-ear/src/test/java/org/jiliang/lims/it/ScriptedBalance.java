package org.jiliang.lims.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.LineFramer;
import org.jiliang.instrument.transport.Link;
import org.jiliang.instrument.transport.SerialLink;
import org.jiliang.instrument.transport.SerialSettings;
import org.jiliang.instrument.transport.TcpLink;

/**
 * An MT-SICS balance written for one purpose: to send, on a streaming link (after {@code SIR}), exactly the bytes a
 * test gives it, and to keep its own log of every byte it wrote. That log is what the stored frames are counted
 * against. It answers the identity commands ({@code I2}, {@code I3}, {@code I4}) with the model, software version and
 * serial number it is built with, and between the test's bytes it streams a zero reading every 250 ms, as a balance
 * in {@code SIR} mode does, so the link never looks silent. Over TCP (one client at a time) or on one end of a socat
 * pty pair.
 */
final class ScriptedBalance implements AutoCloseable {

    static final String MODEL = "WKC204C";
    static final String SOFTWARE = "1.10.18";
    private static final byte[] IDLE = "S S      0.00 g\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long IDLE_PERIOD_MILLIS = 250;

    private final String serialNumber;
    private final ServerSocket server;
    private final String serialPath;
    private final Thread thread;
    private final BlockingQueue<Step> script = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final AtomicInteger identityQueries = new AtomicInteger();
    private final AtomicInteger stepsDone = new AtomicInteger();
    private volatile boolean idleReadings = true;
    private volatile boolean closed;
    private volatile Link link;

    private record Step(byte[] bytes, Duration perByte) {
    }

    private ScriptedBalance(String serialNumber, String serialPath) throws IOException {
        this.serialNumber = serialNumber;
        this.serialPath = serialPath;
        if (serialPath == null) {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } else {
            server = null;
        }
        thread = new Thread(this::serve, "scripted-balance");
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedBalance tcp(String serialNumber) throws IOException {
        return new ScriptedBalance(serialNumber, null);
    }

    static ScriptedBalance serial(String serialNumber, String devicePath) throws IOException {
        return new ScriptedBalance(serialNumber, devicePath);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Queues bytes to send at once, after what is queued before. */
    void send(String text) {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) {
        script.add(new Step(bytes.clone(), Duration.ZERO));
    }

    /** Queues bytes to send one at a time, {@code perByte} apart: a line that drips in. */
    void drip(String text, Duration perByte) {
        script.add(new Step(text.getBytes(StandardCharsets.ISO_8859_1), perByte));
    }

    /** Whether the balance streams its zero reading while it has nothing else to send. */
    void idleReadings(boolean on) {
        idleReadings = on;
    }

    /** How many script steps were written completely. */
    int stepsDone() {
        return stepsDone.get();
    }

    /** How many times a host asked for the serial number ({@code I4}): once per connection. */
    int identityQueries() {
        return identityQueries.get();
    }

    /** Every byte the balance wrote, in order. */
    synchronized byte[] sentBytes() {
        return log.toByteArray();
    }

    private void serve() {
        while (!closed) {
            try (Link current = open()) {
                link = current;
                converse(current);
            } catch (IOException | UncheckedIOException e) {
                // the host went away (or the port failed): wait for the next connection
            } catch (InterruptedException e) {
                return;
            } finally {
                link = null;
            }
        }
    }

    private Link open() throws IOException {
        if (server != null) {
            Socket socket = server.accept();
            return TcpLink.accepted(socket, new LineFramer(128));
        }
        return SerialLink.open(serialPath, SerialSettings.DEFAULT, new LineFramer(128));
    }

    private void converse(Link current) throws IOException, InterruptedException {
        boolean streaming = false;
        long nextIdle = 0;
        while (!closed) {
            byte[] command = readCommand(current, streaming ? Duration.ofMillis(20) : Duration.ofMillis(200));
            if (command != null) {
                String text = new String(command, StandardCharsets.US_ASCII).strip();
                switch (text) {
                    case "I2" -> write(current, "I2 A \"" + MODEL + " 220.0000 g\"\r\n");
                    case "I3" -> write(current, "I3 A \"" + SOFTWARE + "\"\r\n");
                    case "I4" -> {
                        identityQueries.incrementAndGet();
                        write(current, "I4 A \"" + serialNumber + "\"\r\n");
                    }
                    case "SIR" -> streaming = true;
                    default -> write(current, "ES\r\n");
                }
                continue;
            }
            if (!streaming) {
                continue;
            }
            Step step = script.poll();
            if (step != null) {
                play(current, step);
                stepsDone.incrementAndGet();
            } else if (idleReadings && System.nanoTime() >= nextIdle) {
                write(current, IDLE);
                nextIdle = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IDLE_PERIOD_MILLIS);
            }
        }
    }

    private static byte[] readCommand(Link current, Duration wait) throws IOException {
        try {
            return current.readFrame(wait);
        } catch (FrameTimeoutException e) {
            return null;
        }
    }

    private void play(Link current, Step step) throws IOException, InterruptedException {
        if (step.perByte().isZero()) {
            write(current, step.bytes());
            return;
        }
        for (byte b : step.bytes()) {
            write(current, new byte[] {b});
            Thread.sleep(step.perByte().toMillis()); // the device's own pace, not a test's synchronisation
        }
    }

    private void write(Link current, String text) throws IOException {
        write(current, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Logged once written: what the log holds has left the balance. */
    private synchronized void write(Link current, byte[] bytes) throws IOException {
        current.send(bytes);
        log.write(bytes, 0, bytes.length);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        Link current = link;
        if (current != null) {
            current.close();
        }
        if (server != null) {
            server.close();
        }
        thread.interrupt();
    }
}
