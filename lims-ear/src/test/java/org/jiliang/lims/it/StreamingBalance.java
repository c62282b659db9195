package org.jiliang.lims.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A balance on the bench PC that streams weight lines after MT-SICS {@code SIR}, every line different
 * (and now and then a garbled one), and remembers every frame it sent, in order: the reference the
 * stored frames are counted against. One client at a time, like a serial port.
 */
final class StreamingBalance implements AutoCloseable {

    static final byte[] GARBAGE = {'#', '@', '!', '?', 0x00, (byte) 0xFF, '\r', '\n'};

    private final ServerSocket server;
    private final long periodMillis;
    private final List<byte[]> sent = new ArrayList<>();
    private final Thread thread;
    private volatile boolean streaming = true;
    private volatile boolean closed;
    private volatile Socket client;
    /** Weight lines sent so far (guarded by this): numbers the next one. */
    private int weightLines;

    StreamingBalance(long periodMillis) throws IOException {
        this.periodMillis = periodMillis;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "streaming-balance");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Stops (or resumes) streaming weight lines; while paused no line is sent, so nothing can be lost on the wire.
     * The balance still answers a reader that connects again (its identity), as a paused balance does.
     */
    void streaming(boolean on) {
        streaming = on;
    }

    /**
     * Sends nothing more, for good: neither a weight line nor an answer; a frame being written is finished first. After
     * it {@link #sent()} is final. (Paused only, the balance still answers the reader that connects again because it
     * went silent, with frames sent after the count a test took: two such frames once went missing from a count
     * that had looked complete.)
     */
    void silence() throws IOException {
        synchronized (this) {
            closed = true;
        }
        close();
    }

    synchronized List<byte[]> sent() {
        return List.copyOf(sent);
    }

    synchronized int sentCount() {
        return sent.size();
    }

    private void serve() {
        while (!closed) {
            try (Socket socket = server.accept()) {
                client = socket;
                InputStream in = socket.getInputStream();
                if (!answerUntilSir(in, socket.getOutputStream())) {
                    continue;
                }
                // The client hanging up must end this stream before anything more is counted as sent.
                java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread watcher = new Thread(() -> {
                    try {
                        while (in.read() != -1) {
                            // commands after SIR are ignored
                        }
                    } catch (IOException e) {
                        // closed
                    }
                    open.set(false);
                }, "streaming-balance-watch");
                watcher.setDaemon(true);
                watcher.start();
                stream(socket.getOutputStream(), open);
            } catch (IOException e) {
                // The client went away; wait for the next one.
            }
        }
    }

    /**
     * Answers what comes before {@code SIR} as an MT-SICS balance does: its identity to I2, I3 and I4 (which a
     * reader asks on connect), ES to anything else; every answer is a frame sent. False if the client hung up.
     */
    private boolean answerUntilSir(InputStream in, OutputStream out) throws IOException {
        while (true) {
            StringBuilder command = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                command.append((char) b);
            }
            if (b == -1) {
                return false;
            }
            String text = command.toString().strip();
            if (text.equals("SIR")) {
                return true;
            }
            String answer = switch (text) {
                case "I2" -> "I2 A \"JL-STREAM 220.000 g\"\r\n";
                case "I3" -> "I3 A \"1.0\"\r\n";
                case "I4" -> "I4 A \"STREAM0001\"\r\n";
                default -> "ES\r\n";
            };
            synchronized (this) {
                if (closed) {
                    return false;
                }
                byte[] frame = answer.getBytes(StandardCharsets.US_ASCII);
                out.write(frame);
                out.flush();
                sent.add(frame);
            }
        }
    }

    private void stream(OutputStream out, java.util.concurrent.atomic.AtomicBoolean open) throws IOException {
        while (!closed && open.get()) {
            synchronized (this) { // the flags read under the lock: a line begun after a pause or silence is not sent
                if (streaming && !closed) {
                    int n = ++weightLines;
                    byte[] frame = n % 37 == 0 ? GARBAGE
                            : String.format("S S %10s g\r\n", n + ".000").getBytes(StandardCharsets.US_ASCII);
                    // Counted only once the whole frame is written to the link.
                    out.write(frame);
                    out.flush();
                    sent.add(frame);
                }
            }
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        Socket current = client;
        if (current != null) {
            current.close();
        }
        server.close();
        thread.interrupt();
    }
}
