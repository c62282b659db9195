package org.jiliang.instrument.sbi;

import org.jiliang.instrument.reading.AsciiLine;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.sbi.SbiResponse.Malformed;
import org.jiliang.instrument.sbi.SbiResponse.Status;
import org.jiliang.instrument.sbi.SbiResponse.Text;
import org.jiliang.instrument.sbi.SbiResponse.Value;

/**
 * Sartorius SBI codec (protocols.md 4.2). Immutable and thread-safe; decoding never throws.
 *
 * <p>Weight lines are fixed-column, so they are read by column: position 1 sign ({@code +},
 * {@code -} or space for positive), 2 space or {@code [}, 3–10 the value right-aligned (with or
 * without decimal point), 11 space or {@code ]}, 12–14 the unit left-aligned or blank, then CR LF;
 * the 22-character format adds a 6-character identification code in front. {@code Stat} lines are
 * read by fields. A bare LF instead of CR LF is accepted (converters drop the CR).
 *
 * <p><strong>A blank unit field</strong> is commonly read as "not stable" — tagged [M] in the
 * reference because no stored manual page states it. The choice is therefore the caller's, see
 * {@link MissingUnit}; the default ({@link MissingUnit#NOT_STABLE}) keeps the value as a
 * {@link ReadingStatus#DYNAMIC} reading in the configured unit, which a measurement never uses.
 */
public final class SbiCodec implements DeviceCodec<SbiResponse> {

    public static final String PROTOCOL_NAME = "sbi";

    /** What a weight line with a blank unit field means. */
    public enum MissingUnit {
        /** The value is not stable: a {@code DYNAMIC} reading in the codec's unit. */
        NOT_STABLE,
        /** The line is not trusted at all: a {@code MALFORMED} reading. */
        MALFORMED;

        /** {@code not-stable} or {@code malformed}, any case, {@code _} or {@code -}. */
        public static MissingUnit parse(String text) {
            String t = Objects.requireNonNull(text, "text").trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (MissingUnit value : values()) {
                if (value.name().equals(t)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a missing SBI unit means not-stable or malformed: '" + text + "'");
        }
    }

    private static final int SHORT_BODY = 14;
    private static final int LONG_BODY = 20;
    private static final int ID_LENGTH = 6;
    private static final Pattern VALUE = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    private static final Pattern UNIT = Pattern.compile("[^ ]{1,3}");
    private static final Pattern ERROR = Pattern.compile("ERR\\s*(\\d{1,3})");
    private static final int MAX_QUOTED_LENGTH = 40;

    private final String unit;
    private final MissingUnit missingUnit;

    /** Grams for blank unit fields, which are read as not stable. */
    public SbiCodec() {
        this("g", MissingUnit.NOT_STABLE);
    }

    /**
     * @param unit        the balance's unit, used for a value whose unit field is blank
     * @param missingUnit what a blank unit field means
     */
    public SbiCodec(String unit, MissingUnit missingUnit) {
        if (unit == null || !UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("an SBI unit is 1 to 3 characters without spaces: '" + unit + "'");
        }
        this.unit = unit;
        this.missingUnit = Objects.requireNonNull(missingUnit, "missingUnit");
    }

    public MissingUnit missingUnit() {
        return missingUnit;
    }

    public String unit() {
        return unit;
    }

    @Override
    public String protocolName() {
        return PROTOCOL_NAME;
    }

    /** {@code ESC P}. */
    @Override
    public String defaultPollCommand() {
        return "P";
    }

    @Override
    public byte[] encodeCommand(String command) {
        return SbiCommand.parse(command).encode();
    }

    @Override
    public boolean isReadingCommand(String command) {
        try {
            return SbiCommand.parse(command).isPrint();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean expectsReply(String command) {
        return SbiCommand.parse(command).expectsReply();
    }

    @Override
    public SbiResponse decode(byte[] frame) {
        AsciiLine ascii = AsciiLine.of(frame, "CR LF", false);
        if (!ascii.isLine()) {
            return new Malformed(ascii.problem());
        }
        String body = ascii.text();
        if (body.startsWith("Stat")) {
            return status(body.substring(4).strip());
        }
        if (body.length() == SHORT_BODY) {
            return value("", body);
        }
        if (body.length() == LONG_BODY) {
            return value(body.substring(0, ID_LENGTH).strip(), body.substring(ID_LENGTH));
        }
        return body.isBlank() ? new Malformed("blank line") : new Text(body.strip());
    }

    private static SbiResponse status(String text) {
        if (text.isEmpty()) {
            return new Malformed("'Stat' without a status code");
        }
        if (text.equals("High")) {
            return new Status(Status.Kind.HIGH, text, null);
        }
        if (text.equals("Low")) {
            return new Status(Status.Kind.LOW, text, null);
        }
        Matcher error = ERROR.matcher(text);
        if (error.matches()) {
            return new Status(Status.Kind.ERROR, text, Integer.parseInt(error.group(1)));
        }
        return new Status(Status.Kind.OTHER, text, null);
    }

    /** Reads the 14 characters of a weight line before CR LF. */
    private static SbiResponse value(String idCode, String data) {
        char sign = data.charAt(0);
        if (sign != '+' && sign != '-' && sign != ' ') {
            return new Malformed("position 1 must be the sign (+, - or space), was '" + sign + "' in '" + data + "'");
        }
        char open = data.charAt(1);
        char close = data.charAt(10);
        boolean bracketed = open == '[';
        if (bracketed ? close != ']' : (open != ' ' || close != ' ')) {
            return new Malformed("positions 2 and 11 must be spaces or [ and ], were '" + open + "' and '" + close
                    + "' in '" + data + "'");
        }
        String valueField = data.substring(2, 10);
        String digits = valueField.strip();
        if (digits.isEmpty()) {
            return new Malformed("the value field (positions 3-10) is blank in '" + data + "'");
        }
        if (!VALUE.matcher(digits).matches() || !valueField.endsWith(digits)) {
            return new Malformed("the value field '" + valueField + "' is not a right-aligned decimal number");
        }
        String unitField = data.substring(11, 14);
        String unitSymbol = unitField.strip();
        if (!unitSymbol.isEmpty() && !unitField.startsWith(unitSymbol)) {
            return new Malformed("the unit field '" + unitField + "' is not left-aligned");
        }
        BigDecimal value = new BigDecimal(digits);
        return new Value(idCode, sign == '-' ? value.negate() : value, unitSymbol.isEmpty() ? null : unitSymbol, bracketed);
    }

    @Override
    public DeviceReading interpret(RawFrame frame) {
        SbiResponse response = decode(frame.bytes());
        if (response instanceof Value v) {
            if (v.unit() != null) {
                return DeviceReading.weight(frame, true, v.value(), v.unit());
            }
            return missingUnit == MissingUnit.NOT_STABLE
                    ? DeviceReading.weight(frame, false, v.value(), unit)
                    : DeviceReading.malformed(frame, "weight line without a unit: " + quoted(frame));
        }
        if (response instanceof Status s) {
            return switch (s.kind()) {
                case HIGH -> DeviceReading.withoutValue(frame, ReadingStatus.OVERLOAD);
                case LOW -> DeviceReading.withoutValue(frame, ReadingStatus.UNDERLOAD);
                case ERROR -> DeviceReading.deviceError(frame, "balance reported error " + s.errorNumber() + " (Stat ERR)");
                case OTHER -> DeviceReading.deviceError(frame, "balance reported status '" + s.text() + "'");
            };
        }
        if (response instanceof Text t) {
            return DeviceReading.malformed(frame, "not an SBI weight line: " + t.text().length()
                    + " characters before CR LF where a weight line has 14 or 20: '" + abbreviate(t.text()) + "'");
        }
        return DeviceReading.malformed(frame, ((Malformed) response).reason());
    }

    private static String quoted(RawFrame frame) {
        return "'" + abbreviate(frame.text().strip()) + "'";
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
