package org.jiliang.lims.standard;

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
import java.util.Objects;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;

/**
 * One value a standard's calibration certificate states: at a nominal value (a calibrator's 10 V output, a
 * reference resistor's 10 kΩ), the certified value with its expanded uncertainty U and coverage factor k, and the
 * half-widths of two effects the certificate does not cover, both taken as rectangular: the drift since that
 * calibration and the laboratory temperature's effect. All in the nominal value's unit. A reference resistor's
 * value also has the drift its history predicts (the centre of the drift's limits) and the temperature it is
 * certified at with its temperature coefficient (V017); a calibrator's has neither.
 */
@Entity
@Table(name = "standard_value")
public class StandardValue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id", updatable = false)
    private MeasurementStandard standard;

    @Column(nullable = false, updatable = false)
    private int ordinal;
    @Column(name = "nominal_value", nullable = false, updatable = false)
    private BigDecimal nominalValue;
    @Column(nullable = false, updatable = false)
    private String unit;
    @Column(name = "certified_value", nullable = false, updatable = false)
    private BigDecimal certifiedValue;
    @Column(name = "expanded_uncertainty", nullable = false, updatable = false)
    private BigDecimal expandedUncertainty;
    @Column(name = "coverage_factor", nullable = false, updatable = false)
    private BigDecimal coverageFactor;
    @Column(name = "drift_limit", nullable = false, updatable = false)
    private BigDecimal driftLimit;
    @Column(name = "temperature_limit", nullable = false, updatable = false)
    private BigDecimal temperatureLimit;
    @Column(name = "drift_estimate", updatable = false)
    private BigDecimal driftEstimate;
    @Column(name = "reference_temperature", updatable = false)
    private BigDecimal referenceTemperature;
    @Column(name = "temperature_coefficient", updatable = false)
    private BigDecimal temperatureCoefficient;

    protected StandardValue() {
    }

    StandardValue(MeasurementStandard standard, int ordinal, Certified value) {
        this.standard = standard;
        this.ordinal = ordinal;
        this.unit = value.nominal().unit().symbol();
        this.nominalValue = value.nominal().value();
        this.certifiedValue = value.value().to(value.nominal().unit()).value();
        this.expandedUncertainty = value.expandedUncertainty().to(value.nominal().unit()).value();
        this.coverageFactor = value.coverageFactor();
        this.driftLimit = value.driftLimit().to(value.nominal().unit()).value();
        this.temperatureLimit = value.temperatureLimit().to(value.nominal().unit()).value();
        this.driftEstimate = value.driftEstimate().value().signum() == 0 ? null
                : value.driftEstimate().to(value.nominal().unit()).value();
        value.temperature().ifPresent(t -> {
            this.referenceTemperature = t.referenceTemperature().to(Units.of("°C")).value();
            this.temperatureCoefficient = t.coefficient();
        });
    }

    /** The value as the certificate states it. */
    public Certified certified() {
        var u = Units.of(unit);
        TemperatureDependence t = referenceTemperature == null ? null : new TemperatureDependence(
                new Quantity(referenceTemperature.stripTrailingZeros(), Units.of("°C")),
                temperatureCoefficient.stripTrailingZeros());
        return new Certified(new Quantity(nominalValue.stripTrailingZeros(), u),
                new Quantity(certifiedValue.stripTrailingZeros(), u),
                new Quantity(expandedUncertainty.stripTrailingZeros(), u), coverageFactor.stripTrailingZeros(),
                new Quantity(driftEstimate == null ? BigDecimal.ZERO : driftEstimate.stripTrailingZeros(), u),
                new Quantity(driftLimit.stripTrailingZeros(), u), new Quantity(temperatureLimit.stripTrailingZeros(), u),
                t);
    }

    int ordinal() {
        return ordinal;
    }

    /**
     * The temperature a value is certified at, t_0, and its temperature coefficient α in 1/K (a resistor's value at
     * t is value·(1 + α·(t − t_0))).
     */
    public record TemperatureDependence(Quantity referenceTemperature, BigDecimal coefficient) {

        /** Bounds of what a certificate states: t_0 within −50…100 °C, |α| at most 0.01/K. */
        public TemperatureDependence {
            Objects.requireNonNull(referenceTemperature, "referenceTemperature");
            Objects.requireNonNull(coefficient, "coefficient");
            if (!"temperature".equals(referenceTemperature.kind())) {
                throw new IllegalArgumentException(referenceTemperature + " is not a temperature");
            }
            BigDecimal celsius = referenceTemperature.to(Units.of("°C")).value();
            if (celsius.compareTo(new BigDecimal("-50")) < 0 || celsius.compareTo(new BigDecimal("100")) > 0
                    || coefficient.abs().compareTo(new BigDecimal("0.01")) > 0) {
                throw new IllegalArgumentException("t_0 = " + referenceTemperature + ", α = " + coefficient
                        + "/K: outside what a certificate states");
            }
        }
    }

    /**
     * A certified value: at {@code nominal}, {@code value} ± U (k); the drift since calibration, {@code driftEstimate}
     * within ± {@code driftLimit}; the temperature effect's half-width; and, for a value certified at a stated
     * temperature, that temperature and the coefficient (empty for a calibrator's output).
     */
    public record Certified(Quantity nominal, Quantity value, Quantity expandedUncertainty, BigDecimal coverageFactor,
            Quantity driftEstimate, Quantity driftLimit, Quantity temperatureLimit, TemperatureDependence dependence) {

        /** A value without a predicted drift or a temperature dependence (a calibrator's output). */
        public Certified(Quantity nominal, Quantity value, Quantity expandedUncertainty, BigDecimal coverageFactor,
                Quantity driftLimit, Quantity temperatureLimit) {
            this(nominal, value, expandedUncertainty, coverageFactor, new Quantity(BigDecimal.ZERO, nominal.unit()),
                    driftLimit, temperatureLimit, null);
        }

        public Certified {
            Objects.requireNonNull(nominal, "nominal");
            for (Quantity q : new Quantity[] {value, expandedUncertainty, driftEstimate, driftLimit,
                    temperatureLimit}) {
                if (q == null || !q.unit().sameKindAs(nominal.unit())) {
                    throw new IllegalArgumentException("A certified value at " + nominal + " is stated in "
                            + nominal.kind() + ", not " + q);
                }
            }
            if (expandedUncertainty.value().signum() <= 0 || coverageFactor == null || coverageFactor.signum() <= 0
                    || driftLimit.value().signum() < 0 || temperatureLimit.value().signum() < 0) {
                throw new IllegalArgumentException("At " + nominal + ": U and k must be positive, the drift and"
                        + " temperature limits not negative");
            }
        }

        /** The temperature the value is certified at and its coefficient; empty when the certificate states none. */
        public java.util.Optional<TemperatureDependence> temperature() {
            return java.util.Optional.ofNullable(dependence);
        }

        /** Whether this is the value at {@code point}: same kind of quantity, same value (1 V is 1000 mV). */
        public boolean isAt(Quantity point) {
            return nominal.unit().sameKindAs(point.unit()) && nominal.compareTo(point) == 0;
        }

        @Override
        public String toString() {
            String drift = driftEstimate.value().signum() == 0 ? "" : ", drift " + driftEstimate;
            String t = dependence == null ? "" : ", t₀ = " + dependence.referenceTemperature() + ", α = "
                    + dependence.coefficient().movePointRight(6).stripTrailingZeros().toPlainString() + "·10⁻⁶/K";
            return nominal + ": " + value + ", U = " + expandedUncertainty + " (k = " + coverageFactor.toPlainString()
                    + ")" + drift + t;
        }
    }
}
