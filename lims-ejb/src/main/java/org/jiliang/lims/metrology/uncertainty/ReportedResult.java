package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The result as a certificate prints it: y ± U with U rounded to two significant digits and y to the same decimal
 * place (GUM 7.2.6).
 *
 * @param value               y rounded to the decimal place of U
 * @param expandedUncertainty U rounded to two significant digits
 * @param coverageFactor      k
 * @param unit                unit of y and U
 * @param rounding            the rounding rule applied
 * @param basis               whether U came from the unrounded u_c or from u_c rounded to two digits
 */
public record ReportedResult(BigDecimal value, BigDecimal expandedUncertainty, BigDecimal coverageFactor, String unit,
        UncertaintyRounding rounding, ExpandedUncertaintyBasis basis) {

    public ReportedResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expandedUncertainty, "expandedUncertainty");
        Objects.requireNonNull(coverageFactor, "coverageFactor");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(basis, "basis");
    }

    /** The reporting rule as a certificate states it, e.g. "U = k·u_c from the unrounded u_c; U rounded half up …". */
    public String roundingStatement() {
        return basis.description() + "; " + rounding.description();
    }

    /** E.g. "10000.025 g ± 0.059 g (k = 2)". */
    @Override
    public String toString() {
        String u = unit.isBlank() ? "" : " " + unit;
        return value.toPlainString() + u + " ± " + expandedUncertainty.toPlainString() + u + " (k = "
                + coverageFactor.toPlainString() + ")";
    }
}
