package org.jiliang.lims.metrology;

/** Accuracy classes of non-automatic weighing instruments, OIML R 76-1:2006 Table 1 / JJG 539. */
public enum AccuracyClass {
    I("I", "特种准确度级", "special accuracy"),
    II("II", "高准确度级", "high accuracy"),
    III("III", "中准确度级", "medium accuracy"),
    IIII("IIII", "普通准确度级", "ordinary accuracy");

    private final String symbol;
    private final String labelZh;
    private final String labelEn;

    AccuracyClass(String symbol, String labelZh, String labelEn) {
        this.symbol = symbol;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The Roman numeral marked on the instrument (inside an oval, never a circle). */
    public String symbol() {
        return symbol;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
