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
 * A TCP connection to one bench device (an Ethernet instrument or a serial device server in raw-TCP
 * mode), read as frames; lines ending in CR LF or LF unless another {@link Framer} is given.
 *
 * <p>One thread sends and reads; {@link #close()} may be called from any thread and makes a
 * blocked read fail at once, which is how a consumer is stopped promptly.
 */
public final class TcpLink implements Link {

    /**
     * 16 384 bytes: far above any reply of the supported protocols (an MT-SICS weight line is about 20
     * bytes) yet bounded against a runaway stream. A longer line is not cut short but handed out in
     * pieces of this size ({@link LineFramer}); a bench agent forwards a frame as base64 of at most
     * 65 536 characters, which 16 KiB fits.
     */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 16_384;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Framer framer;
    private final String peer;
    private final byte[] buffer = new byte[512];
    // Written by the reading thread only; volatile so a consumer's liveness check may read it from elsewhere.
    private volatile long bytesReceived;

    private TcpLink(Socket socket, Framer framer, String peer) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.framer = Objects.requireNonNull(framer, "framer");
        this.peer = peer;
    }

    public static TcpLink connect(String host, int port, Duration connectTimeout) throws IOException {
        return connect(host, port, connectTimeout, DEFAULT_MAX_FRAME_LENGTH);
    }

    public static TcpLink connect(String host, int port, Duration connectTimeout, int maxFrameLength) throws IOException {
        return connect(host, port, connectTimeout, new LineFramer(maxFrameLength));
    }

    public static TcpLink connect(String host, int port, Duration connectTimeout, Framer framer) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(framer, "framer");
        String peer = host + ":" + port;
        Socket socket = new Socket();
        try {
            // Commands are a few bytes each and answered one at a time: do not let Nagle delay them.
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis(connectTimeout));
            return new TcpLink(socket, framer, peer);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new SocketTimeoutException("no connection to " + peer + " within " + connectTimeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** A link over a socket a server accepted, e.g. the device side of a simulator. */
    public static TcpLink accepted(Socket socket, Framer framer) throws IOException {
        socket.setTcpNoDelay(true);
        return new TcpLink(socket, framer, String.valueOf(socket.getRemoteSocketAddress()));
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
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
            bytesReceived += count;
            framer.feed(buffer, 0, count);
        }
    }

    @Override
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
            bytesReceived += count;
            framer.feed(buffer, 0, count);
        }
        return framer.nextFrame();
    }

    @Override
    public long bytesReceived() {
        return bytesReceived;
    }

    @Override
    public String lastFrameProblem() {
        return framer.lastFrameProblem();
    }

    @Override
    public byte[] takePendingBytes() {
        return framer.takePending();
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    /** {@code host:port} of the device, for messages. */
    @Override
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
