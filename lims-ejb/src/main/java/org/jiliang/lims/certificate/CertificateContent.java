package org.jiliang.lims.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * The files of an issued certificate exactly as issued: the PDF and, for a calibration, its DCC XML. Kept apart
 * from {@link Certificate} so that lists and checks never read them; insert-only like the certificate.
 */
@Entity
@Table(name = "certificate_content")
public class CertificateContent {

    @Id
    @Column(name = "certificate_id")
    private Long certificateId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "certificate_id")
    private Certificate certificate;

    @Column(nullable = false, updatable = false)
    private byte[] pdf;

    /** The machine-readable DCC issued with a calibration certificate; null for verification documents. */
    @Column(name = "dcc_xml", updatable = false)
    private byte[] dccXml;

    protected CertificateContent() {
    }

    CertificateContent(Certificate certificate, byte[] pdf, byte[] dccXml) {
        this.certificate = certificate;
        this.pdf = pdf.clone();
        this.dccXml = dccXml == null ? null : dccXml.clone();
    }

    public byte[] pdf() {
        return pdf.clone();
    }

    public Optional<byte[]> dccXml() {
        return Optional.ofNullable(dccXml).map(byte[]::clone);
    }
}
