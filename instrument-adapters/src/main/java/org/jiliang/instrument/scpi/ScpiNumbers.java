package org.jiliang.instrument.scpi;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IEEE 488.2 decimal numeric response data: NR1 ({@code +15}), NR2 ({@code +1.23}) and NR3
 * ({@code +10.0E-03}), and the special values meters send instead of a number (protocols.md 4.3).
 */
public final class ScpiNumbers {

    /** The overload reading, {@code +9.90000000E+37} ([M] for DMMs in the reference; the 34401A convention). */
    public static final BigDecimal OVERLOAD = new BigDecimal("9.9E37");
    /** Not a number, {@code 9.91E37} (e.g. a 53131A {@code READ?} in totalize mode). */
    public static final BigDecimal NOT_A_NUMBER = new BigDecimal("9.91E37");

    private static final Pattern NR1 = Pattern.compile("[+-]?\\d+");
    private static final Pattern NR2 = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+)");
    private static final Pattern NR3 = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][+-]?\\d{1,3}");

    /** The NR form of a number as sent. */
    public enum Form { NR1, NR2, NR3 }

    private ScpiNumbers() {
    }

    public static Optional<Form> formOf(String text) {
        if (NR1.matcher(text).matches()) {
            return Optional.of(Form.NR1);
        }
        if (NR2.matcher(text).matches()) {
            return Optional.of(Form.NR2);
        }
        if (NR3.matcher(text).matches()) {
            return Optional.of(Form.NR3);
        }
        return Optional.empty();
    }

    /** The value of an NR1, NR2 or NR3 number, or empty if the text is none of them. */
    public static Optional<BigDecimal> parse(String text) {
        return formOf(text).map(form -> new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    }

    /**
     * Tolerance for recognising 9.91E37: a meter that keeps readings as single-precision floats prints it as
     * {@code 9.91000025e+37}; a float has 24 significant bits, so 1E-6 relative is well beyond its rounding
     * and far below the gap to 9.9E37 (1E-3 relative).
     */
    private static final BigDecimal NAN_TOLERANCE = NOT_A_NUMBER.scaleByPowerOfTen(-6);

    /**
     * The value of a number in a response: NR1, NR2, NR3, or the words some instruments and libraries print
     * instead of the SCPI values (C {@code printf} gives {@code nan}, {@code inf}, {@code -inf}): infinity reads
     * as {@link #OVERLOAD} with its sign, not-a-number as {@link #NOT_A_NUMBER}. Empty for anything else.
     */
    public static Optional<BigDecimal> parseResponse(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        boolean negative = word.startsWith("-");
        String unsigned = negative || word.startsWith("+") ? word.substring(1) : word;
        if (unsigned.equals("nan")) {
            return Optional.of(NOT_A_NUMBER);
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return Optional.of(negative ? OVERLOAD.negate() : OVERLOAD);
        }
        return parse(text);
    }

    /**
     * Whether a value means "beyond the range" in either direction: SCPI-99 Vol 1 7.2.1.5 makes every
     * magnitude from 9.9E37 up an overload, so a float's {@code 9.90000030209633e+37} is one too
     * (not-a-number excepted).
     */
    public static boolean isOverload(BigDecimal value) {
        return value.abs().compareTo(OVERLOAD) >= 0 && !isNotANumber(value);
    }

    /** Whether a value is the not-a-number value 9.91E37, within a float's rounding. */
    public static boolean isNotANumber(BigDecimal value) {
        return value.abs().subtract(NOT_A_NUMBER).abs().compareTo(NAN_TOLERANCE) <= 0;
    }

    /** The reading format of 34401A-compatible meters, {@code SD.DDDDDDDDESDD}: 10 V is {@code +1.00000000E+01}. */
    public static String formatReading(BigDecimal value) {
        return String.format(Locale.ROOT, "%+.8E", value);
    }
}
