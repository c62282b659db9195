package org.jiliang.lims.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A bench PC that reads its own devices and forwards their frames with a token of its own.
 * Only the SHA-256 of the token is kept; a revoked agent is refused from then on.
 */
@Entity
@Table(name = "bench_agent")
public class BenchAgent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(name = "token_hash", nullable = false, unique = true, updatable = false)
    private String tokenHash;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Column(nullable = false)
    private boolean revoked;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected BenchAgent() {
    }

    public BenchAgent(String code, String tokenHash, String registeredBy, Instant registeredAt) {
        this.code = code;
        this.tokenHash = tokenHash;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    /** From now on the agent's token is refused; its frames already stored stay. */
    public void revoke(Instant at) {
        if (!revoked) {
            revoked = true;
            revokedAt = at;
        }
    }

    /** The link session of this agent's frames: stable, so a replayed frame hits the unique key. */
    public String linkSession() {
        return "agent:" + code;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public boolean revoked() {
        return revoked;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
