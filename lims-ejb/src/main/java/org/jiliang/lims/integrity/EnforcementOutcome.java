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
import java.time.Instant;
import java.time.LocalDate;
import org.jiliang.lims.registry.Customer;

/**
 * An enforcement outcome the supervision authority decided about a trader (a warning, an order to rectify, a fine),
 * recorded by the institute from the authority's decision: its reference and what it says. Never changed.
 */
@Entity
@Table(name = "enforcement_outcome")
public class EnforcementOutcome {

    public static final int MAX_REFERENCE = 100;
    public static final int MAX_OUTCOME = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", updatable = false)
    private Customer trader;

    @Column(name = "decided_on", nullable = false, updatable = false)
    private LocalDate decidedOn;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected EnforcementOutcome() {
    }

    public EnforcementOutcome(Customer trader, LocalDate decidedOn, String reference, String outcome, String recordedBy,
            Instant recordedAt) {
        this.trader = trader;
        this.decidedOn = decidedOn;
        this.reference = reference;
        this.outcome = outcome;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public String reference() {
        return reference;
    }

    public String outcome() {
        return outcome;
    }
}
