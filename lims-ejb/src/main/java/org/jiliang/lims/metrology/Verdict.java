package org.jiliang.lims.metrology;

/** Outcome of a binary conformity statement. */
public enum Verdict {
    PASS("合格", "pass"),
    FAIL("不合格", "fail");

    private final String labelZh;
    private final String labelEn;

    Verdict(String labelZh, String labelEn) {
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
