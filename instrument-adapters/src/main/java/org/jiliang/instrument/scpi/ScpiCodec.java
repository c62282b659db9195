package org.jiliang.instrument.scpi;

import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.AsciiLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceIdentity;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.Quantity;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.scpi.ScpiResponse.ErrorEntry;
import org.jiliang.instrument.scpi.ScpiResponse.Identification;
import org.jiliang.instrument.scpi.ScpiResponse.Malformed;
import org.jiliang.instrument.scpi.ScpiResponse.Readings;
import org.jiliang.instrument.scpi.ScpiResponse.Text;

/**
 * SCPI / IEEE 488.2 codec for bench multimeters and calibrators (protocols.md 4.3). Immutable and
 * thread-safe; decoding never throws. Responses end in LF or CR LF; both are accepted.
 *
 * <p>A reading carries no unit on the wire, so the codec is made for one measurement function
 * ({@code VOLT:DC} in {@code V} unless told otherwise); its readings are named after the function.
 * A magnitude of 9.9E37 or more is an overload, 9.91E37 (within a float's rounding) not a number, and so
 * are {@code inf} and {@code nan} as C libraries print them (docs/scpi.md).
 */
public final class ScpiCodec implements DeviceCodec<ScpiResponse> {

    public static final String PROTOCOL_NAME = "scpi";

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("VOLT:DC", "V"), Map.entry("VOLT:AC", "V"), Map.entry("CURR:DC", "A"), Map.entry("CURR:AC", "A"),
            Map.entry("RES", "Ω"), Map.entry("FRES", "Ω"), Map.entry("FREQ", "Hz"), Map.entry("PER", "s"),
            Map.entry("CAP", "F"), Map.entry("TEMP", "Cel"));
    private static final Pattern ERROR_ENTRY = Pattern.compile("([+-]?\\d+),\"(.*)\"");
    private static final int MAX_QUOTED_LENGTH = 40;

    private final String function;
    private final String unit;

    /** DC voltage in volts. */
    public ScpiCodec() {
        this("VOLT:DC", "V");
    }

    /**
     * @param function the measurement function in short form, e.g. {@code RES}; names the readings
     * @param unit     the unit of the readings, e.g. {@code Ω}
     */
    public ScpiCodec(String function, String unit) {
        if (function == null || function.isBlank() || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a SCPI codec needs a measurement function and a unit");
        }
        this.function = function;
        this.unit = unit;
    }

    /**
     * A codec for the function the given commands select (the first {@code MEAS:…?} or {@code CONF:…}
     * among them, e.g. the poll and the start command of an endpoint), with the unit given or, if
     * {@code null}, the function's SI unit. Without such a command: DC voltage.
     *
     * @throws IllegalArgumentException if no unit is given and the function's unit is not known
     */
    public static ScpiCodec forCommands(String unit, String... commands) {
        String function = "VOLT:DC";
        for (String command : commands) {
            if (command == null || command.isBlank()) {
                continue;
            }
            Optional<String> selected = ScpiCommand.parse(command).measurementFunction();
            if (selected.isPresent()) {
                function = selected.get();
                break;
            }
        }
        String resolvedUnit = unit != null ? unit : UNITS.get(function);
        if (resolvedUnit == null) {
            throw new IllegalArgumentException("the unit of SCPI function " + function + " is not known; give it with unit=");
        }
        return new ScpiCodec(function, resolvedUnit);
    }

    public String function() {
        return function;
    }

    public String unit() {
        return unit;
    }

    @Override
    public String protocolName() {
        return PROTOCOL_NAME;
    }

    /** {@code READ?}: a fresh reading with the configured function. */
    @Override
    public String defaultPollCommand() {
        return "READ?";
    }

    @Override
    public byte[] encodeCommand(String command) {
        return ScpiCommand.parse(command).encode();
    }

    @Override
    public boolean isReadingCommand(String command) {
        try {
            return ScpiCommand.parse(command).isMeasurementQuery();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Only queries are answered; {@code *RST}, {@code *CLS}, {@code CONF…} are not. */
    @Override
    public boolean expectsReply(String command) {
        return ScpiCommand.parse(command).isQuery();
    }

    @Override
    public ScpiResponse decode(byte[] frame) {
        Object line = line(frame);
        if (line instanceof Malformed m) {
            return m;
        }
        String text = (String) line;
        Matcher error = ERROR_ENTRY.matcher(text);
        if (error.matches()) {
            return new ErrorEntry(Integer.parseInt(error.group(1)), error.group(2));
        }
        Optional<List<BigDecimal>> numbers = numbers(text);
        if (numbers.isPresent()) {
            return new Readings(numbers.get());
        }
        String[] fields = text.split(",", -1);
        if (fields.length == 4) {
            return new Identification(fields[0], fields[1], fields[2], fields[3]);
        }
        return new Text(text);
    }

    @Override
    public ScpiResponse decodeReply(String command, byte[] frame) {
        ScpiCommand query;
        try {
            query = ScpiCommand.parse(command);
        } catch (IllegalArgumentException e) {
            return decode(frame);
        }
        Object line = line(frame);
        if (line instanceof Malformed m) {
            return m;
        }
        String text = (String) line;
        String header = query.shortHeader();
        if (header.equals("*IDN?")) {
            String[] fields = text.split(",", -1);
            return fields.length == 4
                    ? new Identification(fields[0], fields[1], fields[2], fields[3])
                    : new Malformed("*IDN? answer must have 4 comma-separated fields, had " + fields.length + ": '"
                    + abbreviate(text) + "'");
        }
        if (header.equals("SYST:ERR?") || header.equals("SYST:ERR:NEXT?")) {
            Matcher error = ERROR_ENTRY.matcher(text);
            return error.matches()
                    ? new ErrorEntry(Integer.parseInt(error.group(1)), error.group(2))
                    : new Malformed("error queue entry must be <code>,\"<message>\": '" + abbreviate(text) + "'");
        }
        if (query.isMeasurementQuery()) {
            return numbers(text).<ScpiResponse>map(Readings::new)
                    .orElseGet(() -> new Malformed("'" + abbreviate(text) + "' is not a list of NR1/NR2/NR3 numbers"));
        }
        return decode(frame);
    }

    /** The line without terminator, or why there is none. */
    private static Object line(byte[] frame) {
        AsciiLine ascii = AsciiLine.of(frame, "LF", false);
        if (!ascii.isLine()) {
            return new Malformed(ascii.problem());
        }
        String text = ascii.text();
        return text.isBlank() ? new Malformed("blank line") : text;
    }

    private static Optional<List<BigDecimal>> numbers(String text) {
        List<BigDecimal> values = new ArrayList<>();
        for (String field : text.split(",", -1)) {
            Optional<BigDecimal> value = ScpiNumbers.parseResponse(field.strip());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    /** {@code *IDN?}: manufacturer, model, serial number, firmware (IEEE 488.2 10.14). */
    @Override
    public List<String> identityCommands() {
        return List.of("*IDN?");
    }

    /**
     * The model, serial number and firmware of an {@code *IDN?} answer: four comma-separated fields of which
     * the first is not a number (four readings are not an identity). A field {@code 0} is one the device
     * does not tell (SCPI-99 4.1.3.6). The manufacturer is not part of the identity compared with a profile.
     */
    @Override
    public Optional<DeviceIdentity> identityIn(byte[] reply) {
        if (!(decode(reply) instanceof Identification idn)) {
            return Optional.empty();
        }
        return Optional.of(new DeviceIdentity(told(idn.model()), told(idn.serialNumber()), told(idn.firmware())));
    }

    private static String told(String field) {
        String text = field.strip();
        return text.equals("0") ? null : text;
    }

    /**
     * A frame read alone, without the command it answers: an identity, an error-queue entry, or readings named
     * after this codec's function. A consumer or producer knows the command and reads with {@link #newDialogue()}.
     */
    @Override
    public DeviceReading interpret(RawFrame frame) {
        if (identityIn(frame.bytes()).isPresent()) {
            return DeviceReading.identity(frame);
        }
        if (decode(frame.bytes()) instanceof ErrorEntry entry) {
            return errorEntry(frame, entry);
        }
        return readings(frame, function, unit);
    }

    /**
     * The answer read as the dialogue that received it read it: named after the function it asked for or, for
     * {@code READ?}/{@code FETC?}, the function the connection was set to ({@link Answered#setting()}).
     */
    @Override
    public DeviceReading interpretAnswer(RawFrame frame, Answered answered) {
        if (answered.late()) {
            return DeviceCodec.super.interpretAnswer(frame, answered);
        }
        return ScpiDialogue.read(this, ScpiDialogue.parse(answered.command()), answered.setting(), frame)
                .withDeviceErrors(answered.deviceErrors());
    }

    /** A dialogue that names each reading after the function asked for or last selected on the connection. */
    @Override
    public ScpiDialogue newDialogue() {
        return new ScpiDialogue(this);
    }

    /** The unit of a function's readings: this codec's unit for its own function, else the function's SI unit; null if not known. */
    String unitOf(String selected) {
        return selected.equals(function) ? unit : UNITS.get(selected);
    }

    static DeviceReading errorEntry(RawFrame frame, ErrorEntry entry) {
        return entry.isNoError() ? DeviceReading.withoutValue(frame, ReadingStatus.DEVICE_ANSWER)
                : DeviceReading.deviceError(frame, "the device reports error " + entry.code() + ", \"" + entry.message() + "\"");
    }

    static DeviceReading readings(RawFrame frame, String function, String unit) {
        ScpiResponse response = new ScpiCodec(function, unit).decodeReply("READ?", frame.bytes());
        if (response instanceof Malformed m) {
            return DeviceReading.malformed(frame, m.reason());
        }
        List<BigDecimal> values = ((Readings) response).values();
        List<Quantity> quantities = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            BigDecimal value = values.get(i);
            if (ScpiNumbers.isNotANumber(value)) {
                return DeviceReading.withoutValue(frame, ReadingStatus.NOT_A_NUMBER);
            }
            if (ScpiNumbers.isOverload(value)) {
                // a negative overload is still beyond the range; UNDERLOAD means "too little" (a balance's empty pan)
                return DeviceReading.withoutValue(frame, ReadingStatus.OVERLOAD);
            }
            quantities.add(new Quantity(i == 0 ? function : function + "#" + (i + 1), value, unit));
        }
        return DeviceReading.measurement(frame, true, quantities);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED_LENGTH ? text : text.substring(0, MAX_QUOTED_LENGTH) + "...";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScpiCodec that && function.equals(that.function) && unit.equals(that.unit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, unit);
    }
}
