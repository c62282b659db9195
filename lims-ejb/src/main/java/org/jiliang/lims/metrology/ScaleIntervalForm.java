package org.jiliang.lims.metrology;

import java.math.BigInteger;

/**
 * Scale intervals e and d take the form 1 × 10^k, 2 × 10^k or 5 × 10^k mass units, k any integer
 * (Directive 2014/31/EU Annex I). Since mg, g and kg differ by powers of ten, the unit does not matter.
 */
final class ScaleIntervalForm {

    static final String RULE = "1, 2 or 5 × 10^k of a mass unit (e.g. 1 g, 2 g, 5 g, 10 g, 0.1 g)";

    private ScaleIntervalForm() {
    }

    static boolean isValid(Mass interval) {
        if (interval.signum() <= 0) {
            return false;
        }
        BigInteger digits = interval.value().stripTrailingZeros().unscaledValue();
        return digits.equals(BigInteger.ONE) || digits.equals(BigInteger.TWO) || digits.equals(BigInteger.valueOf(5));
    }
}
