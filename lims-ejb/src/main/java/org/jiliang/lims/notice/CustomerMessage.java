package org.jiliang.lims.notice;

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
import java.time.Instant;
import org.jiliang.lims.platform.MailDelivery;
import org.jiliang.lims.platform.MailQueue;
import org.jiliang.lims.registry.Customer;

/** One piece of news for a customer: in the portal always, by e-mail as the customer chose. Written once. */
@Entity
@Table(name = "customer_message")
public class CustomerMessage implements MailQueue.Mailed {

    public static final int MAX_SUBJECT = 300;
    public static final int MAX_BODY = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", updatable = false)
    private Customer owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24, updatable = false)
    private NoticeKind kind;

    /** What it is about: a certificate's or a request's number. */
    @Column(name = "about", nullable = false, length = 40, updatable = false)
    private String about;

    @Column(nullable = false, length = MAX_SUBJECT, updatable = false)
    private String subject;

    @Column(nullable = false, length = MAX_BODY, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Embedded
    private MailDelivery mail;

    protected CustomerMessage() {
    }

    CustomerMessage(Customer owner, NoticeKind kind, String about, String subject, String body, Instant createdAt,
            MailDelivery mail) {
        this.owner = owner;
        this.kind = kind;
        this.about = about;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.mail = mail;
    }

    public Long id() {
        return id;
    }

    public Customer owner() {
        return owner;
    }

    public NoticeKind kind() {
        return kind;
    }

    public String about() {
        return about;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public MailDelivery mail() {
        return mail;
    }
}
