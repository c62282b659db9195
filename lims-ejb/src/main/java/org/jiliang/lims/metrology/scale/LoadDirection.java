package org.jiliang.lims.metrology.scale;

/** Whether a test point is reached by loading or by unloading the instrument. */
public enum LoadDirection {
    INCREASING("↑", "加载", "increasing"),
    DECREASING("↓", "卸载", "decreasing"),
    /** Tests with a single load per point (eccentricity, repeatability, discrimination, zero-setting). */
    NONE("", "", "");

    private final String arrow;
    private final String labelZh;
    private final String labelEn;

    LoadDirection(String arrow, String labelZh, String labelEn) {
        this.arrow = arrow;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** "↑", "↓" or empty, as in point labels ("500 e ↑"). */
    public String arrow() {
        return arrow;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
