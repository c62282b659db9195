package org.jiliang.lims.order;

/** Life cycle of a verification job in the walking skeleton (review by a checker comes with issue 3). */
public enum JobState {
    IN_PROGRESS, MEASURED, CERTIFICATE_ISSUED
}
