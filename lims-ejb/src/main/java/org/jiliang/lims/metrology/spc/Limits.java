package org.jiliang.lims.metrology.spc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A control chart's centre line and its lower and upper control limits, three standard deviations of the plotted
 * statistic either side of the centre (ISO 7870-2 §5); the range charts' lower limit may be zero.
 */
public record Limits(BigDecimal lower, BigDecimal centre, BigDecimal upper) {

    static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    public Limits {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(upper, "upper");
        if (lower.compareTo(centre) > 0 || centre.compareTo(upper) > 0) {
            throw new IllegalArgumentException("Control limits out of order: " + lower + ", " + centre + ", " + upper);
        }
    }

    /** One standard deviation of the plotted statistic, (upper − centre)/3: the width of a zone. */
    public BigDecimal sigma() {
        return upper.subtract(centre).divide(THREE, MC);
    }

    /** Whether a value lies outside the limits (a value on a limit is inside). */
    public boolean outside(BigDecimal value) {
        return value.compareTo(upper) > 0 || value.compareTo(lower) < 0;
    }
}
