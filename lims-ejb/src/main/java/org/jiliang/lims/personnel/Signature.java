package org.jiliang.lims.personnel;

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
import java.time.Instant;

/** An electronic signature: who, with which meaning, when, over which content (its SHA-256). Never updated. */
@Entity
@Table(name = "signature")
public class Signature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false, updatable = false)
    private Long jobId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "signer_id", updatable = false)
    private UserAccount signer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SignatureMeaning meaning;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    @Column(name = "content_sha256", nullable = false, updatable = false)
    private String contentSha256;

    protected Signature() {
    }

    public Signature(Long jobId, UserAccount signer, SignatureMeaning meaning, Instant signedAt, String contentSha256) {
        this.jobId = jobId;
        this.signer = signer;
        this.meaning = meaning;
        this.signedAt = signedAt;
        this.contentSha256 = contentSha256;
    }

    public UserAccount signer() {
        return signer;
    }

    public SignatureMeaning meaning() {
        return meaning;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public String contentSha256() {
        return contentSha256;
    }
}
