package org.jiliang.lims.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The withdrawal of an issued certificate: when, by whom, why. Kept beside the certificate, which stays as issued
 * (its PDF and hash remain retrievable); a certificate is withdrawn once, and for good. Insert-only.
 */
@Entity
@Table(name = "certificate_withdrawal")
public class CertificateWithdrawal {

    @Id
    @Column(name = "certificate_id")
    private Long certificateId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "certificate_id")
    private Certificate certificate;

    @Column(name = "withdrawn_at", nullable = false, updatable = false)
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by", nullable = false, length = 64, updatable = false)
    private String withdrawnBy;

    @Column(nullable = false, length = 500, updatable = false)
    private String reason;

    protected CertificateWithdrawal() {
    }

    CertificateWithdrawal(Certificate certificate, Instant withdrawnAt, String withdrawnBy, String reason) {
        this.certificate = certificate;
        this.withdrawnAt = withdrawnAt;
        this.withdrawnBy = withdrawnBy;
        this.reason = reason;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }

    public String reason() {
        return reason;
    }
}
