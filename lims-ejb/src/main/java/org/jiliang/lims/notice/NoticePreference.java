package org.jiliang.lims.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's choice for one kind of news: by e-mail too, or in the portal only. No row: the kind's default. */
@Entity
@Table(name = "notice_preference")
public class NoticePreference {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24, updatable = false)
    private NoticeKind kind;

    @Column(name = "by_mail", nullable = false)
    private boolean byMail;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected NoticePreference() {
    }

    NoticePreference(long customerId, NoticeKind kind) {
        this.customerId = customerId;
        this.kind = kind;
        this.byMail = kind.mailedByDefault();
    }

    void choose(boolean mail, String by, Instant at) {
        this.byMail = mail;
        this.changedBy = by;
        this.changedAt = at;
    }

    public NoticeKind kind() {
        return kind;
    }

    public boolean byMail() {
        return byMail;
    }
}
