package org.jiliang.lims.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.jiliang.lims.registry.Customer;

/**
 * A trader's signed integrity commitment (诚信计量承诺书): who signed it for the trader and when, who recorded it.
 * Withdrawn, it stays as history with the reason; a trader has at most one that is not withdrawn.
 */
@Entity
@Table(name = "integrity_commitment")
public class IntegrityCommitment {

    public static final int MAX_SIGNED_BY = 100;
    public static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", updatable = false)
    private Customer trader;

    @Column(name = "signed_on", nullable = false, updatable = false)
    private LocalDate signedOn;

    @Column(name = "signed_by", nullable = false, updatable = false)
    private String signedBy;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    @Version
    private long version;

    protected IntegrityCommitment() {
    }

    public IntegrityCommitment(Customer trader, LocalDate signedOn, String signedBy, String recordedBy, Instant recordedAt) {
        this.trader = trader;
        this.signedOn = signedOn;
        this.signedBy = signedBy;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void withdraw(String by, Instant at, String reason) {
        this.withdrawnBy = by;
        this.withdrawnAt = at;
        this.withdrawalReason = reason;
    }

    public Customer trader() {
        return trader;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public String signedBy() {
        return signedBy;
    }

    String describe() {
        return "signed on " + signedOn + " by " + signedBy + (withdrawnAt == null ? ""
                : "; withdrawn: " + withdrawalReason);
    }
}
