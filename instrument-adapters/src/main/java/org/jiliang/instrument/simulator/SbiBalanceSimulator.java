package org.jiliang.instrument.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import org.jiliang.instrument.sbi.SbiCommand;
import org.jiliang.instrument.sbi.SbiCommandFramer;
import org.jiliang.instrument.transport.Framer;

/**
 * A Sartorius balance speaking SBI (protocols.md 4.2) over TCP and/or a serial port path, for tests
 * and the demo. {@code ESC P} prints the net value in the 16-character format
 * ({@code +   123.56 g  } CR LF) or, if so built, the 22-character format with the identification
 * code {@code N} in front. While the indication is not stable the unit field is blank — the
 * convention the reference tags [M]. Overload and underload print {@code Stat} lines
 * ({@code Stat     High}, {@code Stat     Low}) padded to 22 characters in either format.
 *
 * <p>Supported: {@code ESC P} (print), {@code ESC T} and {@code ESC U} (tare), {@code ESC V} (zero),
 * {@code ESC S} (restart: clears tare and zero), {@code ESC x1_} (model), {@code ESC x2_} (serial
 * number); the other documented commands (filters, key blocking, beep, adjustments) are accepted and
 * do nothing visible; every command but the print commands is answered with nothing. With
 * {@link Builder#autoPrint(Duration)} the balance prints on its own at that interval, as in the
 * balance menu's automatic print mode.
 */
public final class SbiBalanceSimulator extends SimulatedDevice {

    /** Output line formats. */
    public enum Format {
        /** 14 characters + CR LF. */
        SIXTEEN,
        /** A 6-character identification code + 14 characters + CR LF. */
        TWENTY_TWO
    }

    private static final int OVERLOAD_MARGIN_INTERVALS = 9;
    private static final int UNDERLOAD_MARGIN_INTERVALS = 20;
    private static final int VALUE_WIDTH = 8;

    private final BigDecimal capacity;
    private final BigDecimal displayInterval;
    private final int decimals;
    private final String unit;
    private final String model;
    private final String serialNumber;
    private final long settleNanos;
    private final Format format;
    private final Duration autoPrint;

    // The pan; guarded by "this".
    private BigDecimal load = BigDecimal.ZERO;
    private BigDecimal zeroOffset = BigDecimal.ZERO;
    private BigDecimal tare = BigDecimal.ZERO;
    private long stableFromNanos;

    private SbiBalanceSimulator(Builder builder) {
        super("SBI balance " + builder.serialNumber, builder);
        this.capacity = builder.capacity;
        this.displayInterval = builder.displayInterval;
        this.decimals = Math.max(0, builder.displayInterval.stripTrailingZeros().scale());
        this.unit = builder.unit;
        this.model = builder.model;
        this.serialNumber = builder.serialNumber;
        this.settleNanos = builder.settleTime.toNanos();
        this.format = builder.format;
        this.autoPrint = builder.autoPrint;
        this.stableFromNanos = ticker.nanoTime();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Puts a load (in the balance's unit) on the pan; the indication is not stable for the settle time. */
    public synchronized void placeLoad(BigDecimal newLoad) {
        Objects.requireNonNull(newLoad, "load");
        if (newLoad.compareTo(load) != 0) {
            load = newLoad;
            stableFromNanos = ticker.nanoTime() + settleNanos;
        }
    }

    public synchronized BigDecimal load() {
        return load;
    }

    public synchronized BigDecimal tare() {
        return tare;
    }

    @Override
    Framer newCommandFramer() {
        return new SbiCommandFramer();
    }

    @Override
    void onConnect(Connection connection) {
        if (autoPrint != null) {
            connection.startStreaming(autoPrint, () -> connection.sendFrame(printLine()));
        }
    }

    @Override
    void handle(Connection client, byte[] bytes) throws IOException {
        SbiCommand command;
        try {
            command = SbiCommand.parse(new String(bytes, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (command.code()) {
            case "P" -> client.sendFrame(printLine());
            case "T", "U" -> tareNow();
            case "V" -> zeroNow();
            case "S" -> restart();
            case "x1_" -> client.send(model);
            case "x2_" -> client.send(serialNumber);
            default -> {
                // Filters, key blocking, beep, adjustments: nothing to show.
            }
        }
    }

    private synchronized void tareNow() {
        tare = gross();
    }

    private synchronized void zeroNow() {
        zeroOffset = load;
        tare = BigDecimal.ZERO;
    }

    private synchronized void restart() {
        zeroOffset = BigDecimal.ZERO;
        tare = BigDecimal.ZERO;
    }

    private BigDecimal gross() {
        return round(faults.disturb(load.subtract(zeroOffset)));
    }

    /** The bytes {@code ESC P} answers with now. */
    synchronized byte[] printLine() {
        BigDecimal gross = gross();
        SimulatorFaults.Range forced = faults.range();
        BigDecimal overloadLimit = capacity.add(displayInterval.multiply(BigDecimal.valueOf(OVERLOAD_MARGIN_INTERVALS)));
        BigDecimal underloadLimit = displayInterval.multiply(BigDecimal.valueOf(-UNDERLOAD_MARGIN_INTERVALS));
        if (forced == SimulatorFaults.Range.OVERLOAD || (forced == SimulatorFaults.Range.NORMAL && gross.compareTo(overloadLimit) > 0)) {
            return statusLine("High");
        }
        if (forced == SimulatorFaults.Range.UNDERLOAD || (forced == SimulatorFaults.Range.NORMAL && gross.compareTo(underloadLimit) < 0)) {
            return statusLine("Low");
        }
        boolean stable = ticker.nanoTime() - stableFromNanos >= 0 && !faults.isUnstable();
        BigDecimal net = gross.subtract(tare);
        String digits = net.abs().setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (digits.length() > VALUE_WIDTH) {
            return statusLine("High");
        }
        String data = (net.signum() < 0 ? "-" : "+") + " " + " ".repeat(VALUE_WIDTH - digits.length()) + digits + " "
                + String.format("%-3s", stable ? unit : "");
        String line = (format == Format.TWENTY_TWO ? "N     " : "") + data + "\r\n";
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] statusLine(String code) {
        return String.format("%-20s\r\n", "Stat     " + code).getBytes(StandardCharsets.US_ASCII);
    }

    private BigDecimal round(BigDecimal value) {
        return value.divide(displayInterval, 0, RoundingMode.HALF_UP).multiply(displayInterval)
                .setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Settings of a simulated SBI balance; every setting has a sensible default. */
    public static final class Builder extends SimulatedDevice.Builder<Builder> {
        private BigDecimal capacity = new BigDecimal("220.00");
        private BigDecimal displayInterval = new BigDecimal("0.01");
        private String unit = "g";
        private String model = "SIM-ENTRIS";
        private String serialNumber = "SBI0000001";
        private Duration settleTime = Duration.ofMillis(500);
        private Format format = Format.SIXTEEN;
        private Duration autoPrint;

        private Builder() {
        }

        /** Maximum capacity, in the balance's unit. */
        public Builder capacity(BigDecimal capacity) {
            this.capacity = positive(capacity, "capacity");
            return this;
        }

        /** Scale interval d, e.g. 0.01 (g); a whole-number interval prints values without decimal point. */
        public Builder displayInterval(BigDecimal displayInterval) {
            this.displayInterval = positive(displayInterval, "displayInterval");
            return this;
        }

        /** The unit symbol, 1 to 3 characters, e.g. {@code g} or {@code kg}. */
        public Builder unit(String unit) {
            if (unit == null || !unit.matches("[!-~]{1,3}")) {
                throw new IllegalArgumentException("an SBI unit is 1 to 3 printable characters: " + unit);
            }
            this.unit = unit;
            return this;
        }

        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        public Builder serialNumber(String serialNumber) {
            this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
            return this;
        }

        /** How long the indication stays unstable after a load change. */
        public Builder settleTime(Duration settleTime) {
            this.settleTime = Objects.requireNonNull(settleTime, "settleTime");
            return this;
        }

        public Builder format(Format format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Prints on its own at this interval (the menu's automatic print mode); off by default. */
        public Builder autoPrint(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("autoPrint interval must be positive: " + interval);
            }
            this.autoPrint = interval;
            return this;
        }

        /** Binds the port (and opens the serial port, if one is set) and starts serving. */
        public SbiBalanceSimulator start() throws IOException {
            SbiBalanceSimulator simulator = new SbiBalanceSimulator(this);
            simulator.startServing();
            return simulator;
        }

        private static BigDecimal positive(BigDecimal value, String name) {
            if (value == null || value.signum() <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
