package org.jiliang.lims.audit;

import java.time.LocalDateTime;

/** An audit entry as the history pages and the API show it. */
public record AuditEntryView(long sequence, LocalDateTime recordedAt, String actor, String action,
        String recordType, String recordId, String oldValue, String newValue, String reason) {
}
