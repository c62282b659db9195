package org.jiliang.instrument.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import org.jiliang.instrument.scpi.ScpiCommand;
import org.jiliang.instrument.scpi.ScpiErrors;
import org.jiliang.instrument.scpi.ScpiNumbers;

/**
 * A digital pressure standard, a Druck PACE1000-like indicator speaking the PACE SCPI dialect (Druck <i>PACE Series
 * SCPI Remote Communications Manual</i> K0472), over TCP and/or a serial port path, for tests and the demo. Commands
 * end in LF (a CR before it is ignored). Answers end in LF and echo the header they answer, values printed with 7
 * decimals as the manual's example prints them: {@code :SENS:PRES?} is answered {@code :SENS:PRES 100.0000000}.
 *
 * <p>Supported: {@code *IDN?}, {@code *RST} (the unit back to the one it was built with; the error queue is kept),
 * {@code *CLS} (clears the error queue); {@code :SYST:ERR?}, answered {@code <code>,"<text>"} without an echo;
 * {@code :SENS:PRES?}; {@code :UNIT:PRES KPA|MMHG} and {@code :UNIT:PRES?}; {@code :INST:LIM?}, answered with the
 * range's name, its upper and its lower full scale in the selected unit; long and short mnemonics in any case, the
 * leading colon optional. Errors go into a 20-entry FIFO queue: −113 {@code Undefined header}, −224
 * {@code Illegal parameter value} (a unit it does not read, a pressure that is no number), −109 {@code Missing
 * parameter}, −108 {@code Parameter not allowed}, −363 {@code Input buffer overrun} for a line longer than 128 bytes,
 * −350 {@code Queue overflow} as the last entry when full.
 *
 * <p>The true pressure is set with {@link #applyPascal} or {@link #applyKilopascal} or, over the wire, with the
 * simulator's own command {@code SIM:PRES <kPa>} (no instrument knows it; a PACE5000/6000 controller would be given a
 * set-point instead). A true pressure outside the range (0 to 70 kPa gauge unless built otherwise) reads as the SCPI
 * overload 9.9E37 with the sign of the side it left by; within it every reading carries seeded Gaussian noise
 * ({@link Builder#noise}). The {@link SimulatorFaults}' noise and drift are in pascals.
 */
public final class PacePressureStandardSimulator extends SimulatedDevice {

    private static final BigDecimal PASCALS_PER_KILOPASCAL = new BigDecimal("1000");
    /** The conventional millimetre of mercury, exact by definition (13 595.1 kg/m3 × 9.806 65 m/s2 × 1 mm). */
    private static final BigDecimal PASCALS_PER_MMHG = new BigDecimal("133.322387415");
    /** The units this simulator reads in, by the name the instrument gives them, with their size in pascals. */
    private static final Map<String, BigDecimal> UNITS = Map.of("KPA", PASCALS_PER_KILOPASCAL, "MMHG", PASCALS_PER_MMHG);
    private static final String OVERLOAD = "9.9000000E+37";

    private final String identification;
    private final String powerOnUnit;
    private final String rangeName;
    private final BigDecimal lowerPascal;
    private final BigDecimal upperPascal;
    private final Random noise;
    private final BigDecimal noiseSigmaPascal;

    // Guarded by "this".
    private final ScpiErrorQueue errorQueue = new ScpiErrorQueue();
    private BigDecimal pressurePascal = BigDecimal.ZERO;
    private String unit;

    private PacePressureStandardSimulator(Builder builder) {
        super("PACE pressure standard " + builder.serialNumber, builder);
        this.identification = String.join(",", builder.manufacturer, builder.model, builder.serialNumber, builder.firmware);
        this.powerOnUnit = builder.unit;
        this.unit = builder.unit;
        this.rangeName = builder.rangeName;
        this.lowerPascal = builder.lowerKilopascal.multiply(PASCALS_PER_KILOPASCAL);
        this.upperPascal = builder.upperKilopascal.multiply(PASCALS_PER_KILOPASCAL);
        this.noise = new Random(builder.seed);
        this.noiseSigmaPascal = builder.noiseSigmaPascal;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Applies this true pressure, in pascals (gauge). */
    public synchronized void applyPascal(BigDecimal pascals) {
        this.pressurePascal = Objects.requireNonNull(pascals, "pascals");
    }

    /** Applies this true pressure, in kilopascals (gauge). */
    public synchronized void applyKilopascal(BigDecimal kilopascals) {
        applyPascal(Objects.requireNonNull(kilopascals, "kilopascals").multiply(PASCALS_PER_KILOPASCAL));
    }

    /** The true pressure applied, in pascals. */
    public synchronized BigDecimal pressurePascal() {
        return pressurePascal;
    }

    /** The unit it reads in, as the instrument names it: {@code KPA} or {@code MMHG}. */
    public synchronized String unit() {
        return unit;
    }

    /** The error queue, oldest first, as {@code :SYST:ERR?} would return it. */
    public synchronized List<String> errorQueue() {
        return errorQueue.entries();
    }

    @Override
    String lineEnd() {
        return "\n";
    }

    @Override
    void handle(Connection client, byte[] line) throws IOException {
        if (line[line.length - 1] != '\n') {
            pushError(-363, "Input buffer overrun");
            return;
        }
        ScpiCommand command;
        try {
            command = ScpiCommand.parse(new String(line, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            pushError(ScpiErrors.UNDEFINED_HEADER, "Undefined header");
            return;
        }
        Optional<String> answer = execute(command);
        if (answer.isPresent()) {
            client.send(answer.get());
        }
    }

    private synchronized Optional<String> execute(ScpiCommand command) {
        List<String> parameters = command.parameters();
        switch (command.shortHeader()) {
            case "*IDN?" -> {
                return Optional.of(identification);
            }
            case "*RST" -> {
                unit = powerOnUnit;
                return Optional.empty();
            }
            case "*CLS" -> {
                errorQueue.clear();
                return Optional.empty();
            }
            case "SYST:ERR?", "SYST:ERR:NEXT?" -> {
                return Optional.of(errorQueue.next());
            }
            case "SENS:PRES?" -> {
                return Optional.of(":SENS:PRES " + reading());
            }
            case "UNIT:PRES?" -> {
                return Optional.of(":UNIT:PRES " + unit);
            }
            case "UNIT:PRES" -> {
                oneParameter(parameters).map(p -> p.toUpperCase(Locale.ROOT)).ifPresent(name -> {
                    if (UNITS.containsKey(name)) {
                        unit = name;
                    } else {
                        pushError(ScpiErrors.ILLEGAL_PARAMETER_VALUE, "Illegal parameter value");
                    }
                });
                return Optional.empty();
            }
            case "INST:LIM?" -> {
                return Optional.of(":INST:LIM \"" + rangeName + "\"," + inUnit(upperPascal) + "," + inUnit(lowerPascal));
            }
            case "SIM:PRES" -> {
                oneParameter(parameters).ifPresent(value -> {
                    Optional<BigDecimal> kilopascals = ScpiNumbers.parse(value);
                    if (kilopascals.isPresent()) {
                        pressurePascal = kilopascals.get().multiply(PASCALS_PER_KILOPASCAL);
                    } else {
                        pushError(ScpiErrors.ILLEGAL_PARAMETER_VALUE, "Illegal parameter value");
                    }
                });
                return Optional.empty();
            }
            default -> {
                pushError(ScpiErrors.UNDEFINED_HEADER, "Undefined header");
                return Optional.empty();
            }
        }
    }

    /** The one parameter of a command, or empty with −109 (none) or −108 (more than one) queued. */
    private Optional<String> oneParameter(List<String> parameters) {
        if (parameters.isEmpty()) {
            pushError(ScpiErrors.MISSING_PARAMETER, "Missing parameter");
            return Optional.empty();
        }
        if (parameters.size() > 1) {
            pushError(ScpiErrors.PARAMETER_NOT_ALLOWED, "Parameter not allowed");
            return Optional.empty();
        }
        return Optional.of(parameters.get(0));
    }

    /** The pressure in the selected unit with 7 decimals, or the overload value if the true pressure is outside the range. */
    private String reading() {
        SimulatorFaults.Range forced = faults.range();
        boolean below = pressurePascal.compareTo(lowerPascal) < 0;
        boolean above = pressurePascal.compareTo(upperPascal) > 0;
        if (forced != SimulatorFaults.Range.NORMAL || below || above) {
            boolean negative = forced == SimulatorFaults.Range.UNDERLOAD || (forced == SimulatorFaults.Range.NORMAL && below);
            return (negative ? "-" : "") + OVERLOAD;
        }
        BigDecimal pascals = faults.disturb(pressurePascal);
        if (noiseSigmaPascal.signum() > 0) {
            pascals = pascals.add(noiseSigmaPascal.multiply(BigDecimal.valueOf(noise.nextGaussian()), MathContext.DECIMAL64));
        }
        return inUnit(pascals);
    }

    private String inUnit(BigDecimal pascals) {
        return pascals.divide(UNITS.get(unit), MathContext.DECIMAL64).setScale(7, RoundingMode.HALF_EVEN).toPlainString();
    }

    private synchronized void pushError(int code, String message) {
        errorQueue.push(code, message);
    }

    /** Settings of a simulated PACE; every setting has a sensible default. */
    public static final class Builder extends SimulatedDevice.Builder<Builder> {
        private String manufacturer = "GE Druck";
        private String model = "PACE1000";
        private String serialNumber = "SIM0000001";
        private String firmware = "1.0";
        private String unit = "KPA";
        private String rangeName = "70 kPa G";
        private BigDecimal lowerKilopascal = BigDecimal.ZERO;
        private BigDecimal upperKilopascal = new BigDecimal("70");
        private BigDecimal noiseSigmaPascal = BigDecimal.ZERO;
        private boolean singleClient;

        private Builder() {
        }

        public Builder manufacturer(String manufacturer) {
            this.manufacturer = idnField(manufacturer, "manufacturer");
            return this;
        }

        public Builder model(String model) {
            this.model = idnField(model, "model");
            return this;
        }

        public Builder serialNumber(String serialNumber) {
            this.serialNumber = idnField(serialNumber, "serialNumber");
            return this;
        }

        public Builder firmware(String firmware) {
            this.firmware = idnField(firmware, "firmware");
            return this;
        }

        /** The unit it reads in after power-on and {@code *RST}: {@code KPA} (the default) or {@code MMHG}. */
        public Builder unit(String name) {
            String upper = Objects.requireNonNull(name, "name").toUpperCase(Locale.ROOT);
            if (!UNITS.containsKey(upper)) {
                throw new IllegalArgumentException("the simulated PACE reads in KPA or MMHG, not " + name);
            }
            this.unit = upper;
            return this;
        }

        /** The range: its name as {@code :INST:LIM?} gives it, and its lower and upper full scale in kilopascals. */
        public Builder range(String name, BigDecimal lowerKilopascal, BigDecimal upperKilopascal) {
            if (name == null || name.isBlank() || name.contains("\"") || !name.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
                throw new IllegalArgumentException("a range name is printable ASCII without quotes: " + name);
            }
            if (lowerKilopascal.compareTo(upperKilopascal) >= 0) {
                throw new IllegalArgumentException("the lower full scale must be below the upper: " + lowerKilopascal
                        + " to " + upperKilopascal);
            }
            this.rangeName = name;
            this.lowerKilopascal = lowerKilopascal;
            this.upperKilopascal = upperKilopascal;
            return this;
        }

        /** Gaussian noise of this standard deviation, in pascals, on every reading, from the builder's seed (reproducible). */
        public Builder noise(BigDecimal sigmaPascal) {
            if (sigmaPascal.signum() < 0) {
                throw new IllegalArgumentException("noise must not be negative: " + sigmaPascal);
            }
            this.noiseSigmaPascal = sigmaPascal;
            return this;
        }

        /** Serve one TCP client at a time: a second connection is closed at once while the first is open. */
        public Builder singleClient(boolean single) {
            this.singleClient = single;
            return this;
        }

        public PacePressureStandardSimulator start() throws IOException {
            oneClientAtATime(singleClient);
            PacePressureStandardSimulator simulator = new PacePressureStandardSimulator(this);
            simulator.startServing();
            return simulator;
        }
    }
}
