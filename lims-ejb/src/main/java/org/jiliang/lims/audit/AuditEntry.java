package org.jiliang.lims.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the audit trail; its hash covers its content and the previous entry's hash. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private long sequence;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "record_type", nullable = false, updatable = false)
    private String recordType;

    @Column(name = "record_id", nullable = false, updatable = false)
    private String recordId;

    @Column(name = "job_id", updatable = false)
    private Long jobId;

    @Column(name = "old_value", updatable = false)
    private String oldValue;

    @Column(name = "new_value", updatable = false)
    private String newValue;

    @Column(updatable = false)
    private String reason;

    @Column(name = "previous_hash", nullable = false, updatable = false)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, updatable = false)
    private String entryHash;

    protected AuditEntry() {
    }

    AuditEntry(long sequence, Instant recordedAt, AuditEvent event, String previousHash) {
        this.sequence = sequence;
        this.recordedAt = recordedAt;
        this.actor = event.actor();
        this.action = event.action();
        this.recordType = event.recordType();
        this.recordId = event.recordId();
        this.jobId = event.jobId();
        this.oldValue = AuditEvent.clip(event.oldValue());
        this.newValue = AuditEvent.clip(event.newValue());
        this.reason = event.reason();
        this.previousHash = previousHash;
        this.entryHash = AuditChain.hash(this);
    }

    ChainLink link() {
        return new ChainLink(sequence, recordedAt, actor, action, recordType, recordId, jobId, oldValue, newValue,
                reason, previousHash, entryHash);
    }

    public long sequence() {
        return sequence;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }

    public Long jobId() {
        return jobId;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }

    public String reason() {
        return reason;
    }

    public String previousHash() {
        return previousHash;
    }

    public String entryHash() {
        return entryHash;
    }
}
