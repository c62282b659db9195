package org.jiliang.lims.metrology.weight;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** e^x in decimal arithmetic, for the air density formulas (the JDK has no BigDecimal exponential). */
final class DecimalExponential {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private DecimalExponential() {
    }

    /** e^x to the precision of {@code mc}: halve x until |x| ≤ 0.5, sum the Taylor series, square back. */
    static BigDecimal exp(BigDecimal x, MathContext mc) {
        MathContext work = new MathContext(mc.getPrecision() + 10, RoundingMode.HALF_EVEN);
        BigDecimal r = x;
        int halvings = 0;
        while (r.abs().compareTo(HALF) > 0) {
            r = r.divide(BigDecimal.valueOf(2), work);
            halvings++;
        }
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(work.getPrecision());
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; term.abs().compareTo(epsilon) > 0; n++) {
            term = term.multiply(r, work).divide(BigDecimal.valueOf(n), work);
            sum = sum.add(term, work);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, work);
        }
        return sum.round(mc);
    }
}
