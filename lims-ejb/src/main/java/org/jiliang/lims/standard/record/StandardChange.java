package org.jiliang.lims.standard.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.standard.MeasurementStandard;

/** A change to a standard under change control: proposed with its reason, approved or rejected by someone else. */
@Entity
@Table(name = "standard_change")
public class StandardChange {

    /** What changes (the kinds of change JJF 1033 lists for an assessed standard, [M]). */
    public enum Kind {
        /** The main standard or its supporting equipment is replaced or changed. */
        EQUIPMENT,
        /** The regulation or specification the standard works under is replaced. */
        REGULATION,
        /** The responsible person changes (the change names the new one). */
        RESPONSIBLE_PERSON,
        /** The environment or the place of the standard changes. */
        ENVIRONMENT,
        /** The measurement range, uncertainty or another part of what was assessed. */
        OTHER
    }

    /** Where a change stands. */
    public enum State {
        PROPOSED, APPROVED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id", updatable = false)
    private MeasurementStandard standard;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false, updatable = false, length = 500)
    private String description;

    @Column(nullable = false, updatable = false, length = 500)
    private String reason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "new_responsible_id", updatable = false)
    private UserAccount newResponsible;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.PROPOSED;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note", length = 500)
    private String decisionNote;

    @Version
    private long version;

    protected StandardChange() {
    }

    StandardChange(MeasurementStandard standard, Kind kind, String description, String reason,
            UserAccount newResponsible, String requestedBy, Instant requestedAt) {
        this.standard = standard;
        this.kind = kind;
        this.description = description;
        this.reason = reason;
        this.newResponsible = newResponsible;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void decide(boolean approved, String by, Instant at, String note) {
        this.state = approved ? State.APPROVED : State.REJECTED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionNote = note;
    }

    String describe() {
        return kind + ": " + description + (newResponsible == null ? "" : " → " + newResponsible.username());
    }

    public Long id() {
        return id;
    }

    public MeasurementStandard standard() {
        return standard;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public String reason() {
        return reason;
    }

    public UserAccount newResponsible() {
        return newResponsible;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public State state() {
        return state;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionNote() {
        return decisionNote;
    }
}
