package org.jiliang.instrument.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.jiliang.instrument.scpi.ScpiCommand;
import org.jiliang.instrument.scpi.ScpiErrors;
import org.jiliang.instrument.scpi.ScpiNumbers;

/**
 * A multifunction calibrator's source, DC voltage and resistance, with the remote commands of a Fluke 5520A-like
 * calibrator, over TCP and/or a serial port path, for tests and the demo. Commands end in LF (a CR before it is
 * ignored); answers end in LF.
 *
 * <p>Supported: {@code *IDN?}, {@code *RST} (standby, 0 V), {@code *CLS}, {@code *OPC?}; {@code SYST:ERR?}
 * ({@code <code>,"<text>"}); {@code OUT <value> <unit>} with the unit {@code V}, {@code MV}, {@code OHM},
 * {@code KOHM} or {@code MOHM} (a new value leaves the operate/standby state as it is, as the 5520A does within one
 * function; a new function goes to standby); {@code OUT?}, answered {@code <value>,<unit>,0.000000E+00,,0.00E+00}
 * in V or OHM (primary amplitude, unit, secondary amplitude and unit, frequency); {@code OPER}, {@code STBY},
 * {@code OPER?} (1 operating, 0 standby). Errors go into a 20-entry queue: −113 {@code Undefined header}, −109
 * {@code Missing parameter}, −224 {@code Illegal parameter value} (a unit it does not source, no number), −222
 * {@code Data out of range} (beyond ±1020 V, or a resistance outside 0 Ω to 1100 MΩ), −221 {@code Settings
 * conflict} ({@code OPER} with no output set). The command set follows the Fluke 5520A remote interface as remembered
 * [M]: it was not checked against the manual (docs/scpi.md).
 *
 * <p>What the terminals carry goes to a listener ({@link Builder#onOutput}) after every accepted {@code OUT},
 * {@code OPER}, {@code STBY} and {@code *RST}: the function ({@code VOLT:DC} or {@code RES}) and the value in V or Ω
 * while operating, a null function in standby. The demo couples it to a
 * simulated multimeter's input, as leads would.
 */
public final class ScpiCalibratorSimulator extends SimulatedDevice {

    private static final BigDecimal MAX_VOLTS = new BigDecimal("1020");
    private static final BigDecimal MAX_OHMS = new BigDecimal("1100000000");
    /** The units it sources, by the name the command gives them: function, and the size of the unit in V or Ω. */
    private static final Map<String, Object[]> UNITS = Map.of(
            "V", new Object[] {"VOLT:DC", BigDecimal.ONE}, "MV", new Object[] {"VOLT:DC", new BigDecimal("0.001")},
            "OHM", new Object[] {"RES", BigDecimal.ONE}, "KOHM", new Object[] {"RES", new BigDecimal("1000")},
            "MOHM", new Object[] {"RES", new BigDecimal("1000000")});

    private final String identification;
    private final BiConsumer<String, BigDecimal> listener;

    // Guarded by "this".
    private final ScpiErrorQueue errorQueue = new ScpiErrorQueue();
    private String function;
    private BigDecimal value = BigDecimal.ZERO;
    private boolean operating;
    // Whether the command being executed was an accepted OUT, OPER, STBY or *RST: the terminals are told again.
    private boolean outputCommand;

    private ScpiCalibratorSimulator(Builder builder) {
        super("SCPI calibrator " + builder.serialNumber, builder);
        this.identification = String.join(",", builder.manufacturer, builder.model, builder.serialNumber,
                builder.firmware);
        this.listener = builder.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The function set ({@code VOLT:DC}, {@code RES}), empty before any {@code OUT}. */
    public synchronized Optional<String> function() {
        return Optional.ofNullable(function);
    }

    /** The value set, in V or Ω. */
    public synchronized BigDecimal value() {
        return value;
    }

    public synchronized boolean operating() {
        return operating;
    }

    /** The error queue, oldest first. */
    public synchronized List<String> errorQueue() {
        return errorQueue.entries();
    }

    @Override
    String lineEnd() {
        return "\n";
    }

    @Override
    void handle(Connection client, byte[] line) throws IOException {
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

    private Optional<String> execute(ScpiCommand command) {
        Optional<String> answer;
        boolean output;
        synchronized (this) {
            outputCommand = false;
            answer = executeLocked(command);
            output = outputCommand;
        }
        if (output) {
            tellListener();
        }
        return answer;
    }

    private void tellListener() {
        String f;
        BigDecimal v;
        synchronized (this) {
            f = operating ? function : null;
            v = value;
        }
        if (listener != null) {
            listener.accept(f, v);
        }
    }

    private Optional<String> executeLocked(ScpiCommand command) {
        List<String> parameters = command.parameters();
        switch (command.shortHeader()) {
            case "*IDN?" -> {
                return Optional.of(identification);
            }
            case "*RST" -> {
                function = null;
                value = BigDecimal.ZERO;
                operating = false;
                outputCommand = true;
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
            case "OUT" -> {
                output(parameters);
                return Optional.empty();
            }
            case "OUT?" -> {
                String unit = "RES".equals(function) ? "OHM" : "V";
                return Optional.of(ScpiNumbers.formatReading(value) + "," + unit + ",0.000000E+00,,0.00E+00");
            }
            case "OPER" -> {
                if (function == null) {
                    pushError(ScpiErrors.SETTINGS_CONFLICT, "Settings conflict");
                } else {
                    operating = true;
                    outputCommand = true;
                }
                return Optional.empty();
            }
            case "STBY" -> {
                operating = false;
                outputCommand = true;
                return Optional.empty();
            }
            case "OPER?" -> {
                return Optional.of(operating ? "1" : "0");
            }
            default -> {
                pushError(ScpiErrors.UNDEFINED_HEADER, "Undefined header");
                return Optional.empty();
            }
        }
    }

    /** {@code OUT 9 V}, {@code OUT 9000 OHM}, {@code OUT 9 KOHM}: one parameter, a number and a unit. */
    private void output(List<String> parameters) {
        if (parameters.isEmpty() || parameters.get(0).isBlank()) {
            pushError(ScpiErrors.MISSING_PARAMETER, "Missing parameter");
            return;
        }
        String[] parts = parameters.get(0).strip().split("\\s+");
        Object[] unit = parts.length == 2 ? UNITS.get(parts[1].toUpperCase(Locale.ROOT)) : null;
        Optional<BigDecimal> number = ScpiNumbers.parse(parts[0]);
        if (parameters.size() != 1 || unit == null || number.isEmpty()) {
            pushError(ScpiErrors.ILLEGAL_PARAMETER_VALUE, "Illegal parameter value");
            return;
        }
        String newFunction = (String) unit[0];
        BigDecimal base = number.get().multiply((BigDecimal) unit[1]);
        boolean volts = "VOLT:DC".equals(newFunction);
        if (volts ? base.abs().compareTo(MAX_VOLTS) > 0 : base.signum() < 0 || base.compareTo(MAX_OHMS) > 0) {
            pushError(ScpiErrors.DATA_OUT_OF_RANGE, "Data out of range");
            return;
        }
        if (!newFunction.equals(function)) {
            operating = false;
        }
        function = newFunction;
        value = base.stripTrailingZeros();
        outputCommand = true;
    }

    private void pushError(int code, String message) {
        errorQueue.push(code, message);
    }

    /** Settings of a simulated calibrator; every setting has a sensible default. */
    public static final class Builder extends SimulatedDevice.Builder<Builder> {
        private String manufacturer = "FLUKE";
        private String model = "5520A";
        private String serialNumber = "SIM0000001";
        private String firmware = "1.0";
        private BiConsumer<String, BigDecimal> listener;

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

        /**
         * Told what the terminals carry after each change: the function ({@code VOLT:DC}, {@code RES}) and value in
         * V or Ω while operating; a null function in standby.
         */
        public Builder onOutput(BiConsumer<String, BigDecimal> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public ScpiCalibratorSimulator start() throws IOException {
            ScpiCalibratorSimulator simulator = new ScpiCalibratorSimulator(this);
            simulator.startServing();
            return simulator;
        }
    }
}
