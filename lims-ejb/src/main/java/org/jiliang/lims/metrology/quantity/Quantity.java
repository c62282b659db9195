package org.jiliang.lims.metrology.quantity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A value with its unit: 5.000 kg, 10.000 21 V, 999.98 Ω, 120 mmHg, 20.5 °C. The value keeps the digits it was
 * given (5.00 stays 5.00). Conversions between units of the same kind are exact where the result has a finite
 * decimal expansion (every decimal prefix, the bar, the °C); a conversion that has none (kPa to mmHg) must say the
 * precision it is done to, so that no result is silently rounded.
 */
public record Quantity(BigDecimal value, Unit unit) implements Comparable<Quantity> {

    public Quantity {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    public static Quantity of(String value, String unitSymbol) {
        return new Quantity(new BigDecimal(value), Units.of(unitSymbol));
    }

    public static Quantity of(BigDecimal value, String unitSymbol) {
        return new Quantity(value, Units.of(unitSymbol));
    }

    public String kind() {
        return unit.kind();
    }

    /**
     * This quantity in {@code target}, exactly.
     *
     * @throws IllegalArgumentException if the kinds differ (volts are not ohms)
     * @throws ArithmeticException if the exact result has no finite decimal expansion: use {@link #to(Unit, MathContext)}
     */
    public Quantity to(Unit target) {
        BigDecimal inCoherent = inCoherent(target);
        if (unit.offset().signum() == 0 && target.offset().signum() == 0) {
            BigDecimal ratio = unit.factor().divide(target.factor()).stripTrailingZeros();
            if (ratio.unscaledValue().equals(java.math.BigInteger.ONE)) {
                // a power of ten moves the point: 1.5 t is 1500 kg, not 1500.0 kg
                return new Quantity(noNegativeScale(value.movePointLeft(ratio.scale())), target);
            }
            return new Quantity(noNegativeScale(value.multiply(ratio)), target);
        }
        return new Quantity(noNegativeScale(inCoherent.divide(target.factor())), target);
    }

    /** This quantity in {@code target}, the division rounded to {@code precision} (for factors like mmHg's). */
    public Quantity to(Unit target, MathContext precision) {
        return new Quantity(noNegativeScale(inCoherent(target).divide(target.factor(), precision)), target);
    }

    /** (value × factor + offset) − target's offset: the value in the coherent unit, shifted to the target's zero. */
    private BigDecimal inCoherent(Unit target) {
        if (!unit.sameKindAs(target)) {
            throw new IllegalArgumentException("Cannot convert " + this + " (" + unit.kind() + ") to " + target.symbol()
                    + " (" + target.kind() + ")");
        }
        return value.multiply(unit.factor()).add(unit.offset()).subtract(target.offset());
    }

    /** 5.00 kg is 5000 g, not 5.0E+3 g: a value never carries a negative scale. */
    /** The same amount without trailing zeros (20.000000000 kg read from a column is 20 kg), never as 2E+1. */
    public Quantity stripped() {
        return new Quantity(org.jiliang.lims.metrology.DecimalText.tidy(value), unit);
    }

    private static BigDecimal noNegativeScale(BigDecimal v) {
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** Same kind required; compares the amounts (1000 g equals 1 kg in order, not in {@link #equals}). */
    @Override
    public int compareTo(Quantity other) {
        if (!unit.sameKindAs(other.unit)) {
            throw new IllegalArgumentException("Cannot compare " + this + " with " + other);
        }
        return value.multiply(unit.factor()).add(unit.offset())
                .compareTo(other.value.multiply(other.unit.factor()).add(other.unit.offset()));
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit.symbol();
    }
}
