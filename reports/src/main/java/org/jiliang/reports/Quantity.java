package org.jiliang.reports;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A measured or nominal value with its unit, exactly as it is to be printed: the value is never
 * converted to a binary floating-point number, so "0.10 g" stays "0.10 g".
 */
public record Quantity(BigDecimal value, String unit) {

    /** The unit of a quantity of dimension one, such as a ratio of two resistances. */
    public static final String ONE = "1";

    public Quantity {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (unit.isBlank()) {
            throw new IllegalArgumentException("unit must not be blank");
        }
    }

    /** Convenience for literals: {@code Quantity.of("5000", "g")}. */
    public static Quantity of(String value, String unit) {
        return new Quantity(new BigDecimal(value), unit);
    }

    /** The value in plain notation (never exponent notation) followed by a space and the unit. */
    public String format() {
        // "1" is the unit of a quantity of dimension one (a ratio): it is not written
        return ONE.equals(unit) ? value.toPlainString() : value.toPlainString() + " " + unit;
    }
}
