package org.jiliang.instrument.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.Framer;
import org.jiliang.instrument.transport.LineFramer;
import org.jiliang.instrument.transport.Link;
import org.jiliang.instrument.transport.SerialLink;
import org.jiliang.instrument.transport.SerialSettings;
import org.jiliang.instrument.transport.TcpLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every simulated bench device shares: it serves clients over TCP on 127.0.0.1 and/or on a
 * serial port path (typically one end of a socat pty pair, the other end being what the adapter
 * opens), reads their commands, and sends its frames through the {@link SimulatorFaults} the test
 * configured.
 *
 * <p>Over TCP any number of clients may connect at once. On a serial port there is one "client",
 * the line itself; when the port fails (the pty is gone) or a disconnect fault closes it, the device
 * tries to reopen the path every {@link Builder#serialReopenDelay(Duration) reopen delay} (200 ms by
 * default) until it is closed, so a restarted pty pair is picked up again.
 */
public abstract class SimulatedDevice implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDevice.class);

    static final int MAX_COMMAND_LENGTH = 128;
    private static final Duration READ_SLICE = Duration.ofMillis(500);

    final SimulatorFaults faults;
    final Ticker ticker;
    private final String name;
    private final boolean tcp;
    private final int requestedPort;
    private final String serialPath;
    private final SerialSettings serialSettings;
    private final long reopenDelayMillis;
    private final boolean oneClientAtATime;

    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acceptedConnections = new AtomicInteger();
    private ServerSocket server;
    private ExecutorService threads;
    private ScheduledExecutorService timer;
    private volatile boolean closed;

    SimulatedDevice(String name, Builder<?> builder) {
        this.name = name;
        this.ticker = builder.ticker;
        this.faults = new SimulatorFaults(builder.seed, builder.ticker);
        this.tcp = builder.tcp;
        this.requestedPort = builder.port;
        this.serialPath = builder.serialPort;
        this.serialSettings = builder.serialSettings;
        this.reopenDelayMillis = builder.serialReopenDelay.toMillis();
        this.oneClientAtATime = builder.oneClientAtATime;
        if (!tcp && serialPath == null) {
            throw new IllegalArgumentException("a simulated device needs TCP or a serial port");
        }
    }

    /** The bytes every line the device sends ends with. */
    String lineEnd() {
        return "\r\n";
    }

    /** How the device cuts the host's bytes into commands; lines ending in LF unless overridden. */
    Framer newCommandFramer() {
        return new LineFramer(MAX_COMMAND_LENGTH);
    }

    /** Called once per new client (TCP connection or (re)opened serial port), before its first command. */
    void onConnect(Connection connection) throws IOException {
    }

    /** Handles one command as cut by {@link #newCommandFramer()}. */
    abstract void handle(Connection connection, byte[] command) throws IOException, InterruptedException;

    /** Binds the port and opens the serial port; called by the subclass's builder once the subclass is ready. */
    final void startServing() throws IOException {
        threads = Executors.newCachedThreadPool(daemonThreads(name));
        timer = Executors.newSingleThreadScheduledExecutor(daemonThreads(name + "-timer"));
        try {
            if (tcp) {
                ServerSocket socket = new ServerSocket();
                server = socket;
                // Lets a test stop the simulator and start a new one on the same port at once.
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 50);
                threads.execute(this::acceptClients);
            }
            if (serialPath != null) {
                SerialLink first = SerialLink.open(serialPath, serialSettings, newCommandFramer());
                threads.execute(() -> serveSerialPort(first));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Simulated {} listening on {}", name, where());
    }

    /** The TCP port actually bound, useful when started with port 0; −1 without TCP. */
    public int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    /** The serial port path the device serves, if any. */
    public Optional<String> serialPort() {
        return Optional.ofNullable(serialPath);
    }

    /** The faults to inject; see {@link SimulatorFaults}. */
    public SimulatorFaults faults() {
        return faults;
    }

    /** How many clients connected so far: TCP connections accepted plus serial port (re)openings. */
    public int acceptedConnections() {
        return acceptedConnections.get();
    }

    @Override
    public void close() {
        closed = true;
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        connections.forEach(Connection::close);
        if (timer != null) {
            timer.shutdownNow();
        }
        if (threads != null) {
            threads.shutdownNow();
            try {
                if (!threads.awaitTermination(2, TimeUnit.SECONDS)) {
                    LOG.warn("Simulated {} did not stop all its threads within 2 s", name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("Simulated {} on {} stopped", name, where());
    }

    private String where() {
        String tcpPart = server == null ? "" : "127.0.0.1:" + server.getLocalPort();
        String serialPart = serialPath == null ? "" : "serial " + serialPath;
        return tcpPart.isEmpty() ? serialPart : serialPart.isEmpty() ? tcpPart : tcpPart + " and " + serialPart;
    }

    private void acceptClients() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Simulated {} stops accepting: {}", name, e.toString());
                }
                return;
            }
            if (oneClientAtATime && !connections.isEmpty()) {
                closeQuietly(socket);
                continue;
            }
            try {
                Connection connection = new Connection(TcpLink.accepted(socket, newCommandFramer()));
                acceptedConnections.incrementAndGet();
                connections.add(connection); // now, so a one-client device refuses the next connection at once
                threads.execute(() -> serve(connection));
            } catch (IOException | RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private void serveSerialPort(SerialLink first) {
        Link link = first;
        try {
            while (!closed) {
                if (link == null) {
                    try {
                        link = SerialLink.open(serialPath, serialSettings, newCommandFramer());
                    } catch (IOException e) {
                        TimeUnit.MILLISECONDS.sleep(reopenDelayMillis);
                        continue;
                    }
                }
                acceptedConnections.incrementAndGet();
                Connection connection = new Connection(link);
                connection.servedPort = realPath(serialPath);
                serve(connection);
                link = null;
                if (!closed) {
                    TimeUnit.MILLISECONDS.sleep(reopenDelayMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (link != null) {
                link.close();
            }
        }
    }

    private void serve(Connection connection) {
        connections.add(connection);
        try {
            if (closed) {
                return;
            }
            onConnect(connection);
            while (!closed && !connection.closed) {
                byte[] command;
                try {
                    command = connection.link.readFrame(READ_SLICE);
                } catch (FrameTimeoutException e) {
                    if (connection.servedPort != null && !connection.servedPort.equals(realPath(serialPath))) {
                        // the pty pair was restarted under the same name: a dead pty may report nothing,
                        // so the device notices by the name pointing elsewhere, and reopens it
                        LOG.debug("Simulated {}: {} now names another port; reopening", name, serialPath);
                        return;
                    }
                    continue;
                }
                handle(connection, command);
            }
        } catch (IOException e) {
            LOG.debug("Simulated {}: client {} gone: {}", name, connection.link.peer(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
            connections.remove(connection);
        }
    }

    /** Where a port's name points now (a socat link names a /dev/pts device); null while it names nothing. */
    private static java.nio.file.Path realPath(String port) {
        try {
            return java.nio.file.Path.of(port).toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A step of a stream (e.g. MT-SICS {@code SIR}, continuous output of a transmitter). */
    interface StreamStep {
        void run() throws IOException;
    }

    /** One client: its output, written one whole frame at a time through the faults, and its stream. */
    final class Connection {
        private final Link link;
        private ScheduledFuture<?> stream;
        private volatile boolean closed;
        /** For a serial port: the device its name pointed to when it was opened. */
        private java.nio.file.Path servedPort;

        Connection(Link link) {
            this.link = link;
        }

        /** Sends a line of text followed by the device's line end. */
        void send(String line) throws IOException {
            sendFrame((line + lineEnd()).getBytes(StandardCharsets.US_ASCII));
        }

        /** Sends one frame as given, unless a fault says otherwise. */
        synchronized void sendFrame(byte[] frame) throws IOException {
            if (closed) {
                throw new IOException("connection closed");
            }
            if (faults.isSilent()) {
                return;
            }
            SimulatorFaults.Planned planned = faults.takeFrameFault();
            switch (planned.fault()) {
                case DISCONNECT_MID_FRAME -> {
                    write(Arrays.copyOf(frame, frame.length / 2));
                    // The half frame has left the device when the line drops; closing a serial port at
                    // once could discard bytes still in its output buffer.
                    pauseBeforeDisconnect();
                    close();
                    throw new IOException("disconnected in the middle of a frame (injected fault)");
                }
                case OVERLONG_LINE, GARBAGE -> write(planned.replacement());
                case LONG_LINE -> write(withLineEndOf(frame, planned.replacement()));
                case FRAGMENT -> {
                    write(fragmentOf(frame));
                    write(frame);
                }
                case TRUNCATE -> write(truncated(frame));
                case NONE -> write(frame);
            }
        }

        private void pauseBeforeDisconnect() throws IOException {
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted before the injected disconnect", e);
            }
        }

        private void write(byte[] bytes) throws IOException {
            Duration drip = faults.dripPerByte();
            if (drip.isZero()) {
                link.send(bytes);
                return;
            }
            try {
                for (int i = 0; i < bytes.length; i++) {
                    if (i > 0) {
                        ticker.sleep(drip); // between bytes: the frame is complete when its last byte leaves
                    }
                    link.send(new byte[] {bytes[i]});
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while dripping bytes", e);
            }
        }

        /**
         * Starts sending with {@code step} every {@code period}, replacing any stream of this client. A
         * step runs holding this connection, and only while its stream is current: once a command has
         * stopped the stream, no line of it follows the command's answer (cancelling the timer task does
         * not stop a step already running).
         */
        synchronized void startStreaming(Duration period, StreamStep step) {
            stopStreaming();
            ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
            self[0] = timer.scheduleAtFixedRate(() -> {
                synchronized (this) {
                    if (stream != self[0]) {
                        return;
                    }
                    try {
                        step.run();
                    } catch (IOException e) {
                        stopStreaming();
                    }
                }
            }, 0, period.toNanos(), TimeUnit.NANOSECONDS);
            stream = self[0];
        }

        synchronized void stopStreaming() {
            if (stream != null) {
                stream.cancel(false);
                stream = null;
            }
        }

        boolean isStreaming() {
            synchronized (this) {
                return stream != null;
            }
        }

        void close() {
            closed = true;
            synchronized (this) {
                stopStreaming();
            }
            link.close();
        }
    }

    /** The first half of the frame's content, without its terminator. */
    static byte[] fragmentOf(byte[] frame) {
        return Arrays.copyOf(frame, contentEnd(frame) / 2);
    }

    /** The content followed by the frame's terminator (its trailing CR and LF bytes). */
    static byte[] withLineEndOf(byte[] frame, byte[] content) {
        int contentEnd = contentEnd(frame);
        byte[] line = Arrays.copyOf(content, content.length + frame.length - contentEnd);
        System.arraycopy(frame, contentEnd, line, content.length, frame.length - contentEnd);
        return line;
    }

    private static int contentEnd(byte[] frame) {
        int contentEnd = frame.length;
        while (contentEnd > 0 && (frame[contentEnd - 1] == '\n' || frame[contentEnd - 1] == '\r')) {
            contentEnd--;
        }
        return contentEnd;
    }

    /** The frame with the first half of its content and its terminator (trailing CR and LF bytes). */
    static byte[] truncated(byte[] frame) {
        int contentEnd = frame.length;
        while (contentEnd > 0 && (frame[contentEnd - 1] == '\n' || frame[contentEnd - 1] == '\r')) {
            contentEnd--;
        }
        int kept = contentEnd <= 1 ? 0 : contentEnd / 2;
        byte[] cut = new byte[kept + frame.length - contentEnd];
        System.arraycopy(frame, 0, cut, 0, kept);
        System.arraycopy(frame, contentEnd, cut, kept, frame.length - contentEnd);
        return cut;
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A field of an {@code *IDN?} answer: printable ASCII without commas (the fields are comma-separated). */
    static String idnField(String value, String name) {
        if (value == null || value.isBlank() || value.contains(",") || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new IllegalArgumentException(name + " must be printable ASCII without commas: " + value);
        }
        return value;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    /** Transport settings every simulator's builder has; each setting has a sensible default. */
    public abstract static class Builder<B extends Builder<B>> {
        int port;
        boolean tcp = true;
        String serialPort;
        SerialSettings serialSettings = SerialSettings.DEFAULT;
        Duration serialReopenDelay = Duration.ofMillis(200);
        long seed = 4711;
        Ticker ticker = Ticker.SYSTEM;
        boolean oneClientAtATime;

        Builder() {
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /** TCP port on 127.0.0.1; 0 (the default) picks a free port. */
        public B port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return self();
        }

        /** Whether to listen on TCP at all (default yes); a serial-only device says {@code tcp(false)}. */
        public B tcp(boolean enabled) {
            this.tcp = enabled;
            return self();
        }

        /**
         * Also serve on this serial port path, e.g. {@code /tmp/ttyB}, the device end of
         * {@code socat pty,raw,echo=0,link=/tmp/ttyA pty,raw,echo=0,link=/tmp/ttyB}; the path must exist at start.
         */
        public B serialPort(String path) {
            this.serialPort = Objects.requireNonNull(path, "path");
            return self();
        }

        public B serialSettings(SerialSettings settings) {
            this.serialSettings = Objects.requireNonNull(settings, "settings");
            return self();
        }

        /** How long the device waits before reopening its serial port after it failed or was closed by a fault. */
        public B serialReopenDelay(Duration delay) {
            if (Objects.requireNonNull(delay, "delay").isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("serialReopenDelay must be positive: " + delay);
            }
            this.serialReopenDelay = delay;
            return self();
        }

        /** Serve one TCP client at a time, as many LXI raw-socket servers do: a second connection is closed at once. */
        final void oneClientAtATime(boolean one) {
            this.oneClientAtATime = one;
        }

        /** Seed of the noise generator, so a noisy run can be repeated. */
        public B seed(long seed) {
            this.seed = seed;
            return self();
        }

        /**
         * The time the device goes by (settling, fault periods, drift, dripping); real time by default.
         * A test that asserts what the device answers before or after such a time gives a
         * {@link ManualTicker} and advances it, instead of sleeping and hoping the machine keeps up.
         */
        public B ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return self();
        }
    }
}
