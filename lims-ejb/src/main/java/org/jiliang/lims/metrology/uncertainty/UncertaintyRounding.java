package org.jiliang.lims.metrology.uncertainty;

import java.math.RoundingMode;

/**
 * How the expanded uncertainty is rounded for the certificate. In both cases U keeps two significant digits (the
 * most GUM 7.2.6 allows) and the value is rounded half up to the same decimal place as U.
 */
public enum UncertaintyRounding {
    /** Round half up to two significant digits: 58.52 → 59, 0.0664 → 0.066. The default. */
    HALF_UP(RoundingMode.HALF_UP, "U rounded half up to two significant digits"),
    /** Round up to two significant digits, never understating U (allowed by GUM 7.2.6): 0.0661 → 0.067. */
    UP(RoundingMode.UP, "U rounded up to two significant digits");

    private final RoundingMode mode;
    private final String description;

    UncertaintyRounding(RoundingMode mode, String description) {
        this.mode = mode;
        this.description = description;
    }

    RoundingMode mode() {
        return mode;
    }

    public String description() {
        return description;
    }
}
