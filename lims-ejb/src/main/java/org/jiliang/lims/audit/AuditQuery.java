package org.jiliang.lims.audit;

import java.time.LocalDate;

/**
 * What the quality manager looks for in the audit trail (issue 11): entries about a record (its type or id
 * containing the text, or a job's number), by a person (user name), of an event (its action, exactly or a group
 * such as {@code job.}), between two dates of the institute's calendar (both included); every criterion may be
 * left out. {@code newestFirst} orders by sequence.
 */
public record AuditQuery(String record, String actor, String action, LocalDate from, LocalDate to,
        boolean newestFirst) {

    /** audit_entry.record_id and .actor are at most this long; a longer filter matches nothing anyway. */
    public static final int MAX_TEXT = 100;

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
