package org.jiliang.lims.metrology.weight;

/** Weighing cycles of OIML R 111-1:2004 C.4.3 (A = reference weight, B = test weight). */
public enum WeighingScheme {
    /** A B B A (C.4.3.1). */
    ABBA("ABBA"),
    /** A B A (C.4.3.2). */
    ABA("ABA"),
    /** A B1 … Bn A, several test weights against one reference (C.4.3.3). */
    AB1_BN_A("AB1…BnA");

    private final String symbol;

    WeighingScheme(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
