package org.jiliang.lims.metrology.dmm;

import java.util.Objects;
import org.jiliang.lims.metrology.quantity.Quantity;

/**
 * One calibration point of a multimeter: a function, a range, the nominal value applied (negative for reversed
 * polarity) and the display that fixes the resolution on that range.
 *
 * @param basicRange whether the range is the function's basic range (measured at more points)
 * @param source     why the point is in the plan, from test-points.csv
 * @param confirmed  whether the source was read (tag C) rather than remembered (tag M)
 */
public record DmmPoint(DmmFunction function, Quantity range, Quantity nominal, DisplayDigits digits,
        Polarity polarity, boolean basicRange, String source, boolean confirmed) {

    /** Which way the calibrator drives the input: NONE for the zero and for resistance (the meter sources it). */
    public enum Polarity {
        POSITIVE, NEGATIVE, NONE
    }

    public DmmPoint {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(nominal, "nominal");
        Objects.requireNonNull(digits, "digits");
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(source, "source");
        if (!range.kind().equals(function.kind()) || range.value().signum() <= 0) {
            throw new DmmRefusal("error.dmm.rangeKind", "The range " + range + " is not a positive "
                    + function.kind() + " range of the " + function.labelEn() + " function", range.toString(),
                    function.labelZh(), function.labelEn());
        }
        if (!nominal.unit().equals(range.unit())) {
            throw new IllegalArgumentException("The nominal value " + nominal + " is not in the unit of its range "
                    + range);
        }
        Quantity largest = digits.largestDisplay(range);
        if (nominal.value().abs().compareTo(largest.value()) > 0) {
            throw outsideRange(nominal, range, largest);
        }
    }

    /** The last digit on this point's range. */
    public Quantity resolution() {
        return digits.resolution(range);
    }

    /** The largest value the display shows on this range. */
    public Quantity largestDisplay() {
        return digits.largestDisplay(range);
    }

    static DmmRefusal outsideRange(Quantity value, Quantity range, Quantity largest) {
        return new DmmRefusal("error.dmm.outsideRange", value + " lies outside the " + range
                + " range, whose display ends at ±" + largest, value.toString(), range.toString(), largest.toString());
    }

    @Override
    public String toString() {
        return function.code() + " " + range + ": " + nominal;
    }
}
