package org.jiliang.lims.certificate.reissue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A re-issue of the certificates in force of a selection, signed once by the approver who started it. */
@Entity
@Table(name = "reissue_run")
public class ReissueRun {

    /** Running until every certificate of the selection has its item; then done. */
    public enum State {
        RUNNING,
        DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 500, updatable = false)
    private String reason;

    @Column(name = "requested_by", nullable = false, length = 64, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    /** Only certificates of jobs under this procedure (e.g. JJG 539-2016); null: any. */
    @Column(name = "procedure_code", length = 32, updatable = false)
    private String procedureCode;

    /** Only certificates of this owner (e.g. after their name changed); null: any. */
    @Column(name = "customer_code", length = 32, updatable = false)
    private String customerCode;

    @Column(name = "issued_from", nullable = false, updatable = false)
    private LocalDate issuedFrom;

    @Column(name = "issued_until", nullable = false, updatable = false)
    private LocalDate issuedUntil;

    /** How many certificates in force the selection held when the run started. */
    @Column(nullable = false, updatable = false)
    private int selected;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "signed_sha256", nullable = false, length = 64, updatable = false)
    private String signedSha256;

    @Version
    private long version;

    protected ReissueRun() {
    }

    ReissueRun(String reason, String requestedBy, Instant requestedAt, String procedureCode, String customerCode,
            LocalDate issuedFrom, LocalDate issuedUntil, int selected, String signedSha256) {
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.procedureCode = procedureCode;
        this.customerCode = customerCode;
        this.issuedFrom = issuedFrom;
        this.issuedUntil = issuedUntil;
        this.selected = selected;
        this.signedSha256 = signedSha256;
        this.state = State.RUNNING;
    }

    void finished(Instant at) {
        this.state = State.DONE;
        this.finishedAt = at;
    }

    public Long id() {
        return id;
    }

    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public String customerCode() {
        return customerCode;
    }

    public LocalDate issuedFrom() {
        return issuedFrom;
    }

    public LocalDate issuedUntil() {
        return issuedUntil;
    }

    public int selected() {
        return selected;
    }

    public State state() {
        return state;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String signedSha256() {
        return signedSha256;
    }
}
