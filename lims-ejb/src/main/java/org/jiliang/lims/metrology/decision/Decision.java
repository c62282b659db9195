package org.jiliang.lims.metrology.decision;

/** Outcome of a statement of conformity, from best to worst (ILAC-G8:09/2019 §4.2.3). */
public enum Decision {
    PASS("合格", "pass"),
    CONDITIONAL_PASS("有条件合格", "conditional pass"),
    CONDITIONAL_FAIL("有条件不合格", "conditional fail"),
    FAIL("不合格", "fail");

    private final String labelZh;
    private final String labelEn;

    Decision(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Whether the item is accepted: pass or conditional pass. */
    public boolean accepted() {
        return this == PASS || this == CONDITIONAL_PASS;
    }

    Decision worse(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
