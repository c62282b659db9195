package org.jiliang.lims.metrology.quantity;

import java.math.BigDecimal;

/**
 * A unit of measurement: its symbol as written on certificates and by devices, the kind of quantity it measures,
 * and its exact relation to the kind's coherent SI unit: value in the coherent unit = value × {@code factor} +
 * {@code offset} (the offset is non-zero only for the degree Celsius). Units come from the table
 * {@code metrology/units.csv} through {@link Units}; a method never makes up its own.
 */
public record Unit(String symbol, String kind, BigDecimal factor, BigDecimal offset) {

    public Unit {
        if (symbol == null || symbol.isBlank() || kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("A unit needs a symbol and a kind of quantity");
        }
        if (factor == null || factor.signum() <= 0 || offset == null) {
            throw new IllegalArgumentException("Unit " + symbol + " needs a positive factor and an offset");
        }
    }

    /** Whether values in this unit and in {@code other} are of the same kind of quantity (convertible). */
    public boolean sameKindAs(Unit other) {
        return kind.equals(other.kind);
    }

    /**
     * Whether {@code other} is this unit with another decimal prefix (g and kg, mV and V): the same kind, no offset,
     * factors a power of ten apart. A value converts between them by moving the decimal point only.
     */
    public boolean differsOnlyByPrefix(Unit other) {
        if (!sameKindAs(other) || offset.signum() != 0 || other.offset.signum() != 0) {
            return false;
        }
        BigDecimal ratio = factor.divide(other.factor, java.math.MathContext.DECIMAL128).stripTrailingZeros();
        return ratio.unscaledValue().abs().equals(java.math.BigInteger.ONE);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
