package org.jiliang.lims.certificate;

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
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.registry.Customer;
import org.jiliang.reports.certificate.CertificateKind;

/**
 * An issued certificate: immutable once stored (every column is insert-only), identified by number and token.
 * Its files (PDF, DCC) are a {@link CertificateContent} of their own, read only for a download.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "certificate_number", nullable = false, unique = true, updatable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CertificateKind kind;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id", updatable = false)
    private VerificationJob job;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", updatable = false)
    private Customer customer;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "valid_until", updatable = false)
    private LocalDate validUntil;

    @Column(name = "verification_token", nullable = false, unique = true, updatable = false)
    private String verificationToken;

    @Column(name = "pdf_sha256", nullable = false, updatable = false)
    private String pdfSha256;

    protected Certificate() {
    }

    Certificate(String number, CertificateKind kind, VerificationJob job, Customer customer, Instant issuedAt,
            LocalDate validUntil, String verificationToken, String pdfSha256) {
        this.number = number;
        this.kind = kind;
        this.job = job;
        this.customer = customer;
        this.issuedAt = issuedAt;
        this.validUntil = validUntil;
        this.verificationToken = verificationToken;
        this.pdfSha256 = pdfSha256;
    }

    public Long id() {
        return id;
    }

    /** A verification certificate: the instrument passed (issue 12: campaigns count it). */
    public boolean passedVerification() {
        return kind == CertificateKind.VERIFICATION_CERTIFICATE;
    }

    /** What the certificate is, by the name of its kind (VERIFICATION_CERTIFICATE ...), for lists outside issuing. */
    public String kindName() {
        return kind.name();
    }

    /** A notice of non-conformity: the instrument failed. */
    public boolean failedVerification() {
        return kind == CertificateKind.NOTICE_OF_NON_CONFORMITY;
    }

    public String number() {
        return number;
    }

    public CertificateKind kind() {
        return kind;
    }

    public VerificationJob job() {
        return job;
    }

    public Customer customer() {
        return customer;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public String verificationToken() {
        return verificationToken;
    }

    public String pdfSha256() {
        return pdfSha256;
    }
}
