package org.jiliang.instrument.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiliang.instrument.mtsics.MtSicsCommand;
import org.jiliang.instrument.transport.LineFramer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A digital indicating scale speaking MT-SICS level 0/1 over TCP on 127.0.0.1, for tests and the
 * demo. Any number of clients may connect at once; they all see the same pan.
 *
 * <p>Indication = load + bias − zero − tare, rounded HALF_UP to the display interval d. After a load
 * change the indication is dynamic for the settle time, then stable. Above capacity + 9 d it shows
 * overload ({@code S +}, the usual blanking limit of OIML R 76); more than 20 d below gross zero it
 * shows underload ({@code S -}), as when the pan is lifted. Weight values are right-aligned in a
 * 10-character field with as many decimals as d, e.g. {@code S S       5000 g}.
 *
 * <p>Supported: {@code S SI SIR Z ZI T TI TA TAC @ C I2 I4}; anything else answers {@code ES}.
 * <strong>Simulator-only extensions</strong> (a real balance answers {@code ES} to them):
 * {@code SIM LOAD <value> <unit>}, {@code SIM BIAS <value> <unit>}, {@code SIM GARBAGE} (the next
 * weight response to any client is replaced by garbage), each answered {@code SIM A}, or
 * {@code SIM L} for a bad parameter.
 */
public final class MtSicsBalanceSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MtSicsBalanceSimulator.class);

    private static final byte[] GARBAGE = "#@!?\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int OVERLOAD_MARGIN_INTERVALS = 9;
    private static final int UNDERLOAD_MARGIN_INTERVALS = 20;
    private static final int WEIGHT_FIELD_WIDTH = 10;
    private static final int MAX_COMMAND_LENGTH = 128;
    private static final Map<String, BigDecimal> GRAMS_PER_UNIT = Map.of(
            "mg", new BigDecimal("0.001"), "g", BigDecimal.ONE, "kg", new BigDecimal("1000"));

    private final BigDecimal capacity;
    private final BigDecimal displayInterval;
    private final int decimals;
    private final String unit;
    private final String serialNumber;
    private final String model;
    private final long settleNanos;
    private final Duration stabilityTimeout;
    private final Duration streamInterval;

    private final ServerSocket serverSocket;
    private final ExecutorService connectionThreads;
    private final ScheduledExecutorService streamThread;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    // The pan, shared by all clients; guarded by "this".
    private BigDecimal load = BigDecimal.ZERO;
    private BigDecimal bias = BigDecimal.ZERO;
    private BigDecimal zeroOffset = BigDecimal.ZERO;
    private BigDecimal tare = BigDecimal.ZERO;
    private long stableFromNanos = System.nanoTime();
    private boolean garbagePending;

    private MtSicsBalanceSimulator(Builder builder) throws IOException {
        this.capacity = builder.capacity;
        this.displayInterval = builder.displayInterval;
        this.decimals = Math.max(0, builder.displayInterval.stripTrailingZeros().scale());
        this.unit = builder.unit;
        this.serialNumber = builder.serialNumber;
        this.model = builder.model;
        this.settleNanos = builder.settleTime.toNanos();
        this.stabilityTimeout = builder.stabilityTimeout;
        this.streamInterval = builder.streamInterval;

        ServerSocket server = new ServerSocket();
        try {
            // Lets a test stop the simulator and start a new one on the same port at once.
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 50);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        this.serverSocket = server;
        String name = "mtsics-sim-" + server.getLocalPort();
        this.connectionThreads = Executors.newCachedThreadPool(daemonThreads(name));
        this.streamThread = Executors.newSingleThreadScheduledExecutor(daemonThreads(name + "-sir"));
        connectionThreads.execute(this::acceptClients);
        LOG.info("MT-SICS balance simulator {} ({} {} {}, d = {} {}) listening on 127.0.0.1:{}",
                serialNumber, model, capacity.toPlainString(), unit, displayInterval.toPlainString(), unit, port());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port actually bound, useful when started with port 0. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Puts a load (in the balance's unit) on the pan; the indication moves for the settle time. */
    public synchronized void placeLoad(BigDecimal newLoad) {
        Objects.requireNonNull(newLoad, "load");
        if (newLoad.compareTo(load) != 0) {
            load = newLoad;
            stableFromNanos = System.nanoTime() + settleNanos;
        }
    }

    /** Sets a systematic indication error (in the balance's unit), as a balance that needs adjustment has. */
    public synchronized void setBias(BigDecimal newBias) {
        bias = Objects.requireNonNull(newBias, "bias");
    }

    /** Replaces the next weight response (to any client, from S, SI or SIR) with garbage bytes. */
    public synchronized void injectGarbageOnce() {
        garbagePending = true;
    }

    public synchronized BigDecimal load() {
        return load;
    }

    public synchronized BigDecimal tare() {
        return tare;
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        clients.forEach(MtSicsBalanceSimulator::closeQuietly);
        streamThread.shutdownNow();
        connectionThreads.shutdownNow();
        try {
            connectionThreads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("MT-SICS balance simulator {} on port {} stopped", serialNumber, serverSocket.getLocalPort());
    }

    private void acceptClients() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Simulator on port {} stops accepting: {}", port(), e.toString());
                }
                return;
            }
            clients.add(socket);
            try {
                connectionThreads.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        Client client = null;
        try (socket) {
            socket.setTcpNoDelay(true);
            client = new Client(socket.getOutputStream());
            LineFramer framer = new LineFramer(MAX_COMMAND_LENGTH);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256];
            int count;
            while ((count = in.read(buffer)) >= 0) {
                framer.feed(buffer, 0, count);
                for (Optional<byte[]> line = framer.nextFrame(); line.isPresent(); line = framer.nextFrame()) {
                    handle(client, line.get());
                }
            }
        } catch (IOException e) {
            LOG.debug("Simulator client {} gone: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (client != null) {
                client.stopStreaming();
            }
            clients.remove(socket);
        }
    }

    private void handle(Client client, byte[] line) throws IOException, InterruptedException {
        MtSicsCommand command;
        try {
            if (line[line.length - 1] != '\n') {
                throw new IllegalArgumentException("command too long");
            }
            command = MtSicsCommand.parse(new String(line, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            client.send("ES");
            return;
        }
        LOG.debug("Simulator {} received {}", serialNumber, command);
        List<String> params = command.parameters();
        if (command.id().equals("SIM")) {
            client.send(simulatorCommand(params));
            return;
        }
        if (command.id().equals("TA")) {
            client.send(tareQueryOrPreset(params));
            return;
        }
        if (!params.isEmpty()) {
            client.send("ES");
            return;
        }
        switch (command.id()) {
            case "SI" -> client.sendWeight(immediateWeightLine());
            case "S" -> client.sendWeight(stableWeightLine());
            case "SIR" -> client.startStreaming(() -> client.sendWeight(immediateWeightLine()));
            case "Z" -> client.send(zero(true));
            case "ZI" -> client.send(zero(false));
            case "T" -> client.send(tare(true));
            case "TI" -> client.send(tare(false));
            case "TAC" -> client.send(clearTare());
            case "@" -> {
                client.stopStreaming();
                client.send("I4 A \"" + serialNumber + "\"");
            }
            case "C" -> {
                client.stopStreaming();
                client.send("C B");
                client.send("C A");
            }
            case "I2" -> client.send("I2 A \"" + model + " " + capacity.setScale(decimals, RoundingMode.HALF_UP).toPlainString() + " " + unit + "\"");
            case "I4" -> client.send("I4 A \"" + serialNumber + "\"");
            default -> client.send("ES");
        }
    }

    private String immediateWeightLine() {
        Indication indication = indicate();
        return indication.outOfRange().orElseGet(() -> weightLine("S", indication.stable(), indication.net()));
    }

    private String stableWeightLine() throws InterruptedException {
        Indication indication = indicate();
        if (indication.outOfRange().isPresent()) {
            return indication.outOfRange().get();
        }
        if (!awaitStability()) {
            return "S I";
        }
        Indication settled = indicate();
        return settled.outOfRange().orElseGet(() -> weightLine("S", true, settled.net()));
    }

    private String zero(boolean whenStable) throws InterruptedException {
        String id = whenStable ? "Z" : "ZI";
        boolean stable = whenStable ? awaitStability() : indicate().stable();
        if (whenStable && !stable) {
            return "Z I";
        }
        synchronized (this) {
            Indication indication = indicate();
            if (indication.overload()) {
                return id + " +";
            }
            if (indication.underload()) {
                return id + " -";
            }
            // Zeroing sets a new gross zero and, as on most indicators, clears the tare.
            zeroOffset = load.add(bias);
            tare = BigDecimal.ZERO;
        }
        return whenStable ? "Z A" : "ZI " + (stable ? "S" : "D");
    }

    private String tare(boolean whenStable) throws InterruptedException {
        String id = whenStable ? "T" : "TI";
        boolean stable = whenStable ? awaitStability() : indicate().stable();
        if (whenStable && !stable) {
            return "T I";
        }
        synchronized (this) {
            Indication indication = indicate();
            if (indication.overload()) {
                return id + " +";
            }
            if (indication.underload()) {
                return id + " -";
            }
            tare = indication.gross();
            return weightLine(id, stable, tare);
        }
    }

    private synchronized String clearTare() {
        tare = BigDecimal.ZERO;
        return "TAC A";
    }

    private synchronized String tareQueryOrPreset(List<String> params) {
        if (!params.isEmpty()) {
            Optional<BigDecimal> preset = params.size() == 2 ? inBalanceUnit(params.get(0), params.get(1)) : Optional.empty();
            if (preset.isEmpty()) {
                return "TA L";
            }
            tare = roundToInterval(preset.get());
        }
        return "TA A " + formatValue(tare).strip() + " " + unit;
    }

    private String simulatorCommand(List<String> params) {
        if (params.size() == 1 && params.get(0).equals("GARBAGE")) {
            injectGarbageOnce();
            return "SIM A";
        }
        if (params.size() == 3 && (params.get(0).equals("LOAD") || params.get(0).equals("BIAS"))) {
            Optional<BigDecimal> value = inBalanceUnit(params.get(1), params.get(2));
            if (value.isEmpty()) {
                return "SIM L";
            }
            if (params.get(0).equals("LOAD")) {
                placeLoad(value.get());
            } else {
                setBias(value.get());
            }
            return "SIM A";
        }
        return "SIM L";
    }

    /** A value given in mg, g or kg, converted to the balance's unit. */
    private Optional<BigDecimal> inBalanceUnit(String value, String valueUnit) {
        BigDecimal gramsPerValueUnit = GRAMS_PER_UNIT.get(valueUnit);
        if (gramsPerValueUnit == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value).multiply(gramsPerValueUnit).divide(GRAMS_PER_UNIT.get(unit)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Waits until the indication is stable, at most the stability timeout. */
    private boolean awaitStability() throws InterruptedException {
        long deadline = System.nanoTime() + stabilityTimeout.toNanos();
        while (true) {
            long untilStable;
            synchronized (this) {
                untilStable = stableFromNanos - System.nanoTime();
            }
            if (untilStable <= 0) {
                return true;
            }
            long untilDeadline = deadline - System.nanoTime();
            if (untilDeadline <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(untilStable, untilDeadline));
        }
    }

    private record Indication(BigDecimal gross, BigDecimal net, boolean stable, boolean overload, boolean underload) {
        Optional<String> outOfRange() {
            return overload ? Optional.of("S +") : underload ? Optional.of("S -") : Optional.empty();
        }
    }

    private synchronized Indication indicate() {
        BigDecimal rawGross = load.add(bias).subtract(zeroOffset);
        BigDecimal gross = roundToInterval(rawGross);
        BigDecimal net = roundToInterval(rawGross.subtract(tare));
        BigDecimal overloadLimit = capacity.add(displayInterval.multiply(BigDecimal.valueOf(OVERLOAD_MARGIN_INTERVALS)));
        BigDecimal underloadLimit = displayInterval.multiply(BigDecimal.valueOf(-UNDERLOAD_MARGIN_INTERVALS));
        return new Indication(gross, net, System.nanoTime() - stableFromNanos >= 0,
                gross.compareTo(overloadLimit) > 0, gross.compareTo(underloadLimit) < 0);
    }

    private BigDecimal roundToInterval(BigDecimal value) {
        return value.divide(displayInterval, 0, RoundingMode.HALF_UP)
                .multiply(displayInterval)
                .setScale(decimals, RoundingMode.HALF_UP);
    }

    private String weightLine(String id, boolean stable, BigDecimal value) {
        return id + " " + (stable ? "S" : "D") + " " + formatValue(value) + " " + unit;
    }

    /** Right-aligned in the 10-character field of the MT-SICS reference manual, decimals as d. */
    private String formatValue(BigDecimal value) {
        String text = value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return " ".repeat(Math.max(0, WEIGHT_FIELD_WIDTH - text.length())) + text;
    }

    private synchronized boolean takeGarbage() {
        boolean garbage = garbagePending;
        garbagePending = false;
        return garbage;
    }

    private interface StreamStep {
        void run() throws IOException;
    }

    /** One connected client: its output, written one whole line at a time, and its SIR stream. */
    private final class Client {
        private final OutputStream out;
        private ScheduledFuture<?> stream;

        Client(OutputStream out) {
            this.out = out;
        }

        synchronized void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        synchronized void sendWeight(String line) throws IOException {
            if (takeGarbage()) {
                out.write(GARBAGE);
                out.flush();
            } else {
                send(line);
            }
        }

        synchronized void startStreaming(StreamStep step) {
            stopStreaming();
            long periodNanos = streamInterval.toNanos();
            stream = streamThread.scheduleAtFixedRate(() -> {
                try {
                    step.run();
                } catch (IOException e) {
                    stopStreaming();
                }
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
        }

        synchronized void stopStreaming() {
            if (stream != null) {
                stream.cancel(false);
                stream = null;
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    /** Settings of a simulated balance; every setting has a sensible default. */
    public static final class Builder {
        private int port;
        private BigDecimal capacity = new BigDecimal("6000");
        private BigDecimal displayInterval = BigDecimal.ONE;
        private String unit = "g";
        private String serialNumber = "SIM0000001";
        private String model = "JL-SIM";
        private Duration settleTime = Duration.ofMillis(800);
        private Duration stabilityTimeout = Duration.ofSeconds(2);
        private Duration streamInterval = Duration.ofMillis(100);

        private Builder() {
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Maximum capacity Max, in the balance's unit. */
        public Builder capacity(BigDecimal capacity) {
            this.capacity = positive(capacity, "capacity");
            return this;
        }

        /** Actual scale interval d, in the balance's unit, e.g. 10 (g) or 0.01 (kg). */
        public Builder displayInterval(BigDecimal displayInterval) {
            this.displayInterval = positive(displayInterval, "displayInterval");
            return this;
        }

        /** {@code mg}, {@code g} or {@code kg}. */
        public Builder unit(String unit) {
            if (!GRAMS_PER_UNIT.containsKey(unit)) {
                throw new IllegalArgumentException("unit must be one of " + GRAMS_PER_UNIT.keySet() + ": " + unit);
            }
            this.unit = unit;
            return this;
        }

        public Builder serialNumber(String serialNumber) {
            this.serialNumber = quotable(serialNumber, "serialNumber");
            return this;
        }

        public Builder model(String model) {
            this.model = quotable(model, "model");
            return this;
        }

        /** How long the indication stays dynamic after a load change. */
        public Builder settleTime(Duration settleTime) {
            this.settleTime = Objects.requireNonNull(settleTime, "settleTime");
            return this;
        }

        /** How long S, Z and T wait for stability before answering with status I. */
        public Builder stabilityTimeout(Duration stabilityTimeout) {
            this.stabilityTimeout = Objects.requireNonNull(stabilityTimeout, "stabilityTimeout");
            return this;
        }

        /** Interval between SIR lines. */
        public Builder streamInterval(Duration streamInterval) {
            if (streamInterval.isZero() || streamInterval.isNegative()) {
                throw new IllegalArgumentException("streamInterval must be positive: " + streamInterval);
            }
            this.streamInterval = streamInterval;
            return this;
        }

        /** Binds the port and starts serving. */
        public MtSicsBalanceSimulator start() throws IOException {
            return new MtSicsBalanceSimulator(this);
        }

        private static BigDecimal positive(BigDecimal value, String name) {
            if (value == null || value.signum() <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        private static String quotable(String text, String name) {
            if (text == null || text.isBlank() || text.contains("\"") || !text.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
                throw new IllegalArgumentException(name + " must be printable ASCII without quotes: " + text);
            }
            return text;
        }
    }

    /**
     * Starts a simulator for manual use until the process is stopped.
     * Arguments, all optional: {@code port capacity d unit [serialNumber]}, e.g. {@code 4001 6000 1 g}.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println("usage: MtSicsBalanceSimulator [port [capacity [d [unit [serialNumber]]]]]  e.g. 4001 6000 1 g");
            return;
        }
        Builder builder = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 4001);
        if (args.length > 1) {
            builder.capacity(new BigDecimal(args[1]));
        }
        if (args.length > 2) {
            builder.displayInterval(new BigDecimal(args[2]));
        }
        if (args.length > 3) {
            builder.unit(args[3]);
        }
        if (args.length > 4) {
            builder.serialNumber(args[4]);
        }
        MtSicsBalanceSimulator simulator = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "mtsics-sim-shutdown"));
        System.out.println("MT-SICS balance simulator listening on 127.0.0.1:" + simulator.port()
                + "; try SIM LOAD 5000 g, then SI (lines end in CR LF)");
        new CountDownLatch(1).await();
    }
}
