package org.jiliang.instrument.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A TCP connection to one bench device (an Ethernet instrument or a serial device server), read as
 * frames ending in CR LF or LF.
 *
 * <p>One thread sends and reads; {@link #close()} may be called from any thread and makes a
 * blocked read fail at once, which is how a consumer is stopped promptly.
 */
public final class TcpLink implements AutoCloseable {

    /** Generous for MT-SICS lines (a weight response is about 20 bytes) yet bounded against a runaway stream. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 256;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final LineFramer framer;
    private final String peer;
    private final byte[] buffer = new byte[512];

    private TcpLink(Socket socket, int maxFrameLength, String peer) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.framer = new LineFramer(maxFrameLength);
        this.peer = peer;
    }

    public static TcpLink connect(String host, int port, Duration connectTimeout) throws IOException {
        return connect(host, port, connectTimeout, DEFAULT_MAX_FRAME_LENGTH);
    }

    public static TcpLink connect(String host, int port, Duration connectTimeout, int maxFrameLength) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        String peer = host + ":" + port;
        Socket socket = new Socket();
        try {
            // Commands are a few bytes each and answered one at a time: do not let Nagle delay them.
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis(connectTimeout));
            return new TcpLink(socket, maxFrameLength, peer);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new SocketTimeoutException("no connection to " + peer + " within " + connectTimeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * The next frame, terminator included; an over-long line comes back as the bytes read so far.
     *
     * @throws FrameTimeoutException if no complete frame arrives in time
     * @throws EOFException          if the device closed the connection
     * @throws IOException           on any other failure, including {@link #close()} from another thread
     */
    public byte[] readFrame(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<byte[]> frame = framer.nextFrame();
            if (frame.isPresent()) {
                return frame.get();
            }
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                throw new FrameTimeoutException(peer, timeout);
            }
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos)));
            int count;
            try {
                count = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new FrameTimeoutException(peer, timeout);
            }
            if (count < 0) {
                throw new EOFException(peer + " closed the connection");
            }
            framer.feed(buffer, 0, count);
        }
    }

    /**
     * A frame that has already arrived, without waiting. Lets a poller pick up lines the device sent
     * on its own (e.g. after a print key) so they are not mistaken for the answer to the next poll.
     */
    public Optional<byte[]> readAvailableFrame() throws IOException {
        while (!framer.hasFrame()) {
            int available = in.available();
            if (available <= 0) {
                break;
            }
            int count = in.read(buffer, 0, Math.min(available, buffer.length));
            if (count < 0) {
                throw new EOFException(peer + " closed the connection");
            }
            framer.feed(buffer, 0, count);
        }
        return framer.nextFrame();
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    /** {@code host:port} of the device, for messages. */
    public String peer() {
        return peer;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static int timeoutMillis(Duration timeout) {
        long millis = timeout.toMillis();
        if (millis <= 0 || millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be between 1 ms and " + Integer.MAX_VALUE + " ms: " + timeout);
        }
        return (int) millis;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the link is being abandoned either way.
        }
    }
}
