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

    /**
     * A computed figure as a page, a reason or a report states it: rounded half-even to four decimals at most, without
     * trailing zeros, never in exponent form (499.675, 5.005, 10).
     */
    public static String toFourDecimals(BigDecimal x) {
        return x.setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
