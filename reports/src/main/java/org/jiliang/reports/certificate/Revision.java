package org.jiliang.reports.certificate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A corrected revision of an issued certificate states which certificate it replaces, the day that one was issued
 * and why it was corrected (ISO/IEC 17025:2017 §7.8.8.2: an amended report identifies the original it replaces).
 */
public record Revision(String replacesNumber, LocalDate replacedIssueDate, String reason) {

    public Revision {
        Objects.requireNonNull(replacesNumber, "replacesNumber");
        Objects.requireNonNull(replacedIssueDate, "replacedIssueDate");
        Objects.requireNonNull(reason, "reason");
    }
}
