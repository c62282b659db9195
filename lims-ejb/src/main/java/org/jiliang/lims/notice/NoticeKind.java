package org.jiliang.lims.notice;

/** The kinds of news a customer may choose to get by e-mail as well as in the portal, and the default choice. */
public enum NoticeKind {
    /** Recall letters: an instrument due for verification (schedule.RecallLetter). */
    RECALL(true),
    /** A certificate issued (or a revision of one), ready to download. */
    CERTIFICATE_READY(true),
    /** A request accepted into jobs, or declined with the reason. */
    REQUEST_DECIDED(true);

    private final boolean mailedByDefault;

    NoticeKind(boolean mailedByDefault) {
        this.mailedByDefault = mailedByDefault;
    }

    public boolean mailedByDefault() {
        return mailedByDefault;
    }
}
