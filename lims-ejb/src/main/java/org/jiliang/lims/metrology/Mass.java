package org.jiliang.lims.metrology;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A mass: an exact decimal value with its unit.
 *
 * <p>Two masses are equal when they denote the same quantity (5 kg equals 5000 g, 2.50 g equals 2.5 g), which
 * is consistent with {@link #compareTo}. The value keeps the digits it was given, so {@code toString} shows the
 * resolution that was recorded.
 */
public record Mass(BigDecimal value, MassUnit unit) implements Comparable<Mass> {

    public Mass {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    public static Mass of(BigDecimal value, MassUnit unit) {
        return new Mass(value, unit);
    }

    /** {@code Mass.of("2.5", MassUnit.G)}; the string is parsed by {@link BigDecimal#BigDecimal(String)}. */
    public static Mass of(String value, MassUnit unit) {
        return new Mass(new BigDecimal(value), unit);
    }

    /** Parses the {@link #toString} form: a decimal number, one space, a unit symbol, e.g. "2505 g". */
    public static Mass parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split(" ");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Not a mass: \"" + text + "\"; expected e.g. \"2505 g\"");
        }
        try {
            return new Mass(new BigDecimal(parts[0]), MassUnit.fromSymbol(parts[1]));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("Not a mass: \"" + text + "\"; expected e.g. \"2505 g\"", ex);
        }
    }

    /** The same quantity in {@code target}, exactly. */
    public Mass to(MassUnit target) {
        Objects.requireNonNull(target, "target");
        return target == unit ? this : new Mass(unit.convert(value, target), target);
    }

    /** Sum in the unit of this mass. */
    public Mass plus(Mass other) {
        return new Mass(value.add(other.to(unit).value), unit);
    }

    /** Difference in the unit of this mass. */
    public Mass minus(Mass other) {
        return new Mass(value.subtract(other.to(unit).value), unit);
    }

    public Mass negate() {
        return new Mass(value.negate(), unit);
    }

    /**
     * The same quantity without trailing zeros: numbers come back from the database with the
     * column's fixed scale (5000.000000), which is not what a certificate should print.
     */
    public Mass normalized() {
        BigDecimal v = value.stripTrailingZeros();
        return new Mass(v.scale() < 0 ? v.setScale(0) : v, unit);
    }

    public Mass abs() {
        return value.signum() < 0 ? negate() : this;
    }

    /** Exact product with a dimensionless factor, in the unit of this mass. */
    public Mass times(BigDecimal factor) {
        return new Mass(value.multiply(factor), unit);
    }

    /**
     * Exact dimensionless ratio this / divisor, e.g. n = Max / e.
     *
     * @throws ArithmeticException if the divisor is zero or the quotient has no finite decimal expansion
     */
    public BigDecimal dividedBy(Mass divisor) {
        return value.divide(divisor.to(unit).value);
    }

    /** -1, 0 or 1 as the value is negative, zero or positive. */
    public int signum() {
        return value.signum();
    }

    @Override
    public int compareTo(Mass other) {
        return value.compareTo(other.to(unit).value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mass other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return unit.convert(value, MassUnit.MG).stripTrailingZeros().hashCode();
    }

    /** E.g. "5000 g", "0.5 mg": plain notation, no digit grouping. */
    @Override
    public String toString() {
        return value.toPlainString() + " " + unit.symbol();
    }
}
