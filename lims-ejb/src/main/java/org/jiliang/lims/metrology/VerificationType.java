package org.jiliang.lims.metrology;

/** Kinds of legal verification; they differ in the MPE that applies (see {@link ScaleMpeTable}). */
public enum VerificationType {
    INITIAL("首次检定", "initial verification"),
    SUBSEQUENT("后续检定", "subsequent verification"),
    IN_SERVICE("使用中检查", "in-service inspection");

    private final String labelZh;
    private final String labelEn;

    VerificationType(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
