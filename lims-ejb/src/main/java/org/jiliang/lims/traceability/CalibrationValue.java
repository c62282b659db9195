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
import java.math.BigDecimal;

/** One value of a standard's calibration: what, the value in its unit, its expanded uncertainty U and k. */
@Entity
@Table(name = "standard_calibration_value")
public class CalibrationValue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "calibration_id", updatable = false)
    private StandardCalibration calibration;

    @Column(nullable = false, updatable = false)
    private int ordinal;

    @Column(nullable = false, updatable = false, length = 200)
    private String name;

    @Column(name = "value_number", nullable = false, updatable = false, precision = 30, scale = 12)
    private BigDecimal value;

    @Column(nullable = false, updatable = false, length = 40)
    private String unit;

    @Column(name = "expanded_uncertainty", nullable = false, updatable = false, precision = 30, scale = 12)
    private BigDecimal expandedUncertainty;

    @Column(name = "coverage_factor", nullable = false, updatable = false, precision = 8, scale = 3)
    private BigDecimal coverageFactor;

    protected CalibrationValue() {
    }

    CalibrationValue(StandardCalibration calibration, int ordinal, String name, BigDecimal value, String unit,
            BigDecimal expandedUncertainty, BigDecimal coverageFactor) {
        this.calibration = calibration;
        this.ordinal = ordinal;
        this.name = name;
        this.value = value;
        this.unit = unit;
        this.expandedUncertainty = expandedUncertainty;
        this.coverageFactor = coverageFactor;
    }

    public Long calibrationId() {
        return calibration.id();
    }

    public int ordinal() {
        return ordinal;
    }

    public String name() {
        return name;
    }

    public BigDecimal value() {
        return value;
    }

    public String unit() {
        return unit;
    }

    public BigDecimal expandedUncertainty() {
        return expandedUncertainty;
    }

    public BigDecimal coverageFactor() {
        return coverageFactor;
    }
}
