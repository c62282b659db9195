package org.jiliang.instrument.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jiliang.instrument.scpi.ScpiCommand;
import org.jiliang.instrument.scpi.ScpiErrors;
import org.jiliang.instrument.scpi.ScpiNumbers;

/**
 * A bench digital multimeter speaking SCPI / IEEE 488.2 (protocols.md 4.3), 34401A-style, over TCP
 * and/or a serial port path, for tests and the demo. Commands end in LF (a CR before it is ignored);
 * answers end in LF, or CR LF if so built.
 *
 * <p>Supported: {@code *IDN?}, {@code *RST} (function back to DC volts; the error queue is kept),
 * {@code *CLS} (clears the error queue), {@code *OPC?}; {@code SYSTem:ERRor[:NEXT]?} and
 * {@code SYSTem:ERRor:COUNt?}; {@code CONFigure:<function> [<range>[,<resolution>]]},
 * {@code CONFigure?}, {@code MEASure:<function>? [...]}, {@code READ?}, {@code INITiate},
 * {@code FETCh?} for the functions {@code VOLT[:DC]}, {@code VOLT:AC}, {@code CURR[:DC]},
 * {@code CURR:AC}, {@code RES}, {@code FRES}, {@code FREQ}; long and short mnemonics in any case.
 * Readings are {@code SD.DDDDDDDDESDD} ({@code +1.00000000E+01} for 10 V); a value beyond the
 * function's largest range, or a forced overload, reads {@code ±9.90000000E+37}. Errors go into a
 * 20-entry FIFO queue: −113 {@code Undefined header}, −104 {@code Data type error}, −108
 * {@code Parameter not allowed}, −363 {@code Input buffer overrun} for a line longer than 128 bytes,
 * −350 {@code Queue overflow} as the last entry when full. During an unstable period readings are
 * 1 % high (an input that has not settled).
 *
 * <p>For a calibration: a range per function, set by {@code CONF:<function> <range>} or
 * {@code [SENS:]<function>:RANG <range>|MIN|MAX|AUTO|DEF} (the smallest decade range holding the value; beyond
 * the largest: −222), read up to 120 % of itself with a resolution of a millionth of it (6½ digits); the true
 * value set with {@link #apply}, or over the wire by the simulator's own {@code SIM:INP <function>,<value>} (no real
 * meter has it: it stands for the calibrator driving the input); seeded Gaussian noise ({@link Builder#noise}). Built
 * {@link Builder#likeParserLibraryInstrument() like a parser-library instrument} it speaks as such meters do
 * (docs/scpi.md).
 */
public final class ScpiMultimeterSimulator extends SimulatedDevice {

    private static final Map<String, BigDecimal> LARGEST_RANGE = Map.of(
            "VOLT:DC", new BigDecimal("1000"), "VOLT:AC", new BigDecimal("750"), "CURR:DC", BigDecimal.TEN,
            "CURR:AC", BigDecimal.TEN, "RES", new BigDecimal("100E6"), "FRES", new BigDecimal("100E6"),
            "FREQ", new BigDecimal("300E3"));
    private static final Set<String> KEYWORDS = Set.of("MIN", "MAX", "DEF", "AUTO", "MINIMUM", "MAXIMUM", "DEFAULT");
    private static final BigDecimal UNSTABLE_FRACTION = new BigDecimal("0.01");
    /** 9.9E37 kept as a single-precision float and printed with 15 digits. */
    static final String FLOAT_OVERLOAD = "9.90000030209633e+37";

    private final String identification;
    private final String lineEnd;
    private final boolean plainNumbers;
    private final boolean readImplemented;
    private final boolean libraryErrors;
    private final java.util.Random noise;
    private final BigDecimal noiseSigma;

    // Guarded by "this".
    private final Map<String, BigDecimal> inputs = new HashMap<>();
    private final ScpiErrorQueue errorQueue = new ScpiErrorQueue();
    private String function = "VOLT:DC";
    // The range of each function; none: autorange.
    private final Map<String, BigDecimal> ranges = new HashMap<>();
    private boolean notANumber;
    private boolean partialNext;

    private ScpiMultimeterSimulator(Builder builder) {
        super("SCPI multimeter " + builder.serialNumber, builder);
        this.identification = String.join(",", builder.manufacturer, builder.model, builder.serialNumber, builder.firmware);
        this.lineEnd = builder.crLf ? "\r\n" : "\n";
        this.plainNumbers = builder.plainNumbers;
        this.readImplemented = builder.readImplemented;
        this.libraryErrors = builder.libraryErrors;
        this.noise = new java.util.Random(builder.seed);
        this.noiseSigma = builder.noiseSigma;
    }

    /** From now on readings are not-a-number (9.91E37, or {@code nan} with plain numbers) until told otherwise. */
    public synchronized void notANumber(boolean on) {
        this.notANumber = on;
    }

    /** The next answer leaves the meter cut short: its first half, no line end (a firmware that stalls mid-answer). */
    public synchronized void partialAnswerNext() {
        this.partialNext = true;
    }

    /** The range of the selected function, set by CONF/MEAS with a range or by {@code [SENS:]<function>:RANG}; empty for autorange. */
    public synchronized Optional<BigDecimal> range() {
        return Optional.ofNullable(ranges.get(function));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Applies a quantity to the input for one function, e.g. {@code apply("VOLT:DC", 10)} for 10 V DC. */
    public synchronized void apply(String function, BigDecimal value) {
        String f = normalise(function);
        if (!LARGEST_RANGE.containsKey(f)) {
            throw new IllegalArgumentException("unknown function " + function + "; known: " + LARGEST_RANGE.keySet());
        }
        inputs.put(f, Objects.requireNonNull(value, "value"));
    }

    /** The function selected by the last CONF, MEAS or *RST, in short form, e.g. {@code VOLT:DC}. */
    public synchronized String function() {
        return function;
    }

    /** The error queue, oldest first, as {@code SYST:ERR?} would return it. */
    public synchronized List<String> errorQueue() {
        return errorQueue.entries();
    }

    @Override
    String lineEnd() {
        return lineEnd;
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
            boolean partial;
            synchronized (this) {
                partial = partialNext;
                partialNext = false;
            }
            if (partial) {
                String text = answer.get();
                client.sendFrame(text.substring(0, Math.max(1, text.length() / 2)).getBytes(StandardCharsets.US_ASCII));
            } else {
                client.send(answer.get());
            }
        }
    }

    private synchronized Optional<String> execute(ScpiCommand command) {
        String header = command.shortHeader();
        List<String> parameters = command.parameters();
        switch (header) {
            case "*IDN?" -> {
                return Optional.of(identification);
            }
            case "*RST" -> {
                function = "VOLT:DC";
                return Optional.empty();
            }
            case "*CLS" -> {
                errorQueue.clear();
                return Optional.empty();
            }
            case "*OPC?" -> {
                return Optional.of("1");
            }
            case "SYST:ERR?", "SYST:ERR:NEXT?" -> {
                return Optional.of(errorQueue.next());
            }
            case "SYST:ERR:COUN?" -> {
                return Optional.of(String.valueOf(errorQueue.size()));
            }
            case "CONF?" -> {
                return Optional.of("\"" + function + "\"");
            }
            case "READ?", "FETC?" -> {
                if (!readImplemented) {
                    pushError(ScpiErrors.UNDEFINED_HEADER, "Undefined header");
                    return Optional.empty();
                }
                return Optional.of(reading());
            }
            case "FUNC?", "SENS:FUNC?" -> {
                return Optional.of("\"" + function + "\"");
            }
            case "FUNC", "SENS:FUNC" -> {
                Optional<String> named = parameters.size() == 1 ? ScpiCommand.functionNamed(parameters.get(0)) : Optional.empty();
                if (named.isEmpty() || !LARGEST_RANGE.containsKey(named.get())) {
                    pushIllegalValue(parameters.isEmpty() ? "" : parameters.get(0));
                    return Optional.empty();
                }
                function = named.get();
                return Optional.empty();
            }
            case "INIT" -> {
                return Optional.empty();
            }
            case "SIM:INP" -> {
                // simulator extension, no instrument has it: what a calibrator puts on the input, e.g.
                // SIM:INP VOLT:DC,9 or SIM:INP RES,9000 (the demo's and the tests' hands; no answer)
                Optional<String> named = parameters.size() == 2 ? ScpiCommand.functionNamed(parameters.get(0))
                        : Optional.empty();
                Optional<BigDecimal> value = parameters.size() == 2 ? ScpiNumbers.parse(parameters.get(1))
                        : Optional.empty();
                if (named.isEmpty() || !LARGEST_RANGE.containsKey(named.get()) || value.isEmpty()) {
                    pushIllegalValue(String.join(",", parameters));
                    return Optional.empty();
                }
                inputs.put(named.get(), value.get());
                return Optional.empty();
            }
            default -> {
                return configureOrMeasure(command, header, parameters);
            }
        }
    }

    /** {@code [SENS:]<function>:RANG <range>|AUTO|MAX|DEF} and its query; false if the header is no such command. */
    private Optional<Optional<String>> rangeCommand(String header, List<String> parameters) {
        String h = header.startsWith("SENS:") ? header.substring(5) : header;
        boolean query = h.endsWith(":RANG?");
        if (!query && !h.endsWith(":RANG")) {
            return Optional.empty();
        }
        Optional<String> named = ScpiCommand.functionNamed(h.substring(0, h.lastIndexOf(":RANG")));
        if (named.isEmpty() || !LARGEST_RANGE.containsKey(named.get())) {
            pushError(ScpiErrors.UNDEFINED_HEADER, "Undefined header");
            return Optional.of(Optional.empty());
        }
        if (query) {
            BigDecimal range = ranges.getOrDefault(named.get(), LARGEST_RANGE.get(named.get()));
            return Optional.of(Optional.of(plainNumbers ? plain(range) : ScpiNumbers.formatReading(range)));
        }
        if (parameters.size() != 1) {
            pushError(ScpiErrors.MISSING_PARAMETER, "Missing parameter");
            return Optional.of(Optional.empty());
        }
        setRange(named.get(), parameters.get(0));
        return Optional.of(Optional.empty());
    }

    /** Sets a function's range: the smallest of its decade ranges that holds the value, or AUTO/DEF (autorange), MAX. */
    private void setRange(String of, String parameter) {
        String word = parameter.toUpperCase(java.util.Locale.ROOT);
        if (word.startsWith("AUTO") || word.startsWith("DEF")) {
            ranges.remove(of);
            return;
        }
        BigDecimal largest = LARGEST_RANGE.get(of);
        Optional<BigDecimal> asked = word.startsWith("MAX") ? Optional.of(largest)
                : word.startsWith("MIN") ? Optional.of(BigDecimal.ZERO) : ScpiNumbers.parse(parameter).map(BigDecimal::abs);
        if (asked.isEmpty() || asked.get().compareTo(largest) > 0) {
            if (asked.isPresent()) {
                pushError(ScpiErrors.DATA_OUT_OF_RANGE, "Data out of range");
            } else {
                pushIllegalValue(parameter);
            }
            return;
        }
        // decade ranges up to the largest, e.g. 0.1, 1, 10, 100, 1000 V
        BigDecimal range = largest;
        while (range.movePointLeft(1).compareTo(asked.get()) >= 0 && range.compareTo(new BigDecimal("0.1")) > 0) {
            range = range.movePointLeft(1);
        }
        ranges.put(of, range.stripTrailingZeros());
    }

    private Optional<String> configureOrMeasure(ScpiCommand command, String header, List<String> parameters) {
        Optional<Optional<String>> ranged = rangeCommand(header, parameters);
        if (ranged.isPresent()) {
            return ranged.get();
        }
        Optional<String> selected = command.measurementFunction();
        if (selected.isEmpty() || !LARGEST_RANGE.containsKey(selected.get())) {
            pushError(ScpiErrors.UNDEFINED_HEADER, "Undefined header");
            return Optional.empty();
        }
        if (parameters.size() > 2) {
            pushError(ScpiErrors.PARAMETER_NOT_ALLOWED, "Parameter not allowed");
            if (!libraryErrors) {
                return Optional.empty();
            }
            // the parser library runs the command with the parameters it knows and queues the error for the rest
            parameters = parameters.subList(0, 2);
        }
        for (String parameter : parameters) {
            if (!KEYWORDS.contains(parameter.toUpperCase(java.util.Locale.ROOT)) && ScpiNumbers.parse(parameter).isEmpty()) {
                if (libraryErrors) {
                    pushIllegalValue(parameter);
                } else {
                    pushError(ScpiErrors.DATA_TYPE_ERROR, "Data type error");
                }
                return Optional.empty();
            }
        }
        function = selected.get();
        setRange(function, parameters.isEmpty() ? "AUTO" : parameters.get(0));
        return header.endsWith("?") ? Optional.of(reading()) : Optional.empty();
    }

    private String reading() {
        BigDecimal range = ranges.get(function);
        if (notANumber) {
            return plainNumbers ? "nan" : ScpiNumbers.formatReading(ScpiNumbers.NOT_A_NUMBER);
        }
        BigDecimal value = faults.disturb(inputs.getOrDefault(function, BigDecimal.ZERO));
        if (faults.isUnstable()) {
            value = value.add(value.abs().multiply(UNSTABLE_FRACTION, MathContext.DECIMAL64));
        }
        if (noiseSigma.signum() > 0) {
            value = value.add(noiseSigma.multiply(BigDecimal.valueOf(noise.nextGaussian()), MathContext.DECIMAL64));
        }
        SimulatorFaults.Range forced = faults.range();
        // a selected range reads up to 120 % of itself (the usual over-range of bench DMMs)
        BigDecimal limit = range != null ? range.multiply(new BigDecimal("1.2")) : LARGEST_RANGE.get(function);
        boolean overload = forced != SimulatorFaults.Range.NORMAL || value.abs().compareTo(limit) > 0;
        if (overload) {
            boolean negative = forced == SimulatorFaults.Range.UNDERLOAD || (forced == SimulatorFaults.Range.NORMAL && value.signum() < 0);
            if (plainNumbers) {
                // what a firmware that keeps readings as floats prints for 9.9E37
                return (negative ? "-" : "") + FLOAT_OVERLOAD;
            }
            return ScpiNumbers.formatReading(negative ? ScpiNumbers.OVERLOAD.negate() : ScpiNumbers.OVERLOAD);
        }
        if (range != null) {
            // 6½ digits: the resolution is a millionth of the range
            value = value.setScale(range.scale() - range.precision() + 7, java.math.RoundingMode.HALF_EVEN);
        }
        return plainNumbers ? plain(value) : ScpiNumbers.formatReading(value);
    }

    /** A number as C's {@code %g} prints it: {@code 1.23}, {@code 1e-07}, {@code 1000.2}. */
    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (v.signum() == 0) {
            return "0";
        }
        if (exponent >= -5 && exponent < 15) {
            return v.toPlainString();
        }
        BigDecimal mantissa = v.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + String.format(java.util.Locale.ROOT, "e%+03d", exponent);
    }

    private void pushIllegalValue(String detail) {
        // the parser library's text, with the offending parameter after a semicolon (device-dependent information)
        pushError(ScpiErrors.ILLEGAL_PARAMETER_VALUE, "Illegal parameter value" + (libraryErrors ? ";" + detail : ""));
    }

    private void pushError(int code, String message) {
        synchronized (this) {
            errorQueue.push(code, message);
        }
    }

    private static String normalise(String function) {
        return ScpiCommand.parse("CONF:" + function).measurementFunction().orElse(function);
    }

    /** Settings of a simulated multimeter; every setting has a sensible default. */
    public static final class Builder extends SimulatedDevice.Builder<Builder> {
        private String manufacturer = "JILIANG";
        private String model = "SIM-DMM-34401";
        private String serialNumber = "DMM0000001";
        private String firmware = "1.0";
        private boolean crLf;
        private boolean plainNumbers;
        private boolean readImplemented = true;
        private boolean libraryErrors;
        private boolean singleClient;
        private BigDecimal noiseSigma = BigDecimal.ZERO;

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

        /** End answers with CR LF instead of LF, as some interfaces do. */
        public Builder crLf(boolean crLf) {
            this.crLf = crLf;
            return this;
        }

        /**
         * Behave like a meter built on the common open-source SCPI parser library, as instruments are: numbers as
         * C prints them ({@code 1.23}, {@code 1e-07}, overload {@code 9.90000030209633e+37}, {@code nan}), its
         * error codes and texts (−224 {@code Illegal parameter value;<detail>}; a command with too many parameters
         * runs and queues −108), one client at a time on TCP (a raw-socket port such as 5025), and, unless
         * {@link #readQuery} says otherwise, no {@code READ?}.
         */
        public Builder likeParserLibraryInstrument() {
            this.plainNumbers = true;
            this.libraryErrors = true;
            this.singleClient = true;
            this.readImplemented = false;
            return this;
        }

        /** Print numbers as C's {@code %g} does ({@code 1.23}, {@code 1e-07}) instead of {@code +1.23000000E+00}. */
        public Builder plainNumbers(boolean plain) {
            this.plainNumbers = plain;
            return this;
        }

        /** Whether {@code READ?} and {@code FETC?} are implemented; if not they queue −113 Undefined header. */
        public Builder readQuery(boolean implemented) {
            this.readImplemented = implemented;
            return this;
        }

        /** Serve one TCP client at a time: a second connection is closed at once while the first is open. */
        public Builder singleClient(boolean single) {
            this.singleClient = single;
            return this;
        }

        /** Gaussian noise of this standard deviation on every reading, from the builder's seed (reproducible). */
        public Builder noise(BigDecimal sigma) {
            if (sigma.signum() < 0) {
                throw new IllegalArgumentException("noise must not be negative: " + sigma);
            }
            this.noiseSigma = sigma;
            return this;
        }

        public ScpiMultimeterSimulator start() throws IOException {
            oneClientAtATime(singleClient);
            ScpiMultimeterSimulator simulator = new ScpiMultimeterSimulator(this);
            simulator.startServing();
            return simulator;
        }
    }
}
