package org.jiliang.lims.standard;

/** The status a quality manager reads at a glance; only VALID and DUE_SOON may be used in a job. */
public enum StandardStatus {
    VALID, DUE_SOON, OVERDUE, SUSPENDED;

    /** "Due soon" warns this many days ahead of the recalibration due date. */
    public static final int DUE_SOON_DAYS = 30;

    public boolean usable() {
        return this == VALID || this == DUE_SOON;
    }
}
