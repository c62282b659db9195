package org.jiliang.lims.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the chain; writers lock this row so entries are appended strictly one after another. */
@Entity
@Table(name = "audit_head")
class AuditHead {

    @Id
    private int id;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    long lastSequence() {
        return lastSequence;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(AuditEntry entry) {
        lastSequence = entry.sequence();
        lastHash = entry.entryHash();
    }
}
