package org.jiliang.lims.personnel;

/** What an authorization lets a person do under a procedure. */
public enum Activity {
    /** 检定/校准: perform the measurements. */
    PERFORM,
    /** 核验: check the raw data and computation. */
    CHECK,
    /** 批准: approve the result and the certificate. */
    APPROVE
}
