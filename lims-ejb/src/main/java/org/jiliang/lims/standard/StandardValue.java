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
 * calibration and the laboratory temperature's effect. All in the nominal value's unit.
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
    }

    /** The value as the certificate states it. */
    public Certified certified() {
        var u = Units.of(unit);
        return new Certified(new Quantity(nominalValue.stripTrailingZeros(), u),
                new Quantity(certifiedValue.stripTrailingZeros(), u),
                new Quantity(expandedUncertainty.stripTrailingZeros(), u), coverageFactor.stripTrailingZeros(),
                new Quantity(driftLimit.stripTrailingZeros(), u), new Quantity(temperatureLimit.stripTrailingZeros(), u));
    }

    int ordinal() {
        return ordinal;
    }

    /**
     * A certified value: at {@code nominal}, {@code value} ± U (k), drift and temperature half-widths.
     */
    public record Certified(Quantity nominal, Quantity value, Quantity expandedUncertainty, BigDecimal coverageFactor,
            Quantity driftLimit, Quantity temperatureLimit) {

        public Certified {
            Objects.requireNonNull(nominal, "nominal");
            for (Quantity q : new Quantity[] {value, expandedUncertainty, driftLimit, temperatureLimit}) {
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

        /** Whether this is the value at {@code point}: same kind of quantity, same value (1 V is 1000 mV). */
        public boolean isAt(Quantity point) {
            return nominal.unit().sameKindAs(point.unit()) && nominal.compareTo(point) == 0;
        }

        @Override
        public String toString() {
            return nominal + ": " + value + ", U = " + expandedUncertainty + " (k = " + coverageFactor.toPlainString()
                    + ")";
        }
    }
}
