package org.jiliang.lims.traceability;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The certificate file of a standard's calibration, kept byte for byte as received, with its SHA-256. */
@Entity
@Table(name = "standard_calibration_document")
public class CalibrationDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "calibration_id", updatable = false)
    private StandardCalibration calibration;

    @Column(name = "file_name", nullable = false, updatable = false, length = 200)
    private String fileName;

    @Column(name = "media_type", nullable = false, updatable = false, length = 60)
    private String mediaType;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] content;

    protected CalibrationDocument() {
    }

    CalibrationDocument(StandardCalibration calibration, String fileName, String mediaType, String sha256,
            byte[] content) {
        this.calibration = calibration;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.sha256 = sha256;
        this.content = content.clone();
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] content() {
        return content.clone();
    }
}
