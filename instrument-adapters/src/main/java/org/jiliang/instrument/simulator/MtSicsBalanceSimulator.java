package org.jiliang.instrument.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jiliang.instrument.mtsics.MtSicsCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A digital indicating scale speaking MT-SICS level 0/1 over TCP on 127.0.0.1 and/or a serial port
 * path (e.g. one end of a socat pty pair), for tests and the demo. Any number of TCP clients may
 * connect at once; they all see the same pan.
 *
 * <p>Indication = load + bias − zero − tare, rounded HALF_UP to the display interval d. After a load
 * change the indication is dynamic for the settle time, then stable. Above capacity + 9 d it shows
 * overload ({@code S +}, the usual blanking limit of OIML R 76); more than 20 d below gross zero it
 * shows underload ({@code S -}), as when the pan is lifted. Weight values are right-aligned in a
 * 10-character field with as many decimals as d, e.g. {@code S S       5000 g}.
 *
 * <p>Supported: {@code S SI SIR Z ZI T TI TA TAC @ C I2 I3 I4}; anything else answers {@code ES}.
 * <strong>Simulator-only extensions</strong> (a real balance answers {@code ES} to them):
 * {@code SIM LOAD <value> <unit>} (optionally followed by how many ms the load moves, instead of the settle time:
 * a load set down roughly, which moves even when it is the load already there),
 * {@code SIM BIAS <value> <unit>}, {@code SIM GARBAGE} (the next
 * weight response to any client is replaced by garbage), each answered {@code SIM A}, or
 * {@code SIM L} for a bad parameter.
 *
 * <p>Faults ({@link #faults()}): noise and drift move the indication; an unstable period makes it
 * dynamic ({@code S D}; {@code S} waits and may answer {@code S I}); a forced overload or underload
 * answers {@code S +} / {@code S -}; the transport faults apply to any line sent.
 */
public final class MtSicsBalanceSimulator extends SimulatedDevice {

    private static final Logger LOG = LoggerFactory.getLogger(MtSicsBalanceSimulator.class);

    private static final byte[] GARBAGE = "#@!?\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int OVERLOAD_MARGIN_INTERVALS = 9;
    private static final int UNDERLOAD_MARGIN_INTERVALS = 20;
    private static final int WEIGHT_FIELD_WIDTH = 10;
    private static final Map<String, BigDecimal> GRAMS_PER_UNIT = Map.of(
            "mg", new BigDecimal("0.001"), "g", BigDecimal.ONE, "kg", new BigDecimal("1000"));

    private final BigDecimal capacity;
    private final BigDecimal displayInterval;
    private final int decimals;
    private final String unit;
    private final String serialNumber;
    private final String model;
    private final String softwareVersion;
    private final long settleNanos;
    private final Duration stabilityTimeout;
    private final Duration streamInterval;

    // The pan, shared by all clients; guarded by "this".
    private BigDecimal load = BigDecimal.ZERO;
    private BigDecimal bias = BigDecimal.ZERO;
    private BigDecimal zeroOffset = BigDecimal.ZERO;
    private BigDecimal tare = BigDecimal.ZERO;
    private long stableFromNanos;
    private boolean garbagePending;

    private MtSicsBalanceSimulator(Builder builder) {
        super("MT-SICS balance " + builder.serialNumber, builder);
        this.capacity = builder.capacity;
        this.displayInterval = builder.displayInterval;
        this.decimals = Math.max(0, builder.displayInterval.stripTrailingZeros().scale());
        this.unit = builder.unit;
        this.serialNumber = builder.serialNumber;
        this.model = builder.model;
        this.softwareVersion = builder.softwareVersion;
        this.settleNanos = builder.settleTime.toNanos();
        this.stabilityTimeout = builder.stabilityTimeout;
        this.streamInterval = builder.streamInterval;
        this.stableFromNanos = ticker.nanoTime();
        LOG.debug("MT-SICS balance simulator {}: {} {} {}, d = {} {}",
                serialNumber, model, capacity.toPlainString(), unit, displayInterval.toPlainString(), unit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Puts a load (in the balance's unit) on the pan; the indication moves for the settle time. The same load again
     * changes nothing: the indication stays as it is.
     */
    public synchronized void placeLoad(BigDecimal newLoad) {
        Objects.requireNonNull(newLoad, "load");
        if (newLoad.compareTo(load) != 0) {
            load = newLoad;
            stableFromNanos = ticker.nanoTime() + settleNanos;
        }
    }

    /**
     * Sets a load down roughly: the indication moves for the given time instead of the settle time, even when the
     * load is the one already on the pan. A test that must see a moving indication gives it a long one.
     */
    public synchronized void placeLoad(BigDecimal newLoad, Duration moving) {
        Objects.requireNonNull(newLoad, "load");
        if (moving.isNegative()) {
            throw new IllegalArgumentException("the time the load moves must not be negative: " + moving);
        }
        load = newLoad;
        stableFromNanos = ticker.nanoTime() + moving.toNanos();
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
    void handle(Connection client, byte[] line) throws IOException, InterruptedException {
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
            case "SI" -> sendWeight(client, immediateWeightLine());
            case "S" -> sendWeight(client, stableWeightLine());
            case "SIR" -> client.startStreaming(streamInterval, () -> sendWeight(client, immediateWeightLine()));
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
            case "I3" -> client.send("I3 A \"" + softwareVersion + "\"");
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
        boolean load = !params.isEmpty() && params.get(0).equals("LOAD");
        boolean bias = !params.isEmpty() && params.get(0).equals("BIAS");
        if ((load && (params.size() == 3 || params.size() == 4)) || (bias && params.size() == 3)) {
            Optional<BigDecimal> value = inBalanceUnit(params.get(1), params.get(2));
            Optional<Duration> moving = params.size() == 4 ? settleMillis(params.get(3)) : Optional.empty();
            if (value.isEmpty() || (params.size() == 4 && moving.isEmpty())) {
                return "SIM L";
            }
            if (bias) {
                setBias(value.get());
            } else if (moving.isPresent()) {
                placeLoad(value.get(), moving.get());
            } else {
                placeLoad(value.get());
            }
            return "SIM A";
        }
        return "SIM L";
    }

    /** The fourth parameter of {@code SIM LOAD}: how long (ms, 0 to 600 000) this load moves. */
    private static Optional<Duration> settleMillis(String text) {
        if (!text.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        long millis = Long.parseLong(text);
        return millis <= 600_000 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
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
        long deadline = ticker.nanoTime() + stabilityTimeout.toNanos();
        while (true) {
            long untilStable;
            synchronized (this) {
                untilStable = Math.max(stableFromNanos - ticker.nanoTime(), faults.isUnstable() ? TimeUnit.MILLISECONDS.toNanos(10) : 0);
            }
            if (untilStable <= 0) {
                return true;
            }
            long untilDeadline = deadline - ticker.nanoTime();
            if (untilDeadline <= 0) {
                return false;
            }
            ticker.sleep(Duration.ofNanos(Math.min(untilStable, untilDeadline)));
        }
    }

    private record Indication(BigDecimal gross, BigDecimal net, boolean stable, boolean overload, boolean underload) {
        Optional<String> outOfRange() {
            return overload ? Optional.of("S +") : underload ? Optional.of("S -") : Optional.empty();
        }
    }

    private synchronized Indication indicate() {
        BigDecimal rawGross = faults.disturb(load.add(bias).subtract(zeroOffset));
        BigDecimal gross = roundToInterval(rawGross);
        BigDecimal net = roundToInterval(rawGross.subtract(tare));
        BigDecimal overloadLimit = capacity.add(displayInterval.multiply(BigDecimal.valueOf(OVERLOAD_MARGIN_INTERVALS)));
        BigDecimal underloadLimit = displayInterval.multiply(BigDecimal.valueOf(-UNDERLOAD_MARGIN_INTERVALS));
        SimulatorFaults.Range forced = faults.range();
        return new Indication(gross, net, ticker.nanoTime() - stableFromNanos >= 0 && !faults.isUnstable(),
                forced == SimulatorFaults.Range.OVERLOAD || (forced == SimulatorFaults.Range.NORMAL && gross.compareTo(overloadLimit) > 0),
                forced == SimulatorFaults.Range.UNDERLOAD || (forced == SimulatorFaults.Range.NORMAL && gross.compareTo(underloadLimit) < 0));
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

    /** Sends a weight line, or the garbage {@link #injectGarbageOnce()} asked for in its place. */
    private void sendWeight(Connection client, String line) throws IOException {
        if (takeGarbage()) {
            client.sendFrame(GARBAGE);
        } else {
            client.send(line);
        }
    }

    /** Settings of a simulated balance; every setting has a sensible default. */
    public static final class Builder extends SimulatedDevice.Builder<Builder> {
        private BigDecimal capacity = new BigDecimal("6000");
        private BigDecimal displayInterval = BigDecimal.ONE;
        private String unit = "g";
        private String serialNumber = "SIM0000001";
        private String model = "JL-SIM";
        private String softwareVersion = "1.00.0";
        private Duration settleTime = Duration.ofMillis(800);
        private Duration stabilityTimeout = Duration.ofSeconds(2);
        private Duration streamInterval = Duration.ofMillis(100);

        private Builder() {
        }

        /** 0 picks a free port. */
        @Override
        public Builder port(int port) {
            return super.port(port);
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

        /** What {@code I3} answers. */
        public Builder softwareVersion(String softwareVersion) {
            this.softwareVersion = quotable(softwareVersion, "softwareVersion");
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

        /** Binds the port (and opens the serial port, if one is set) and starts serving. */
        public MtSicsBalanceSimulator start() throws IOException {
            MtSicsBalanceSimulator simulator = new MtSicsBalanceSimulator(this);
            simulator.startServing();
            return simulator;
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
