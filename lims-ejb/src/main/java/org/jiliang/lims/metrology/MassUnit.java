package org.jiliang.lims.metrology;

import java.math.BigDecimal;
import java.util.Arrays;

/** Mass units used on certificates; each is a power of ten of the gram, so conversions are exact. */
public enum MassUnit {
    MG("mg", -3),
    G("g", 0),
    KG("kg", 3);

    private final String symbol;
    private final int powerOfTenOfGram;

    MassUnit(String symbol, int powerOfTenOfGram) {
        this.symbol = symbol;
        this.powerOfTenOfGram = powerOfTenOfGram;
    }

    public String symbol() {
        return symbol;
    }

    /** Factor to the gram: 1 unit = {@code gramsPerUnit()} g (0.001 for mg, 1000 for kg). */
    public BigDecimal gramsPerUnit() {
        return BigDecimal.ONE.movePointRight(powerOfTenOfGram);
    }

    /** The unit with this SI symbol ("mg", "g", "kg"); case-sensitive because "Mg" would be a megagram. */
    public static MassUnit fromSymbol(String symbol) {
        return Arrays.stream(values())
                .filter(u -> u.symbol.equals(symbol))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown mass unit \"" + symbol + "\"; expected mg, g or kg"));
    }

    /** Whether the symbol names a mass unit (mg, g, kg). */
    public static boolean isSymbol(String symbol) {
        return Arrays.stream(values()).anyMatch(u -> u.symbol.equals(symbol));
    }

    /** Exact conversion of a value in this unit to {@code target}. */
    BigDecimal convert(BigDecimal value, MassUnit target) {
        return value.movePointRight(powerOfTenOfGram - target.powerOfTenOfGram);
    }
}
