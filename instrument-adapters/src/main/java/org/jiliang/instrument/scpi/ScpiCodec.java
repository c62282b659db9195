package org.jiliang.instrument.scpi;

import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.AsciiLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>The same codec reads the Druck PACE pressure indicators and controllers ({@link #pace}, protocol {@code pace};
 * Druck <i>PACE Series SCPI Remote Communications Manual</i> K0472): the reading query is {@code :SENS:PRES?}, an
 * answer echoes the header it answers ({@code :SENS:PRES 100.0000000}, some firmware sends the bare number), and the
 * unit is the one the instrument names when asked {@code :UNIT:PRES?}, {@code kPa} or {@code mmHg}
 * (docs/blood-pressure-verification.md §5.1).
 */
public final class ScpiCodec implements DeviceCodec<ScpiResponse> {

    public static final String PROTOCOL_NAME = "scpi";
    /** The unit a calibrator's {@code OUT?} answer names, to the function its output is of. */
    private static final Map<String, String> SOURCE_UNITS = Map.of("V", "VOLT:DC", "OHM", "RES");

    /** The protocol name of the Druck PACE dialect. */
    public static final String PACE_PROTOCOL_NAME = "pace";
    /** The pressure reading query of a PACE, answered {@code :SENS:PRES <number>} in the selected unit. */
    public static final String PACE_PRESSURE_QUERY = ":SENS:PRES?";
    /** The query a PACE answers with the unit it reads in, e.g. {@code :UNIT:PRES KPA}. */
    public static final String PACE_UNIT_QUERY = ":UNIT:PRES?";
    /**
     * The pressure units read from a PACE: the instrument's name ({@code :UNIT:PRES KPA}) to the symbol as the server's
     * unit table spells it. Other units of the instrument are not read.
     */
    public static final Map<String, String> PACE_UNITS = Map.of("KPA", "kPa", "MMHG", "mmHg");

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("VOLT:DC", "V"), Map.entry("VOLT:AC", "V"), Map.entry("CURR:DC", "A"), Map.entry("CURR:AC", "A"),
            Map.entry("RES", "Ω"), Map.entry("FRES", "Ω"), Map.entry("FREQ", "Hz"), Map.entry("PER", "s"),
            Map.entry("CAP", "F"), Map.entry("TEMP", "Cel"));
    private static final Pattern ERROR_ENTRY = Pattern.compile("([+-]?\\d+),\"(.*)\"");
    private static final int MAX_QUOTED_LENGTH = 40;
    /** A header a PACE echoes before its answer, e.g. {@code :SENS:PRES}. */
    private static final Pattern ECHOED_HEADER = Pattern.compile(":?[A-Za-z][A-Za-z0-9]*(:[A-Za-z][A-Za-z0-9]*)*");

    private final String function;
    private final String unit;
    private final boolean pace;

    /** DC voltage in volts. */
    public ScpiCodec() {
        this("VOLT:DC", "V");
    }

    /**
     * @param function the measurement function in short form, e.g. {@code RES}; names the readings
     * @param unit     the unit of the readings, e.g. {@code Ω}
     */
    public ScpiCodec(String function, String unit) {
        this(function, unit, false);
    }

    private ScpiCodec(String function, String unit, boolean pace) {
        if (function == null || function.isBlank() || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a SCPI codec needs a measurement function and a unit");
        }
        this.function = function;
        this.unit = unit;
        this.pace = pace;
    }

    /**
     * A codec for a Druck PACE whose readings are named {@code PRES}. On a connection the unit is the one the
     * instrument names ({@link ScpiDialogue}); {@code unit} is only that of a frame read without the command it
     * answers.
     *
     * @param unit {@code kPa} or {@code mmHg}
     * @throws IllegalArgumentException for another unit
     */
    public static ScpiCodec pace(String unit) {
        if (!PACE_UNITS.containsValue(unit)) {
            throw new IllegalArgumentException("a PACE pressure standard is read in kPa or mmHg, not " + unit);
        }
        return new ScpiCodec("PRES", unit, true);
    }

    /**
     * A PACE codec with the unit given or, if {@code null}, the one the commands select
     * ({@code :UNIT:PRES KPA|MMHG}, e.g. the endpoint's start command); kPa if neither says.
     */
    public static ScpiCodec paceForCommands(String unit, String... commands) {
        if (unit != null) {
            return pace(unit);
        }
        for (String command : commands) {
            ScpiCommand parsed = ScpiDialogue.parse(command);
            if (parsed != null && parsed.shortHeader().equals("UNIT:PRES") && parsed.parameters().size() == 1) {
                String selected = PACE_UNITS.get(parsed.parameters().get(0).toUpperCase(Locale.ROOT));
                if (selected != null) {
                    return pace(selected);
                }
            }
        }
        return pace("kPa");
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

    /** Whether this codec speaks the Druck PACE dialect. */
    public boolean isPace() {
        return pace;
    }

    @Override
    public String protocolName() {
        return pace ? PACE_PROTOCOL_NAME : PROTOCOL_NAME;
    }

    /** {@code READ?}: a fresh reading with the configured function; for a PACE {@code :SENS:PRES?}. */
    @Override
    public String defaultPollCommand() {
        return pace ? PACE_PRESSURE_QUERY : "READ?";
    }

    /** A PACE reads kPa or mmHg; a meter any unit (its function says which). */
    @Override
    public Set<String> expectedUnits() {
        return pace ? new LinkedHashSet<>(List.of("kPa", "mmHg")) : Set.of();
    }

    @Override
    public byte[] encodeCommand(String command) {
        return ScpiCommand.parse(command).encode();
    }

    @Override
    public boolean isReadingCommand(String command) {
        try {
            return isReadingQuery(ScpiCommand.parse(command));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the command asks for readings: {@code MEAS:…?}, {@code READ?}, {@code FETC?}; for a PACE {@code :SENS:PRES?}. */
    boolean isReadingQuery(ScpiCommand command) {
        return pace ? command.shortHeader().equals("SENS:PRES?") : command.isMeasurementQuery() || command.isSourceQuery();
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
        if (pace && text.startsWith(":")) {
            // asked nothing known, a PACE answer that begins with a colon begins with the header it echoes
            int space = text.indexOf(' ');
            if (space > 0 && ECHOED_HEADER.matcher(text.substring(0, space)).matches()) {
                text = text.substring(space + 1).strip();
            }
        }
        return decodeText(text);
    }

    private static ScpiResponse decodeText(String text) {
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
        if (pace && !query.isCommon()) {
            Object answer = withoutEcho(text, query);
            if (answer instanceof Malformed m) {
                return m;
            }
            text = (String) answer;
        }
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
        if (!pace && query.isSourceQuery()) {
            return sourceOutput(text);
        }
        if (isReadingQuery(query)) {
            String answer = text;
            return numbers(answer).<ScpiResponse>map(Readings::new)
                    .orElseGet(() -> new Malformed("'" + abbreviate(answer) + "' is not a list of NR1/NR2/NR3 numbers"));
        }
        return decodeText(text);
    }

    /**
     * A PACE answer without the header it echoes ({@code :SENS:PRES 100.0000000} to {@code 100.0000000}), the answer
     * as it is if it echoes none (a bare number), or why not if it echoes the header of another query.
     */
    private static Object withoutEcho(String text, ScpiCommand query) {
        int space = text.indexOf(' ');
        if (space < 0 || !ECHOED_HEADER.matcher(text.substring(0, space)).matches()) {
            return text;
        }
        String echoed = text.substring(0, space);
        String asked = query.shortHeader().endsWith("?")
                ? query.shortHeader().substring(0, query.shortHeader().length() - 1) : query.shortHeader();
        if (ScpiCommand.parse(echoed).shortHeader().equals(asked)) {
            return text.substring(space + 1).strip();
        }
        // a first word without a colon may be the answer itself; a colon marks an echoed header
        return echoed.startsWith(":") ? new Malformed("the answer echoes " + abbreviate(echoed) + ", not the header of "
                + query.header() + ": '" + abbreviate(text) + "'") : text;
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
        return readings(frame, decodeReply(defaultPollCommand(), frame.bytes()), function, unit);
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
    /**
     * A calibrator's answer to {@code OUT?}: its first field the value, its second the unit ({@code V}, {@code OHM});
     * the rest (secondary output, frequency) is not read. The reading is named after the function of that unit.
     */
    private static ScpiResponse sourceOutput(String text) {
        String[] fields = text.split(",", -1);
        String function = fields.length >= 2 ? SOURCE_UNITS.get(fields[1].strip().toUpperCase(Locale.ROOT)) : null;
        Optional<BigDecimal> value = ScpiNumbers.parseResponse(fields[0].strip());
        if (function == null || value.isEmpty()) {
            return new Malformed("'" + abbreviate(text) + "' is not a calibrator's output (<value>,V|OHM,…)");
        }
        return new Readings(List.of(value.get()), function);
    }

    String unitOf(String selected) {
        return selected.equals(function) ? unit : UNITS.get(selected);
    }

    /** A PACE's answer to {@code :UNIT:PRES?} as a unit symbol ({@code :UNIT:PRES KPA} is kPa); empty for a unit not read here. */
    Optional<String> pressureUnitIn(byte[] answer) {
        return decodeReply(PACE_UNIT_QUERY, answer) instanceof Text named
                ? Optional.ofNullable(PACE_UNITS.get(named.text().strip().toUpperCase(Locale.ROOT)))
                : Optional.empty();
    }

    static DeviceReading errorEntry(RawFrame frame, ErrorEntry entry) {
        return entry.isNoError() ? DeviceReading.withoutValue(frame, ReadingStatus.DEVICE_ANSWER)
                : DeviceReading.deviceError(frame, "the device reports error " + entry.code() + ", \"" + entry.message() + "\"");
    }

    /** The readings of an answer to a reading query, as {@link #decodeReply} decoded it, named after the function. */
    static DeviceReading readings(RawFrame frame, ScpiResponse response, String function, String unit) {
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
        return other instanceof ScpiCodec that && function.equals(that.function) && unit.equals(that.unit)
                && pace == that.pace;
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, unit, pace);
    }
}
