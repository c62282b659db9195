package org.jiliang.lims.metrology.weight;

import java.util.Arrays;

/** Accuracy classes of weights, OIML R 111-1:2004 clause 3 / JJG 99-2006 (which writes M12 and M23). */
public enum WeightClass {
    E1("E1", "E1"),
    E2("E2", "E2"),
    F1("F1", "F1"),
    F2("F2", "F2"),
    M1("M1", "M1"),
    M1_2("M1–2", "M12"),
    M2("M2", "M2"),
    M2_3("M2–3", "M23"),
    M3("M3", "M3");

    private final String symbol;
    private final String jjgSymbol;

    WeightClass(String symbol, String jjgSymbol) {
        this.symbol = symbol;
        this.jjgSymbol = jjgSymbol;
    }

    /** The class as OIML R 111-1 writes it, e.g. "M1–2". */
    public String symbol() {
        return symbol;
    }

    /** The class as JJG 99 writes it, e.g. "M12". */
    public String jjgSymbol() {
        return jjgSymbol;
    }

    /** The class for "E2", "M1–2", "M1-2", "M12" or the constant name "M1_2". */
    public static WeightClass fromSymbol(String text) {
        String t = text.strip();
        return Arrays.stream(values())
                .filter(c -> c.name().equals(t) || c.symbol.equals(t) || c.jjgSymbol.equals(t)
                        || c.symbol.replace('–', '-').equals(t))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown weight class \"" + text
                        + "\"; expected E1, E2, F1, F2, M1, M1–2, M2, M2–3 or M3"));
    }
}
