package org.jiliang.lims.metrology.quantity;

import java.math.BigDecimal;

/** Decimals as a person reads them. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * Without the zeros a column's scale adds (1000.000100000000 → 1000.0001), and never in exponent form
     * (100 stays 100, not 1E+2).
     */
    public static BigDecimal plain(BigDecimal x) {
        BigDecimal s = x.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
