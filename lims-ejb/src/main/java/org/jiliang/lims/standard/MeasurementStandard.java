package org.jiliang.lims.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * A measurement standard of the institute (e.g. an F1 weight set). It may be used on a day
 * only if its calibration is still valid that day: the due date itself is the last valid day.
 */
@Entity
@Table(name = "measurement_standard")
public class MeasurementStandard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String accuracy;

    @Column(name = "serial_number", nullable = false)
    private String serialNumber;

    @Column(name = "certificate_number", nullable = false)
    private String certificateNumber;

    @Column(name = "traceable_to", nullable = false)
    private String traceableTo;

    @Column(name = "calibrated_on", nullable = false)
    private LocalDate calibratedOn;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(nullable = false)
    private boolean suspended;

    @Version
    private long version;

    protected MeasurementStandard() {
    }

    public MeasurementStandard(String code, String name, String accuracy, String serialNumber,
            String certificateNumber, String traceableTo, LocalDate calibratedOn, LocalDate dueDate) {
        if (dueDate.isBefore(calibratedOn)) {
            throw new IllegalArgumentException("Due date " + dueDate + " precedes calibration " + calibratedOn);
        }
        this.code = code;
        this.name = name;
        this.accuracy = accuracy;
        this.serialNumber = serialNumber;
        this.certificateNumber = certificateNumber;
        this.traceableTo = traceableTo;
        this.calibratedOn = calibratedOn;
        this.dueDate = dueDate;
    }

    public StandardStatus statusOn(LocalDate day) {
        if (suspended) {
            return StandardStatus.SUSPENDED;
        }
        if (day.isAfter(dueDate)) {
            return StandardStatus.OVERDUE;
        }
        if (!day.plusDays(StandardStatus.DUE_SOON_DAYS).isBefore(dueDate)) {
            return StandardStatus.DUE_SOON;
        }
        return StandardStatus.VALID;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String accuracy() {
        return accuracy;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public String certificateNumber() {
        return certificateNumber;
    }

    public String traceableTo() {
        return traceableTo;
    }

    public LocalDate calibratedOn() {
        return calibratedOn;
    }

    public LocalDate dueDate() {
        return dueDate;
    }
}
