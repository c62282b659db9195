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

    @Override
    public String toString() {
        return symbol;
    }
}
