package org.jiliang.lims.standard.check;

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
import java.time.LocalDate;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * A case about a standard, opened by a check that failed its criterion (out of tolerance) or signalled on its chart
 * (out of control). One case of a kind is open per standard at a time: a later finding joins the open case.
 */
@Entity
@Table(name = "standard_case")
public class StandardCase {

    /** Why the case opened. */
    public enum Kind {
        OUT_OF_TOLERANCE, OUT_OF_CONTROL,
        /** A yearly stability or repeatability evaluation failed (JJF 1033). */
        EVALUATION_FAILED
    }

    /** Open until the quality manager closes it. */
    public enum State {
        OPEN, CLOSED
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

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "check_id", updatable = false)
    private IntermediateCheck check;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.OPEN;

    /** The day from which the standard is suspect (stated with the first assessment of its impact). */
    @Column(name = "suspect_since")
    private LocalDate suspectSince;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(length = 2000)
    private String conclusion;

    /** The hash of what the closing signature binds: the case, its conclusion and every assessment. */
    @Column(name = "closing_sha256")
    private String closingSha256;

    @Version
    private long version;

    protected StandardCase() {
    }

    StandardCase(MeasurementStandard standard, Kind kind, IntermediateCheck check, Instant openedAt, String openedBy,
            String reason) {
        this.standard = standard;
        this.kind = kind;
        this.check = check;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
        this.reason = reason;
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String openedBy() {
        return openedBy;
    }

    public String reason() {
        return reason;
    }

    public State state() {
        return state;
    }

    public MeasurementStandard standard() {
        return standard;
    }

    public LocalDate suspectSince() {
        return suspectSince;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public String conclusion() {
        return conclusion;
    }

    public String closingSha256() {
        return closingSha256;
    }

    /** States from which day the standard is suspect (the impact assessment's scope). */
    public void suspectSince(LocalDate day) {
        this.suspectSince = day;
    }

    /** Closes the case with the signer's conclusion and the hash the signature binds. */
    public void close(String by, Instant at, String conclusion, String sha256) {
        this.state = State.CLOSED;
        this.closedBy = by;
        this.closedAt = at;
        this.conclusion = conclusion;
        this.closingSha256 = sha256;
    }

    public Long checkId() {
        return check == null ? null : check.id();
    }
}
