package org.jiliang.reports.certificate;

/** The legal outcome of a verification; printed from the labels {@code verdict.PASS} / {@code verdict.FAIL}. */
public enum Verdict {
    /** 合格. */
    PASS,
    /** 不合格. */
    FAIL
}
