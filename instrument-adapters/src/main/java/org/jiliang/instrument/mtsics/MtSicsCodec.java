package org.jiliang.instrument.mtsics;

import org.jiliang.instrument.reading.AsciiLine;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.mtsics.MtSicsResponse.Acknowledged;
import org.jiliang.instrument.mtsics.MtSicsResponse.CommandError;
import org.jiliang.instrument.mtsics.MtSicsResponse.IncorrectParameter;
import org.jiliang.instrument.mtsics.MtSicsResponse.Intermediate;
import org.jiliang.instrument.mtsics.MtSicsResponse.Malformed;
import org.jiliang.instrument.mtsics.MtSicsResponse.NotExecutable;
import org.jiliang.instrument.mtsics.MtSicsResponse.Overload;
import org.jiliang.instrument.mtsics.MtSicsResponse.TextInfo;
import org.jiliang.instrument.mtsics.MtSicsResponse.Underload;
import org.jiliang.instrument.mtsics.MtSicsResponse.WeightErrorCode;
import org.jiliang.instrument.mtsics.MtSicsResponse.WeightValue;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceIdentity;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;

/**
 * MT-SICS level 0/1 codec. Stateless and thread-safe.
 *
 * <p>Decoding never throws: a device, a cable or a serial device server can deliver anything, and
 * the bytes must still reach the server as a record, so every failure becomes
 * {@link Malformed} with a reason a technician can read.
 */
public final class MtSicsCodec implements DeviceCodec<MtSicsResponse> {

    public static final String PROTOCOL_NAME = "mt-sics";

    private static final Pattern ERROR_CODE = Pattern.compile("(\\d{1,3})([a-z])");
    /** Weight responses carry the identifier {@code S} whether the query was S, SI or SIR. */
    private static final String WEIGHT_ID = "S";
    private static final int MAX_QUOTED_LENGTH = 40;
    /** Identity commands (protocols.md 4.1): balance data (type, capacity, unit), software version, serial number. */
    private static final List<String> IDENTITY_COMMANDS = List.of("I2", "I3", "I4");
    private static final Map<String, String> IDENTITY_FIELDS = Map.of("I2", "model", "I3", "software version",
            "I4", "serial number");
    /**
     * Identifiers a reply to this product's commands starts with (MT-SICS level 0/1: weight, tare,
     * zero, identification, and the command errors). {@link #split} cuts only in front of one of these.
     */
    private static final Set<String> KNOWN_REPLY_IDS = Set.of("S", "SI", "SIR", "SU", "SIU", "SIRU", "T", "TA", "TAC",
            "TI", "Z", "ZI", "I0", "I1", "I2", "I3", "I4", "I5", "D", "DW", "ES", "ET", "EL");
    /** The longest reply {@link #split} looks for at the end of a frame; MT-SICS replies are far shorter. */
    static final int MAX_REPLY_LENGTH = 256;

    @Override
    public String protocolName() {
        return PROTOCOL_NAME;
    }

    /** {@code SI}: the weight immediately, stable or not, so a poll never waits for stability. */
    @Override
    public String defaultPollCommand() {
        return "SI";
    }

    @Override
    public List<String> identityCommands() {
        return IDENTITY_COMMANDS;
    }

    /**
     * {@code I4 A "B207696838"} tells the serial number, {@code I3 A "..."} the software version and
     * {@code I2 A "<type> <capacity> <unit>"} the model: the type, read from the right, since it may
     * contain spaces. The answer {@code I4} gives to {@code @} counts too.
     */
    @Override
    public Optional<DeviceIdentity> identityIn(byte[] reply) {
        if (!(decode(reply) instanceof TextInfo info) || info.fields().size() != 1) {
            return Optional.empty();
        }
        String text = info.text().strip();
        return switch (info.command()) {
            case "I2" -> Optional.of(new DeviceIdentity(typeOf(text), null, null));
            case "I3" -> Optional.of(new DeviceIdentity(null, null, text));
            case "I4" -> Optional.of(new DeviceIdentity(null, text, null));
            default -> Optional.empty();
        };
    }

    /** The type in an {@code I2} text: all but the capacity and unit at its end, if they are there. */
    private static String typeOf(String balanceData) {
        String[] words = balanceData.split(" +");
        if (words.length >= 3 && isDecimal(words[words.length - 2]) && isUnit(words[words.length - 1])) {
            return String.join(" ", java.util.Arrays.copyOf(words, words.length - 2));
        }
        return balanceData;
    }

    @Override
    public byte[] encodeCommand(String command) {
        return MtSicsCommand.parse(command).encode();
    }

    @Override
    public boolean isReadingCommand(String command) {
        try {
            return MtSicsCommand.parse(command).isWeightQuery();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public MtSicsResponse decode(byte[] frame) {
        AsciiLine ascii = AsciiLine.of(frame, "CR LF", false);
        if (ascii.incomplete()) {
            // show what arrived, so a technician can tell a cut frame from noise
            return new Malformed("frame does not end with CR LF, so it is incomplete or too long: " + preview(frame, frame.length));
        }
        if (!ascii.isLine()) {
            return new Malformed(ascii.problem());
        }
        String line = ascii.text();
        try {
            return decodeLine(line);
        } catch (MtSicsTokens.UnterminatedQuoteException e) {
            return new Malformed(e.getMessage() + " in '" + line + "'");
        }
    }

    /**
     * Cuts an unterminated fragment from the reply that follows it in the same line, e.g.
     * {@code S S     12} (the balance restarted mid-line) + {@code S S     100.00 g CR LF}: the reply
     * keeps its value instead of both being lost in one malformed frame. Conservative: only a frame
     * that is malformed as a whole is cut, only where the rest decodes as a well-formed reply starting
     * with a known identifier ({@code S}, {@code I4}, {@code ES}, ...), only when the fragment itself
     * starts like a reply, and only within the last {@value #MAX_REPLY_LENGTH} bytes. The cut nearest
     * the start wins, so the reply is as long as it can be. The pieces joined are the frame.
     */
    @Override
    public List<byte[]> split(byte[] frame) {
        if (frame == null || frame.length < 3 || frame[frame.length - 1] != '\n' || !(decode(frame) instanceof Malformed)) {
            return List.of(frame);
        }
        for (int cut = Math.max(1, frame.length - MAX_REPLY_LENGTH); cut < frame.length; cut++) {
            if (isUpper(frame[cut]) && startsWithKnownId(frame, cut, frame.length) && startsWithKnownId(frame, 0, cut)) {
                byte[] reply = Arrays.copyOfRange(frame, cut, frame.length);
                if (!(decode(reply) instanceof Malformed)) {
                    return List.of(Arrays.copyOfRange(frame, 0, cut), reply);
                }
            }
        }
        return List.of(frame);
    }

    /** Whether bytes from..end begin with a known reply identifier followed by a space, CR, or nothing. */
    private static boolean startsWithKnownId(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && i - from < 4 && (isUpper(bytes[i]) || (i > from && bytes[i] >= '0' && bytes[i] <= '9'))) {
            i++;
        }
        return i > from && (i == end || bytes[i] == ' ' || bytes[i] == '\r') && isKnownId(bytes, from, i);
    }

    private static boolean isKnownId(byte[] bytes, int from, int to) {
        return to > from && to - from <= 4
                && KNOWN_REPLY_IDS.contains(new String(bytes, from, to - from, java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static boolean isUpper(byte b) {
        return b >= 'A' && b <= 'Z';
    }

    private MtSicsResponse decodeLine(String line) throws MtSicsTokens.UnterminatedQuoteException {
        List<MtSicsTokens.Token> tokens = MtSicsTokens.split(line);
        if (tokens.isEmpty()) {
            return new Malformed("blank line");
        }
        MtSicsTokens.Token first = tokens.get(0);
        if (first.quoted() || !isResponseId(first.text())) {
            return new Malformed("'" + abbreviate(first.wire()) + "' is not an MT-SICS response identifier");
        }
        String id = first.text();
        if (tokens.size() == 1) {
            return switch (id) {
                case "ES" -> new CommandError(CommandError.Kind.SYNTAX);
                case "ET" -> new CommandError(CommandError.Kind.TRANSMISSION);
                case "EL" -> new CommandError(CommandError.Kind.LOGICAL);
                default -> new Malformed("response '" + id + "' has no status");
            };
        }
        MtSicsTokens.Token statusToken = tokens.get(1);
        List<MtSicsTokens.Token> data = tokens.subList(2, tokens.size());
        String status = statusToken.quoted() ? statusToken.wire() : statusToken.text();
        return switch (status) {
            case "S", "D" -> weight(line, id, status.equals("S"), data);
            case "A" -> anyQuoted(data)
                    ? new TextInfo(id, texts(data))
                    : new Acknowledged(id, texts(data));
            case "B" -> new Intermediate(id, texts(data));
            case "I" -> withoutData(line, data, new NotExecutable(id));
            case "L" -> withoutData(line, data, new IncorrectParameter(id));
            case "+" -> withoutData(line, data, new Overload(id));
            case "-" -> withoutData(line, data, new Underload(id));
            default -> new Malformed("unknown status '" + abbreviate(status) + "' in '" + abbreviate(line) + "'");
        };
    }

    private MtSicsResponse weight(String line, String id, boolean stable, List<MtSicsTokens.Token> data) {
        if (data.isEmpty()) {
            // "ZI S" / "ZI D": zeroed under stable / dynamic conditions, no value follows.
            return id.equals(WEIGHT_ID)
                    ? new Malformed("weight response without a value: '" + line + "'")
                    : new Acknowledged(id, List.of(stable ? "S" : "D"));
        }
        if (anyQuoted(data)) {
            return new Malformed("unexpected quoted text in weight response '" + abbreviate(line) + "'");
        }
        String valueField = data.get(0).text();
        if (valueField.equals("Error")) {
            Matcher code = data.size() == 2 ? ERROR_CODE.matcher(data.get(1).text()) : null;
            if (code == null || !code.matches()) {
                return new Malformed("unrecognised weight error code in '" + abbreviate(line) + "'");
            }
            return new WeightErrorCode(id, Integer.parseInt(code.group(1)), code.group(2).equals("t"));
        }
        if (!isDecimal(valueField)) {
            return new Malformed("weight value '" + abbreviate(valueField) + "' is not a decimal number");
        }
        if (data.size() == 1) {
            return new Malformed("weight value " + valueField + " has no unit");
        }
        if (data.size() > 2) {
            return new Malformed("unexpected fields after the unit in '" + abbreviate(line) + "'");
        }
        String unit = data.get(1).text();
        if (!isUnit(unit)) {
            return new Malformed("'" + abbreviate(unit) + "' is not a unit");
        }
        return new WeightValue(id, stable, new BigDecimal(valueField), unit);
    }

    private static MtSicsResponse withoutData(String line, List<MtSicsTokens.Token> data, MtSicsResponse response) {
        return data.isEmpty()
                ? response
                : new Malformed("unexpected fields after the status in '" + abbreviate(line) + "'");
    }

    private static boolean anyQuoted(List<MtSicsTokens.Token> tokens) {
        for (MtSicsTokens.Token t : tokens) {
            if (t.quoted()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(List<MtSicsTokens.Token> tokens) {
        return tokens.stream().map(MtSicsTokens.Token::text).toList();
    }

    @Override
    public DeviceReading interpret(RawFrame frame) {
        MtSicsResponse response = decode(frame.bytes());
        if (response instanceof WeightValue w && w.command().equals(WEIGHT_ID)) {
            return DeviceReading.weight(frame, w.stable(), w.value(), w.unit());
        }
        if (response instanceof Overload o && o.command().equals(WEIGHT_ID)) {
            return DeviceReading.withoutValue(frame, ReadingStatus.OVERLOAD);
        }
        if (response instanceof Underload u && u.command().equals(WEIGHT_ID)) {
            return DeviceReading.withoutValue(frame, ReadingStatus.UNDERLOAD);
        }
        if (response instanceof NotExecutable n && n.command().equals(WEIGHT_ID)) {
            return DeviceReading.withoutValue(frame, ReadingStatus.NOT_EXECUTABLE);
        }
        if (IDENTITY_FIELDS.containsKey(commandOf(response))) {
            return identityReading(frame, response);
        }
        if (response instanceof CommandError e) {
            return DeviceReading.deviceError(frame, "balance answered " + e.kind().code() + ": " + e.kind().description());
        }
        if (response instanceof WeightErrorCode e) {
            return DeviceReading.deviceError(frame, "balance reported weight error " + e.code() + " (" + e.description()
                    + ") from the " + (e.fromTerminal() ? "terminal" : "weighing electronics"));
        }
        if (response instanceof IncorrectParameter p) {
            return DeviceReading.deviceError(frame,
                    "balance answered '" + p.command() + " L': logical error or incorrect parameter");
        }
        if (response instanceof Malformed m) {
            return DeviceReading.malformed(frame, m.reason());
        }
        // A well-formed line that answers something else (e.g. "Z A") cannot stand for a weight.
        return DeviceReading.malformed(frame, "not an answer to a weight query: '" + abbreviate(frame.text().strip()) + "'");
    }

    private DeviceReading identityReading(RawFrame frame, MtSicsResponse response) {
        String command = commandOf(response);
        if (identityIn(frame.bytes()).isPresent()) {
            return DeviceReading.identity(frame);
        }
        String asked = command + " (" + IDENTITY_FIELDS.get(command) + ")";
        if (response instanceof NotExecutable) {
            return DeviceReading.deviceError(frame, "balance did not tell its " + IDENTITY_FIELDS.get(command)
                    + ": '" + command + " I', " + asked + " not executable now");
        }
        if (response instanceof IncorrectParameter) {
            return DeviceReading.deviceError(frame, "balance did not tell its " + IDENTITY_FIELDS.get(command)
                    + ": '" + command + " L', logical error");
        }
        return DeviceReading.malformed(frame, "answer to " + asked + " is not one quoted text: '"
                + abbreviate(frame.text().strip()) + "'");
    }

    private static String commandOf(MtSicsResponse response) {
        if (response instanceof TextInfo t) {
            return t.command();
        }
        if (response instanceof Acknowledged a) {
            return a.command();
        }
        if (response instanceof NotExecutable n) {
            return n.command();
        }
        if (response instanceof IncorrectParameter p) {
            return p.command();
        }
        if (response instanceof Intermediate i) {
            return i.command();
        }
        return "";
    }

    // Field checks by hand rather than by regular expression: every weight line passes through them (see
    // docs/benchmarks.md, serial path).

    /** {@code [A-Z][A-Z0-9]{0,7}}. */
    static boolean isResponseId(String t) {
        if (t.isEmpty() || t.length() > 8 || !upper(t.charAt(0))) {
            return false;
        }
        for (int i = 1; i < t.length(); i++) {
            if (!upper(t.charAt(i)) && !digit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code [+-]?\d+(\.\d+)?}: strict on purpose, because BigDecimal would also accept "1E3" or ".5", which
     * no balance sends.
     */
    static boolean isDecimal(String t) {
        int i = t.isEmpty() || (t.charAt(0) != '+' && t.charAt(0) != '-') ? 0 : 1;
        int digitsBefore = 0;
        while (i < t.length() && digit(t.charAt(i))) {
            i++;
            digitsBefore++;
        }
        if (digitsBefore == 0) {
            return false;
        }
        if (i == t.length()) {
            return true;
        }
        if (t.charAt(i) != '.') {
            return false;
        }
        i++;
        int digitsAfter = 0;
        while (i < t.length() && digit(t.charAt(i))) {
            i++;
            digitsAfter++;
        }
        return digitsAfter > 0 && i == t.length();
    }

    /** {@code [A-Za-z%][A-Za-z0-9%/]{0,5}}. */
    static boolean isUnit(String t) {
        if (t.isEmpty() || t.length() > 6 || !(letter(t.charAt(0)) || t.charAt(0) == '%')) {
            return false;
        }
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!letter(c) && !digit(c) && c != '%' && c != '/') {
                return false;
            }
        }
        return true;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean letter(char c) {
        return upper(c) || c >= 'a' && c <= 'z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Printable text of a frame for a reason, or a note that it is binary. */
    private static String preview(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(length, MAX_QUOTED_LENGTH); i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 || b > 0x7E) {
                return length + " bytes, not printable ASCII";
            }
            text.append((char) b);
        }
        return "'" + text + (length > MAX_QUOTED_LENGTH ? "...' (" + length + " bytes)" : "'");
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED_LENGTH ? text : text.substring(0, MAX_QUOTED_LENGTH) + "...";
    }

    /** A balance: its weights come in the mass units; anything else (PCS, %) is not a weight. */
    @Override
    public java.util.Set<String> expectedUnits() {
        return MASS_UNITS;
    }
}
