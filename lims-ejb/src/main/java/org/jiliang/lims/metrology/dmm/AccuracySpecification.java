package org.jiliang.lims.metrology.dmm;

import java.math.BigDecimal;
import java.util.Objects;
import org.jiliang.lims.metrology.quantity.Quantity;

/**
 * A multimeter's accuracy on a range as its manufacturer (or the customer) states it: ±(a·reading + b·range + n
 * counts of the last digit), e.g. "±(0.0035 % of reading + 0.0005 % of range)" or "±(0.5 % rdg + 2 digits)". The
 * error found at a point is judged against it by an ILAC-G8 decision rule.
 *
 * @param ofReading fraction of the reading (35E-6 for 0.0035 %)
 * @param ofRange   fraction of the range
 * @param counts    digits of the last place
 */
public record AccuracySpecification(BigDecimal ofReading, BigDecimal ofRange, int counts) {

    public AccuracySpecification {
        Objects.requireNonNull(ofReading, "ofReading");
        Objects.requireNonNull(ofRange, "ofRange");
        if (ofReading.signum() < 0 || ofRange.signum() < 0 || counts < 0) {
            throw new IllegalArgumentException("An accuracy specification has no negative terms");
        }
    }

    /** ±(p ppm of reading + q ppm of range). */
    public static AccuracySpecification ppm(String ppmOfReading, String ppmOfRange) {
        return new AccuracySpecification(new BigDecimal(ppmOfReading).movePointLeft(6),
                new BigDecimal(ppmOfRange).movePointLeft(6), 0);
    }

    /** ±(p % of reading + n digits). */
    public static AccuracySpecification percentPlusCounts(String percentOfReading, int counts) {
        return new AccuracySpecification(new BigDecimal(percentOfReading).movePointLeft(2), BigDecimal.ZERO, counts);
    }

    /** The half-width of the tolerance at this point, for the applied value, in the range's unit. */
    public BigDecimal tolerance(DmmPoint point, BigDecimal appliedValue) {
        BigDecimal t = appliedValue.abs().multiply(ofReading).add(point.range().value().multiply(ofRange))
                .add(point.resolution().value().multiply(BigDecimal.valueOf(counts)));
        t = t.stripTrailingZeros();
        return t.scale() < 0 ? t.setScale(0) : t;
    }
}
