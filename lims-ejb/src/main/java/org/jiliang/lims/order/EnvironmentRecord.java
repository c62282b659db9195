package org.jiliang.lims.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.jiliang.lims.personnel.UserAccount;

/** Bench conditions during a job, checked against the procedure's limits; a deviation states why work went on. */
@Entity
@Table(name = "environment_record")
public class EnvironmentRecord {

    /** Length of the deviation column. */
    public static final int MAX_DEVIATION = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id", updatable = false)
    private VerificationJob job;

    @Column(nullable = false, updatable = false)
    private BigDecimal temperature;

    @Column(nullable = false, updatable = false)
    private BigDecimal humidity;

    /** Air pressure in hPa; recorded for mass calibrations (air density), null otherwise. */
    @Column(updatable = false)
    private BigDecimal pressure;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recorded_by", updatable = false)
    private UserAccount recordedBy;

    @Column(name = "within_limits", nullable = false, updatable = false)
    private boolean withinLimits;

    @Column(updatable = false)
    private String deviation;

    protected EnvironmentRecord() {
    }

    public EnvironmentRecord(VerificationJob job, BigDecimal temperature, BigDecimal humidity, BigDecimal pressure,
            Instant recordedAt, UserAccount recordedBy, boolean withinLimits, String deviation) {
        this.job = job;
        this.pressure = pressure;
        this.temperature = temperature;
        this.humidity = humidity;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.withinLimits = withinLimits;
        this.deviation = deviation == null || deviation.isBlank() ? null : deviation.strip();
    }

    /** Submittable: inside the limits, or outside them with a recorded deviation. */
    public boolean acceptable() {
        return withinLimits || deviation != null;
    }

    public BigDecimal temperature() {
        return temperature;
    }

    public BigDecimal pressure() {
        return pressure;
    }

    public BigDecimal humidity() {
        return humidity;
    }

    public boolean withinLimits() {
        return withinLimits;
    }

    public String deviation() {
        return deviation;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
