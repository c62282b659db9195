package org.jiliang.instrument.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jiliang.instrument.transport.Framer;
import org.jiliang.instrument.transport.LineFramer;
import org.jiliang.instrument.vaisala.VaisalaCommand;

/**
 * The bench environment monitor: a Vaisala PTU300 pressure, humidity and temperature transmitter on
 * its serial line (over TCP and/or a serial port path), ECHO OFF and the default output format, for
 * tests and the demo. Source: Vaisala PTU300 User's Guide M210796EN; see the {@code vaisala} package.
 *
 * <p>Commands end in CR (an LF after it is ignored), in any case. {@code SEND} prints one message,
 * {@code P= 1013.2 hPa T= 23.1 'C RH= 38.3 %RH} CR LF; {@code R} prints one at once and then every
 * {@code INTV} interval until {@code S} (which prints nothing); {@code INTV n [S|MIN|H]} answers
 * {@code Output intrv. : n s}; {@code VERS} answers {@code PTU300 / <version>}. Other commands get no
 * answer (what a real transmitter prints is not documented in the stored manual pages).
 *
 * <p>Faults: noise and drift apply to every quantity in its own unit; an unstable period offsets every
 * value by +0.5 while it lasts, as a draught on the probe would; a forced overload or underload prints stars in place of every value, as the transmitter
 * does for a value that does not fit its field.
 */
public final class VaisalaPtu300Simulator extends SimulatedDevice {

    private static final BigDecimal UNSTABLE_NOISE = new BigDecimal("0.5");

    private final String version;

    // Guarded by "this".
    private BigDecimal pressure;
    private BigDecimal temperature;
    private BigDecimal humidity;
    private Duration interval;

    private VaisalaPtu300Simulator(Builder builder) {
        super("PTU300 " + builder.serialNumber, builder);
        this.version = builder.version;
        this.pressure = builder.pressure;
        this.temperature = builder.temperature;
        this.humidity = builder.humidity;
        this.interval = builder.interval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sets the bench conditions: pressure in hPa, temperature in °C, relative humidity in %RH. */
    public synchronized void setConditions(BigDecimal pressureHpa, BigDecimal temperatureCelsius, BigDecimal relativeHumidity) {
        this.pressure = Objects.requireNonNull(pressureHpa, "pressure");
        this.temperature = Objects.requireNonNull(temperatureCelsius, "temperature");
        this.humidity = Objects.requireNonNull(relativeHumidity, "humidity");
    }

    public synchronized Duration interval() {
        return interval;
    }

    @Override
    Framer newCommandFramer() {
        return new LineFramer(MAX_COMMAND_LENGTH, LineFramer.CR);
    }

    @Override
    void handle(Connection client, byte[] bytes) throws IOException {
        VaisalaCommand command;
        try {
            command = VaisalaCommand.parse(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return;
        }
        List<String> args = command.arguments();
        switch (command.name()) {
            case "SEND" -> client.send(message());
            case "R" -> client.startStreaming(interval(), () -> client.send(message()));
            case "S" -> client.stopStreaming();
            case "INTV" -> setInterval(client, args);
            case "VERS" -> client.send("PTU300 / " + version);
            default -> {
                // Not modelled: see the class comment.
            }
        }
    }

    private void setInterval(Connection client, List<String> args) throws IOException {
        if (!args.isEmpty()) {
            try {
                long amount = Long.parseLong(args.get(0));
                String unit = args.size() > 1 ? args.get(1).toUpperCase(Locale.ROOT) : "S";
                Duration newInterval = switch (unit) {
                    case "S" -> Duration.ofSeconds(amount);
                    case "MIN" -> Duration.ofMinutes(amount);
                    case "H" -> Duration.ofHours(amount);
                    default -> null;
                };
                if (newInterval == null || amount < 0 || amount > 255) {
                    return;
                }
                synchronized (this) {
                    interval = newInterval.isZero() ? Duration.ofMillis(100) : newInterval;
                }
            } catch (NumberFormatException e) {
                return;
            }
        }
        Duration current = interval();
        client.send("Output intrv. : " + (current.toMillis() < 1000 ? "0" : current.toSeconds()) + " s");
    }

    /** The measurement message in the default PTU300 format. */
    synchronized String message() {
        boolean outOfRange = faults.range() != SimulatorFaults.Range.NORMAL;
        return "P= " + field(pressure, outOfRange) + " hPa T= " + field(temperature, outOfRange) + " 'C RH= "
                + field(humidity, outOfRange) + " %RH";
    }

    private String field(BigDecimal value, boolean outOfRange) {
        BigDecimal disturbed = faults.disturb(value);
        if (faults.isUnstable()) {
            disturbed = disturbed.add(UNSTABLE_NOISE);
        }
        String text = disturbed.setScale(1, RoundingMode.HALF_UP).toPlainString();
        return outOfRange ? text.replaceAll("\\d", "*") : text;
    }

    /** Settings of a simulated PTU300; every setting has a sensible default. */
    public static final class Builder extends SimulatedDevice.Builder<Builder> {
        private BigDecimal pressure = new BigDecimal("1013.2");
        private BigDecimal temperature = new BigDecimal("20.0");
        private BigDecimal humidity = new BigDecimal("45.0");
        private Duration interval = Duration.ofSeconds(1);
        private String serialNumber = "PTU0000001";
        private String version = "1.10";

        private Builder() {
        }

        /** Pressure in hPa, temperature in °C, relative humidity in %RH. */
        public Builder conditions(BigDecimal pressureHpa, BigDecimal temperatureCelsius, BigDecimal relativeHumidity) {
            this.pressure = Objects.requireNonNull(pressureHpa, "pressure");
            this.temperature = Objects.requireNonNull(temperatureCelsius, "temperature");
            this.humidity = Objects.requireNonNull(relativeHumidity, "humidity");
            return this;
        }

        /** The output interval of RUN mode ({@code R}); shorter than the device's 1 s minimum only for tests. */
        public Builder interval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive: " + interval);
            }
            this.interval = interval;
            return this;
        }

        public Builder serialNumber(String serialNumber) {
            this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
            return this;
        }

        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        public VaisalaPtu300Simulator start() throws IOException {
            VaisalaPtu300Simulator simulator = new VaisalaPtu300Simulator(this);
            simulator.startServing();
            return simulator;
        }
    }
}
