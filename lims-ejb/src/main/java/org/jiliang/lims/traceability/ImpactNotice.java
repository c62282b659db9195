package org.jiliang.lims.traceability;

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
import org.jiliang.lims.platform.MailDelivery;
import org.jiliang.lims.platform.MailQueue;
import org.jiliang.lims.platform.MailState;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.standard.check.StandardCase;

/**
 * What one owner is told when a case closes with certificates of theirs affected: one e-mail and one portal notice,
 * whose words (Chinese, then English) are kept exactly as sent.
 */
@Entity
@Table(name = "impact_notice")
public class ImpactNotice implements MailQueue.Mailed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", updatable = false)
    private StandardCase standardCase;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", updatable = false)
    private Customer owner;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private int certificates;

    @Column(nullable = false, updatable = false, length = 500)
    private String subject;

    @Column(nullable = false, updatable = false, length = 100_000)
    private String body;


    @Embedded
    private MailDelivery mail;

    @Version
    private long version;

    protected ImpactNotice() {
    }

    ImpactNotice(StandardCase standardCase, Customer owner, Instant createdAt, int certificates, String subject,
            String body) {
        this.standardCase = standardCase;
        this.owner = owner;
        this.createdAt = createdAt;
        this.certificates = certificates;
        this.subject = subject;
        this.body = body;
        this.mail = MailDelivery.to(owner.contactEmail());
    }

    @Override
    public MailDelivery mail() {
        return mail;
    }

    public Long id() {
        return id;
    }

    public StandardCase standardCase() {
        return standardCase;
    }

    public Customer owner() {
        return owner;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int certificates() {
        return certificates;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
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
}
