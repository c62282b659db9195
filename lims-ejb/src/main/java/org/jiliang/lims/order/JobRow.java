package org.jiliang.lims.order;

import java.time.Instant;

/**
 * A job as a row of the job list ({@link JobList}): what the columns show and the row's actions need (its version
 * for the conflict check of an action taken from the list).
 */
public record JobRow(long id, String jobNumber, JobState state, long version, String description, String serialNumber,
        String customer, String procedureCode, String technician, String benchDeviceCode, Instant createdAt) {
}
