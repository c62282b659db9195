package org.jiliang.lims.traceability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.jiliang.lims.certificate.Certificate;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * A calibration of one of the institute's standards: the laboratory and its certificate, the date and the due date;
 * {@code internalCertificate} when the institute calibrated the standard itself, under that certificate of its own.
 * Kept as recorded: a later calibration is a new record.
 */
@Entity
@Table(name = "standard_calibration")
public class StandardCalibration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id", updatable = false)
    private MeasurementStandard standard;

    @Column(name = "calibrated_on", nullable = false, updatable = false)
    private LocalDate calibratedOn;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(nullable = false, updatable = false)
    private String laboratory;

    @Column(name = "certificate_number", nullable = false, updatable = false)
    private String certificateNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "internal_certificate_id", updatable = false)
    private Certificate internalCertificate;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected StandardCalibration() {
    }

    StandardCalibration(MeasurementStandard standard, LocalDate calibratedOn, LocalDate dueDate, String laboratory,
            String certificateNumber, Certificate internalCertificate, String recordedBy, Instant recordedAt) {
        this.standard = standard;
        this.calibratedOn = calibratedOn;
        this.dueDate = dueDate;
        this.laboratory = laboratory;
        this.certificateNumber = certificateNumber;
        this.internalCertificate = internalCertificate;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long id() {
        return id;
    }

    public MeasurementStandard standard() {
        return standard;
    }

    public LocalDate calibratedOn() {
        return calibratedOn;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String laboratory() {
        return laboratory;
    }

    public String certificateNumber() {
        return certificateNumber;
    }

    public Certificate internalCertificate() {
        return internalCertificate;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
