package org.jiliang.lims.bench;

import java.math.BigDecimal;
import java.util.Optional;
import org.jiliang.lims.bench.DeviceFrameService.IncomingFrame;

/**
 * What a device_frame row can hold of a reading, checked in one place for every path a frame takes
 * (a Camel route, a bench agent, the one-by-one retry of a failed batch): a value the record cannot
 * hold exactly is neither rounded nor a failure that loses the frame. The frame is kept as
 * {@code MALFORMED}, raw bytes and all, with the reason in words (issue 9).
 *
 * <p>The value is kept as its decimal text ({@code reading_text}, see V010), so its digits and
 * trailing zeros stay as sent; {@code reading_value numeric(38, 18)} beside it is for queries. The
 * bounds are that column's: at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point and
 * {@value #MAX_DECIMALS} after it (trailing zeros count, they are part of what was sent), and units
 * of at most {@value #MAX_UNIT} characters ({@code reading_unit varchar(8)}).
 */
final class FrameRecordLimits {

    static final int MAX_INTEGER_DIGITS = 20;
    static final int MAX_DECIMALS = 18;
    static final int MAX_UNIT = 8;
    /** reading_text varchar(48): a sign, 38 digits and a point fit; so does any exponent form. */
    static final int MAX_TEXT = 48;

    static final String MALFORMED = "MALFORMED";

    private FrameRecordLimits() {
    }

    /** Why the record cannot hold this value and unit exactly; empty if it can (or there is no value). */
    static Optional<String> misfit(BigDecimal value, String unit) {
        if (value == null) {
            return Optional.empty();
        }
        // precision - scale: the digits before the point (<= 0 for 0.000x); compared as longs, since an
        // absurd exponent (scale near Integer.MIN_VALUE) must not overflow into "fits"
        long integerDigits = (long) value.precision() - value.scale();
        boolean fits = integerDigits <= MAX_INTEGER_DIGITS && value.scale() <= MAX_DECIMALS
                && (unit == null || unit.length() <= MAX_UNIT) && text(value).length() <= MAX_TEXT;
        if (fits) {
            return Optional.empty();
        }
        return Optional.of("value " + shortNumber(value) + " " + abbreviated(unit, 16)
                + " does not fit the record: at most " + MAX_INTEGER_DIGITS + " digits before and " + MAX_DECIMALS
                + " after the decimal point, units of at most " + MAX_UNIT + " characters; the raw bytes are kept");
    }

    /** The frame as the record can hold it: unchanged, or malformed without a value and with the reason. */
    static IncomingFrame fitted(IncomingFrame in) {
        return misfit(in.value(), in.unit()).map(reason -> withoutValue(in, MALFORMED, reason)).orElse(in);
    }

    /** The same frame (bytes, time stamps, sequence) with another status, no value or unit, and a reason. */
    static IncomingFrame withoutValue(IncomingFrame in, String status, String reason) {
        return new IncomingFrame(in.deviceCode(), in.linkSession(), in.sequence(), in.receivedAt(), in.rawBytes(),
                status, null, null, reason, in.rawText(), in.serverReceivedAt(), in.heldByAgent());
    }

    /**
     * The decimal text a value is kept as: plain digits, trailing zeros kept; the exponent form only for
     * a value sent with one and no decimals ({@code 1E+3}), whose scale the plain form would lose.
     * {@code new BigDecimal(text(v))} gives back {@code v}, scale included.
     */
    static String text(BigDecimal value) {
        if (value.scale() < 0) {
            return value.toString();
        }
        if (value.scale() > MAX_DECIMALS + 2 || value.precision() > MAX_TEXT) {
            return value.toString(); // never write out an absurd number of digits just to find it too long
        }
        return value.toPlainString();
    }

    /** A value in words that stays short whatever was sent (never toPlainString of a huge exponent). */
    static String shortNumber(BigDecimal value) {
        if (Math.abs((long) value.scale()) > 40 || value.precision() > 40) {
            return abbreviated(value.toString(), 40);
        }
        return value.scale() < 0 ? value.toString() : value.toPlainString();
    }

    static String abbreviated(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
