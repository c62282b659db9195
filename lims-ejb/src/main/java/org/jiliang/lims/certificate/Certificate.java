package org.jiliang.lims.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
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

    /** The job certified: the original and each of its corrected revisions name the same job. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
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

    /** 0 for the original; 1, 2 … for its corrected revisions (ISO/IEC 17025 §7.8.8). */
    @Column(nullable = false, updatable = false)
    private int revision;

    /** The certificate this revision replaces; null for an original. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supersedes_id", updatable = false)
    private Certificate supersedes;

    @Column(name = "revision_reason", length = 500, updatable = false)
    private String revisionReason;

    @Embedded
    private Certified certified;

    /** The re-issue run (certificate.reissue) that made this revision; null for an approver's own correction. */
    @Column(name = "reissue_run_id", updatable = false)
    private Long reissueRunId;

    protected Certificate() {
    }

    Certificate(String number, CertificateKind kind, VerificationJob job, Customer customer, Instant issuedAt,
            LocalDate validUntil, String verificationToken, String pdfSha256, Certified certified) {
        this.number = number;
        this.kind = kind;
        this.job = job;
        this.customer = customer;
        this.issuedAt = issuedAt;
        this.validUntil = validUntil;
        this.verificationToken = verificationToken;
        this.pdfSha256 = pdfSha256;
        this.certified = certified;
    }

    /** A corrected revision of {@code replaced}: same job, customer and kind, the next revision number. */
    static Certificate revisionOf(Certificate replaced, String number, Instant issuedAt, LocalDate validUntil,
            String verificationToken, String pdfSha256, Certified certified, String reason, Long reissueRunId) {
        Certificate revision = new Certificate(number, replaced.kind, replaced.job, replaced.customer, issuedAt,
                validUntil, verificationToken, pdfSha256, certified);
        revision.revision = replaced.revision + 1;
        revision.supersedes = replaced;
        revision.revisionReason = reason;
        revision.reissueRunId = reissueRunId;
        return revision;
    }

    /**
     * What the certificate certified, as it was at issue: the public check shows this rather than the register of
     * today (the owner may have corrected the serial number since; only a revision changes what was certified).
     */
    @Embeddable
    public static class Certified {
        @Column(name = "instrument_description", length = 200, updatable = false)
        private String description;
        @Column(name = "instrument_manufacturer", length = 200, updatable = false)
        private String manufacturer;
        @Column(name = "instrument_model", length = 100, updatable = false)
        private String model;
        @Column(name = "instrument_serial_number", length = 100, updatable = false)
        private String serialNumber;
        @Column(name = "procedure_code", length = 32, updatable = false)
        private String procedureCode;
        @Column(length = 400, updatable = false)
        private String issuer;

        protected Certified() {
        }

        Certified(String description, String manufacturer, String model, String serialNumber, String procedureCode,
                String issuer) {
            this.description = description;
            this.manufacturer = manufacturer;
            this.model = model;
            this.serialNumber = serialNumber;
            this.procedureCode = procedureCode;
            this.issuer = issuer;
        }

        public String description() {
            return description;
        }

        public String manufacturer() {
            return manufacturer;
        }

        public String model() {
            return model;
        }

        public String serialNumber() {
            return serialNumber;
        }

        public String procedureCode() {
            return procedureCode;
        }

        /** Null for certificates issued before the snapshot was kept (V041): the institute's name of today. */
        public String issuer() {
            return issuer;
        }
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

    public int revision() {
        return revision;
    }

    public Certificate supersedes() {
        return supersedes;
    }

    public String revisionReason() {
        return revisionReason;
    }

    public Long reissueRunId() {
        return reissueRunId;
    }

    /** What was certified, as issued (empty fields for certificates older than the snapshot, see V041). */
    public Certified certified() {
        return certified == null ? new Certified() : certified;
    }
}
