package org.jiliang.lims.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.persistence.CascadeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;

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

    // Its assessment certificate (计量标准考核证书, V034): number, scope, end of validity; null until recorded.
    @Column(name = "assessment_certificate")
    private String assessmentCertificate;
    @Column(name = "assessment_scope")
    private String assessmentScope;
    @Column(name = "assessment_valid_until")
    private LocalDate assessmentValidUntil;

    // The bench device the standard is driven through (a calibrator set over SCPI); null: set by hand (V018).
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "driven_through_device_id")
    private BenchDevice drivenThrough;

    // What the certificate of a reference weight states (R 111-1 C.6.2, C.6.3); null for other standards.
    @Column(name = "conventional_mass")
    private BigDecimal conventionalMass;
    @Column(name = "mass_unit")
    private String massUnit;
    @Column(name = "expanded_uncertainty")
    private BigDecimal expandedUncertainty;
    @Column(name = "coverage_factor")
    private BigDecimal coverageFactor;
    private BigDecimal density;
    @Column(name = "density_uncertainty")
    private BigDecimal densityUncertainty;
    @Column(name = "calibration_air_density")
    private BigDecimal calibrationAirDensity;
    @Column(name = "drift_limit")
    private BigDecimal driftLimit;

    // What the certificate of a calibrator or a reference resistor states point by point; empty for others.
    @OneToMany(mappedBy = "standard", cascade = CascadeType.PERSIST)
    @OrderBy("ordinal")
    private List<StandardValue> values = new ArrayList<>();

    /** Its measuring range (测量范围) as its assessment certificate states it; null until recorded (issue 15). */
    @Column(name = "range_lower", precision = 19, scale = 9)
    private BigDecimal rangeLower;
    @Column(name = "range_upper", precision = 19, scale = 9)
    private BigDecimal rangeUpper;
    @Column(name = "range_unit")
    private String rangeUnit;

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

    /**
     * Records what the standard's calibration certificate states about it as a reference weight; the values are
     * in one mass unit, densities in kg/m³.
     */
    public void certifyAsReferenceWeight(WeightCalibrationProcedure.ReferenceWeight reference) {
        MassUnit unit = reference.conventionalMass().unit();
        this.conventionalMass = reference.conventionalMass().value();
        this.massUnit = unit.symbol();
        this.expandedUncertainty = reference.expandedUncertainty().to(unit).value();
        this.coverageFactor = reference.coverageFactor();
        this.density = reference.density();
        this.densityUncertainty = reference.densityUncertainty();
        this.calibrationAirDensity = reference.airDensityAtCalibration();
        this.driftLimit = reference.driftLimit().to(unit).value();
    }

    /** The standard as a reference weight; empty when its certificate values are not recorded. */
    public Optional<WeightCalibrationProcedure.ReferenceWeight> referenceWeight() {
        if (conventionalMass == null || expandedUncertainty == null || coverageFactor == null || density == null
                || densityUncertainty == null || calibrationAirDensity == null || driftLimit == null) {
            return Optional.empty();
        }
        MassUnit unit = MassUnit.fromSymbol(massUnit);
        return Optional.of(new WeightCalibrationProcedure.ReferenceWeight(Mass.of(conventionalMass, unit),
                Mass.of(expandedUncertainty, unit), coverageFactor, density, densityUncertainty,
                calibrationAirDensity, Mass.of(driftLimit, unit)));
    }

    /**
     * Records a value its calibration certificate states (a calibrator's output at 10 V); a second value at the
     * same nominal is refused, as two certified values for one point would leave the choice to chance.
     */
    public void certifyValue(StandardValue.Certified value) {
        if (valueAt(value.nominal()).isPresent()) {
            throw new IllegalArgumentException(code + " already has a certified value at " + value.nominal());
        }
        values.add(new StandardValue(this, values.size() + 1, value));
    }

    /** The certified values, in the certificate's order. */
    public List<StandardValue.Certified> certifiedValues() {
        return values.stream().map(StandardValue::certified).toList();
    }

    /** The certified value at a nominal value (10 V, 10000 mV alike); empty if the certificate states none there. */
    public Optional<StandardValue.Certified> valueAt(Quantity nominal) {
        return values.stream().map(StandardValue::certified).filter(v -> v.isAt(nominal)).findFirst();
    }

    /** A new calibration of the standard: its certificate, the chain above it, and the new due date. */
    public void recalibrated(String newCertificateNumber, String newTraceableTo, LocalDate on, LocalDate due) {
        if (due.isBefore(on)) {
            throw new IllegalArgumentException("Due date " + due + " precedes calibration " + on);
        }
        this.certificateNumber = newCertificateNumber;
        this.traceableTo = newTraceableTo;
        this.calibratedOn = on;
        this.dueDate = due;
    }

    /** The name, accuracy or serial number was recorded wrongly. */
    public void describeAs(String newName, String newAccuracy, String newSerialNumber) {
        this.name = newName;
        this.accuracy = newAccuracy;
        this.serialNumber = newSerialNumber;
    }

    /** Records its measuring range (测量范围): two quantities of one kind, the lower not above the upper. */
    public void measuringRange(Quantity lower, Quantity upper) {
        if (!lower.unit().sameKindAs(upper.unit()) || lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("not a range: " + lower + " to " + upper);
        }
        Quantity top = upper.unit().equals(lower.unit()) ? upper : upper.to(lower.unit());
        this.rangeLower = lower.value();
        this.rangeUpper = top.value();
        this.rangeUnit = lower.unit().symbol();
    }

    /** Its measuring range, lower and upper end, if recorded. */
    public Optional<List<Quantity>> measuringRange() {
        if (rangeUnit == null) {
            return Optional.empty();
        }
        Unit unit = Units.of(rangeUnit);
        return Optional.of(List.of(new Quantity(rangeLower, unit).stripped(), new Quantity(rangeUpper, unit).stripped()));
    }

    /** Taken out of use (damaged, out of tolerance, lost): no bench may select it until reinstated. */
    public void suspend() {
        this.suspended = true;
    }

    public void reinstate() {
        this.suspended = false;
    }

    public boolean suspended() {
        return suspended;
    }

    /** The bench device the bench drives this standard through (a calibrator's remote interface); empty: by hand. */
    public Optional<BenchDevice> drivenThrough() {
        return Optional.ofNullable(drivenThrough);
    }

    /** Drives the standard through this bench device from now on; null: it is set by hand. */
    public void driveThrough(BenchDevice device) {
        this.drivenThrough = device;
    }

    /** Its assessment certificate, as issued (a new one replaces the old: re-examination). */
    public void assessed(String certificate, String scope, LocalDate validUntil) {
        this.assessmentCertificate = certificate;
        this.assessmentScope = scope;
        this.assessmentValidUntil = validUntil;
    }

    public String assessmentCertificate() {
        return assessmentCertificate;
    }

    public String assessmentScope() {
        return assessmentScope;
    }

    /** The end of its assessment certificate's validity; null when none is recorded. */
    public LocalDate assessmentValidUntil() {
        return assessmentValidUntil;
    }

    /** The record as the audit trail keeps it, before and after a change. */
    public String describe() {
        return "code=" + code + "; name=" + name + "; accuracy=" + accuracy + "; serial=" + serialNumber
                + "; certificate=" + certificateNumber + "; traceableTo=" + traceableTo + "; calibratedOn="
                + calibratedOn + "; due=" + dueDate + (suspended ? "; suspended" : "")
                + (drivenThrough == null ? "" : "; drivenThrough=" + drivenThrough.code())
                + (assessmentCertificate == null ? "" : "; assessment=" + assessmentCertificate + " until "
                        + assessmentValidUntil)
                + referenceWeight().map(r -> "; m_c=" + r.conventionalMass() + ", U=" + r.expandedUncertainty()
                        + ", k=" + r.coverageFactor().toPlainString()).orElse("");
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
