package org.jiliang.lims.audit;

/** What a service reports about a change to a regulated record. */
public record AuditEvent(String actor, String action, String recordType, String recordId, Long jobId,
        String oldValue, String newValue, String reason) {

    static final int MAX_VALUE = 2000;

    static String clip(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
