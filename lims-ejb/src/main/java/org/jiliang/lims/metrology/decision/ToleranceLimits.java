package org.jiliang.lims.metrology.decision;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Specification limits TL: an upper limit, a lower limit or both. The same type also carries the acceptance limits
 * AL derived from them.
 *
 * @param lower lower limit, inclusive; null for none
 * @param upper upper limit, inclusive; null for none
 * @param unit  unit of the limits and of the measured value, free text (may be blank)
 */
public record ToleranceLimits(BigDecimal lower, BigDecimal upper, String unit) {

    public ToleranceLimits {
        Objects.requireNonNull(unit, "unit");
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("Tolerance limits need at least one limit");
        }
    }

    /** One-sided: the value must not exceed the limit. */
    public static ToleranceLimits upper(BigDecimal upper, String unit) {
        return new ToleranceLimits(null, Objects.requireNonNull(upper, "upper"), unit);
    }

    /** One-sided: the value must not fall below the limit. */
    public static ToleranceLimits lower(BigDecimal lower, String unit) {
        return new ToleranceLimits(Objects.requireNonNull(lower, "lower"), null, unit);
    }

    /** Two-sided. */
    public static ToleranceLimits between(BigDecimal lower, BigDecimal upper, String unit) {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("Lower tolerance limit " + lower.toPlainString()
                    + " is above the upper limit " + upper.toPlainString());
        }
        return new ToleranceLimits(lower, upper, unit);
    }

    /** Two-sided around a nominal value, e.g. m0 ± δm or 0 ± MPE. */
    public static ToleranceLimits symmetric(BigDecimal nominal, BigDecimal halfWidth, String unit) {
        Objects.requireNonNull(nominal, "nominal");
        Objects.requireNonNull(halfWidth, "halfWidth");
        if (halfWidth.signum() < 0) {
            throw new IllegalArgumentException("The half-width of a tolerance must not be negative, was "
                    + halfWidth.toPlainString());
        }
        return new ToleranceLimits(nominal.subtract(halfWidth), nominal.add(halfWidth), unit);
    }

    public boolean isTwoSided() {
        return lower != null && upper != null;
    }

    /** The limits moved inwards by w (acceptance limits AL = TL ∓ w); they may cross for a large w. */
    ToleranceLimits narrowedBy(BigDecimal w) {
        return new ToleranceLimits(lower == null ? null : lower.add(w), upper == null ? null : upper.subtract(w), unit);
    }

    /** E.g. "≤ 1.000", "≥ 2 g", "9999.5 g to 10000.5 g". */
    public String describe() {
        String u = unit.isBlank() ? "" : " " + unit;
        if (lower == null) {
            return "≤ " + upper.toPlainString() + u;
        }
        if (upper == null) {
            return "≥ " + lower.toPlainString() + u;
        }
        return lower.toPlainString() + u + " … " + upper.toPlainString() + u;
    }
}
