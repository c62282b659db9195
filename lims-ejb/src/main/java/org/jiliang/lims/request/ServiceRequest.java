package org.jiliang.lims.request;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentUnderTest;

/**
 * A customer's request for the verification or calibration of some of their instruments. Submitted by the
 * customer; then accepted by the intake desk (its instruments received into jobs planned for a day), declined with
 * a reason, or cancelled by the customer while still submitted. Once decided it never changes again.
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest {

    public static final int MAX_NOTE = 500;
    public static final int MAX_REASON = 500;

    /** Where the work is done. */
    public enum Place {
        /** The customer brings the instruments to the institute's laboratory. */
        LAB,
        /** The institute's technicians come to the instruments' site (e.g. a weighbridge, a market's scales). */
        ON_SITE
    }

    /** Submitted until the desk decides (or the customer cancels); each decision is final. */
    public enum State {
        SUBMITTED,
        ACCEPTED,
        DECLINED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20, unique = true, updatable = false)
    private String number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", updatable = false)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private Place place;

    @Column(name = "preferred_date", nullable = false, updatable = false)
    private LocalDate preferredDate;

    @Column(length = MAX_NOTE, updatable = false)
    private String note;

    @Column(name = "requested_by", nullable = false, length = 64, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** The day the desk planned the jobs for (the preferred day unless the desk chose another). */
    @Column(name = "planned_date")
    private LocalDate plannedDate;

    @Column(name = "decline_reason", length = MAX_REASON)
    private String declineReason;

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<ServiceRequestItem> items = new ArrayList<>();

    @Version
    private long version;

    protected ServiceRequest() {
    }

    ServiceRequest(String number, Customer customer, Place place, LocalDate preferredDate, String note,
            String requestedBy, Instant requestedAt) {
        this.number = number;
        this.customer = customer;
        this.place = place;
        this.preferredDate = preferredDate;
        this.note = note;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.state = State.SUBMITTED;
    }

    void add(InstrumentUnderTest instrument) {
        items.add(new ServiceRequestItem(this, instrument));
    }

    /** The desk accepts: from now on each item has its job. */
    void accept(String by, Instant at, LocalDate planned) {
        requireSubmitted("error.request.notSubmitted");
        this.state = State.ACCEPTED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.plannedDate = planned;
    }

    /** The desk declines, saying why. */
    void decline(String by, Instant at, String reason) {
        requireSubmitted("error.request.notSubmitted");
        this.state = State.DECLINED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.declineReason = reason;
    }

    /** The customer withdraws the request before the desk has decided. */
    void cancel(String by, Instant at) {
        requireSubmitted("error.request.notCancellable");
        this.state = State.CANCELLED;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    private void requireSubmitted(String refusal) {
        if (state != State.SUBMITTED) {
            throw new RefusedException(refusal, number, state.name());
        }
    }

    public Long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public Customer customer() {
        return customer;
    }

    public Place place() {
        return place;
    }

    public LocalDate preferredDate() {
        return preferredDate;
    }

    public String note() {
        return note;
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

    public LocalDate plannedDate() {
        return plannedDate;
    }

    public String declineReason() {
        return declineReason;
    }

    public List<ServiceRequestItem> items() {
        return items;
    }

    public long version() {
        return version;
    }
}
