package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;

/** The working precision of the engine: 34 significant digits (IEEE 754 decimal128), far beyond any certificate. */
final class Precision {

    static final MathContext WORKING = MathContext.DECIMAL128;

    static final BigDecimal SQRT_2 = BigDecimal.valueOf(2).sqrt(WORKING);
    static final BigDecimal SQRT_3 = BigDecimal.valueOf(3).sqrt(WORKING);
    static final BigDecimal SQRT_6 = BigDecimal.valueOf(6).sqrt(WORKING);

    private Precision() {
    }

    static BigDecimal sqrt(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.sqrt(WORKING);
    }

    /** Working-precision value without trailing zeros and without an exponent beyond what the value needs. */
    static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.round(WORKING).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
