package org.jiliang.lims.order;

/** Life cycle of a verification job; "send back with a reason" returns a job from review to IN_PROGRESS. */
public enum JobState {
    RECEIVED, ASSIGNED, IN_PROGRESS, MEASURED, CHECKED, APPROVED, CERTIFICATE_ISSUED, RETURNED
}
