package org.jiliang.lims.platform;

import java.math.BigDecimal;

/**
 * Checks on what a person or a program typed, done by the services before anything is computed or stored,
 * so that a page and the API refuse alike: a number must fit the column it goes into (a value like
 * {@code 1e999999999} must never reach {@code setScale}, {@code pow} or a message that prints it), a text
 * must fit its column.
 */
public final class InputLimits {

    private InputLimits() {
    }

    /**
     * Whether the number has at most {@code integerDigits} digits before and {@code fractionDigits} after the
     * decimal point, trailing zeros not counted. Looks only at precision and scale: no arithmetic on the value.
     */
    public static boolean fits(BigDecimal value, int integerDigits, int fractionDigits) {
        if (value == null) {
            return true;
        }
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value;
        int scale = v.scale();
        int precision = v.precision();
        // trailing zeros count neither way: 20.100 has two decimals
        if (scale > 0) {
            BigDecimal stripped = v.stripTrailingZeros();
            scale = stripped.scale();
            precision = stripped.precision();
        }
        long integer = (long) precision - scale;
        return integer <= integerDigits && Math.max(scale, 0) <= fractionDigits;
    }

    /** Whether the number fits and lies within [min, max]. */
    public static boolean within(BigDecimal value, String min, String max, int integerDigits, int fractionDigits) {
        return value != null && fits(value, integerDigits, fractionDigits)
                && value.compareTo(new BigDecimal(min)) >= 0 && value.compareTo(new BigDecimal(max)) <= 0;
    }

    /** Refuses a text longer than its column; {@code labelKey} names the field in the message. */
    public static void maxLength(String text, int max, String labelKey) {
        if (text != null && text.length() > max) {
            throw new RefusedException("error.input.tooLong", new Messages.Key(labelKey), max);
        }
    }
}
