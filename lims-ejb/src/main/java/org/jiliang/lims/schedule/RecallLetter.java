package org.jiliang.lims.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.jiliang.lims.platform.MailDelivery;
import org.jiliang.lims.platform.MailQueue;
import org.jiliang.lims.platform.MailState;
import org.jiliang.lims.registry.Customer;

/** The notices of one owner, one kind and one day: one e-mail, one portal notification, one printed letter. */
@Entity
@Table(name = "recall_letter")
public class RecallLetter implements MailQueue.Mailed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", updatable = false)
    private Customer owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RecallKind kind;

    @Column(name = "run_day", nullable = false, updatable = false)
    private LocalDate runDay;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /**
     * How many notices the letter carries: kept by {@link RecallPlanning}, the only writer of notices, as it adds
     * each one, so that the lists of letters need not count the notices of every letter they show.
     */
    @Column(nullable = false)
    private int instruments;


    @Embedded
    private MailDelivery mail;

    @Column(name = "read_at")
    private Instant readAt;

    @Version
    private long version;

    protected RecallLetter() {
    }

    /** {@code mailWanted}: the owner wants recall letters by e-mail too (their choice, issue 14). */
    RecallLetter(Customer owner, RecallKind kind, LocalDate runDay, Instant createdAt, boolean mailWanted) {
        this.owner = owner;
        this.kind = kind;
        this.runDay = runDay;
        this.createdAt = createdAt;
        this.mail = MailDelivery.to(owner.contactEmail(), mailWanted);
    }

    void add(int count) {
        instruments += count;
    }

    @Override
    public MailDelivery mail() {
        return mail;
    }

    void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long id() {
        return id;
    }

    public Customer owner() {
        return owner;
    }

    public RecallKind kind() {
        return kind;
    }

    public LocalDate runDay() {
        return runDay;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int instruments() {
        return instruments;
    }

    public String email() {
        return mail.email();
    }

    public MailState mailState() {
        return mail.state();
    }

    public int mailAttempts() {
        return mail.attempts();
    }

    public String mailError() {
        return mail.error();
    }

    public Instant mailedAt() {
        return mail.mailedAt();
    }

    public Instant readAt() {
        return readAt;
    }
}
