package org.jiliang.lims.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A keyed anchor: the chain reached this entry with this hash at this time, sealed with the server's key. */
@Entity
@Table(name = "audit_anchor")
class AuditAnchor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long sequence;

    @Column(name = "entry_hash", nullable = false, updatable = false)
    private String entryHash;

    @Column(name = "anchored_at", nullable = false, updatable = false)
    private Instant anchoredAt;

    @Column(name = "key_id", nullable = false, updatable = false)
    private String keyId;

    @Column(nullable = false, updatable = false)
    private String mac;

    protected AuditAnchor() {
    }

    AuditAnchor(long sequence, String entryHash, Instant anchoredAt, AnchorSeal seal) {
        this.sequence = sequence;
        this.entryHash = entryHash;
        this.anchoredAt = anchoredAt;
        this.keyId = seal.keyId();
        this.mac = seal.mac(sequence, entryHash, anchoredAt);
    }

    AnchorRecord record() {
        return new AnchorRecord(id, sequence, entryHash, anchoredAt, keyId, mac);
    }
}
