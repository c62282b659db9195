package org.jiliang.lims.metrology.dmm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiliang.lims.metrology.quantity.Quantity;

/**
 * The display of a multimeter, "N½ digits": N full digits (0–9) behind a leading half digit that shows 0 or 1, so
 * the display counts up to 2·10^N − 1 (1 999 999 for 6½ digits). On each range the meter places the decimal point
 * so that the full scale fits: the resolution is the smallest power of ten r with 2·10^N·r ≥ full scale. A 6½-digit
 * meter resolves 10 µV on its 10 V range and 0.1 µV on its 100 mV range; a 3½-digit meter 0.1 mV on 200 mV and 1 V on
 * 600 V. Meters that stop counting earlier (1 200 000 counts for 20 % overrange) have the same resolution.
 *
 * @param fullDigits N, 3 to 8 (the register's choice list: 3½ … 8½)
 */
public record DisplayDigits(int fullDigits) {

    private static final Pattern TEXT = Pattern.compile("([3-8])(?:½|\\.5| 1/2)");

    public DisplayDigits {
        if (fullDigits < 3 || fullDigits > 8) {
            throw new DmmRefusal("error.dmm.digits", "A multimeter display of " + fullDigits
                    + "½ digits is outside 3½ to 8½ digits", fullDigits + "½");
        }
    }

    /** "6½" (as the register stores it), "6.5" or "6 1/2". */
    public static DisplayDigits parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new DmmRefusal("error.dmm.digits", "\"" + text + "\" is not a multimeter display of 3½ to 8½ digits",
                    String.valueOf(text));
        }
        return new DisplayDigits(Integer.parseInt(m.group(1)));
    }

    /** The last digit on this range, in the range's unit: 10 V at 6½ digits gives 0.00001 V. */
    public Quantity resolution(Quantity range) {
        BigDecimal fullScale = range.value().abs();
        if (fullScale.signum() == 0) {
            throw new IllegalArgumentException("A range of zero has no resolution");
        }
        BigDecimal f = fullScale.stripTrailingZeros();
        int decade = f.precision() - f.scale() - 1; // 10^decade ≤ full scale < 10^(decade+1)
        int exponent = decade - fullDigits;
        if (f.compareTo(BigDecimal.valueOf(2).scaleByPowerOfTen(decade)) > 0) {
            exponent++; // the half digit cannot show the leading digit (a 600 V range at 3½ digits resolves 1 V)
        }
        BigDecimal r = new BigDecimal(BigInteger.ONE, -exponent);
        return new Quantity(r.scale() < 0 ? r.setScale(0) : r, range.unit());
    }

    /** The largest value the display shows on this range, (2·10^N − 1)·resolution: 19.99999 V on 10 V at 6½. */
    public Quantity largestDisplay(Quantity range) {
        Quantity r = resolution(range);
        BigDecimal counts = BigDecimal.valueOf(2).scaleByPowerOfTen(fullDigits).subtract(BigDecimal.ONE);
        return new Quantity(counts.multiply(r.value()), range.unit());
    }

    @Override
    public String toString() {
        return fullDigits + "½";
    }
}
