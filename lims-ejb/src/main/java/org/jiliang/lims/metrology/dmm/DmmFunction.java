package org.jiliang.lims.metrology.dmm;

import java.util.Arrays;

/** A measuring function of a multimeter that this package calibrates, with the kind of quantity it measures. */
public enum DmmFunction {
    DC_VOLTAGE("DCV", "voltage", "直流电压", "DC voltage"),
    RESISTANCE("OHM", "resistance", "电阻", "Resistance");

    private final String code;
    private final String kind;
    private final String labelZh;
    private final String labelEn;

    DmmFunction(String code, String kind, String labelZh, String labelEn) {
        this.code = code;
        this.kind = kind;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The code in the data files (test-points.csv). */
    public String code() {
        return code;
    }

    /** The kind of quantity of metrology/units.csv that its ranges and readings are in. */
    public String kind() {
        return kind;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    static DmmFunction ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown multimeter function code " + code));
    }
}
