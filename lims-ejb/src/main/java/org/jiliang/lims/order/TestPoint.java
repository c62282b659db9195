package org.jiliang.lims.order;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jiliang.lims.bench.DeviceFrame;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * A point of the procedure's test plan (zero setting, 500 e ↑, eccentricity position 2,
 * repeatability at Max ...). The MPE is fixed when the job is opened. A point needs one
 * reading, or several (a repeatability series, discrimination before and after); every
 * reading stays stored, a correction supersedes the one at the same place in the series.
 */
@Entity
@Table(name = "test_point")
public class TestPoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id")
    private VerificationJob job;

    @Column(nullable = false)
    private int ordinal;

    /** The point's id in the procedure's test plan; null for jobs made before V003 (four weighing points). */
    @Column(name = "plan_point_id")
    private String planPointId;

    @Column(name = "test_kind")
    private String testKind;

    @Column(nullable = false)
    private String label;

    /** Null for a point without a nominal value (an appearance check). */
    @Column(name = "load_value")
    private BigDecimal loadValue;

    @Column(nullable = false)
    private String unit;

    /** Null for a point judged against no tolerance (a calibration without a statement of conformity). */
    @Column(name = "mpe_value")
    private BigDecimal mpeValue;

    @Column(name = "readings_needed", nullable = false)
    private int readingsNeeded = 1;

    /** Discrimination: the load added after the first reading (e.g. 1.4 d). */
    @Column(name = "extra_load_value")
    private BigDecimal extraLoadValue;

    @OneToMany(mappedBy = "point", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<PointReading> readings = new ArrayList<>();

    @Version
    private long version;

    protected TestPoint() {
    }

    public TestPoint(VerificationJob job, int ordinal, String planPointId, String testKind, String label, Mass load,
            Mass mpe, int readingsNeeded, Mass extraLoad) {
        this.job = job;
        this.ordinal = ordinal;
        this.planPointId = planPointId;
        this.testKind = testKind;
        this.label = label;
        this.loadValue = load.value();
        this.unit = load.unit().symbol();
        this.mpeValue = mpe.to(load.unit()).value();
        this.readingsNeeded = readingsNeeded;
        this.extraLoadValue = extraLoad == null || extraLoad.signum() == 0 ? null : extraLoad.to(load.unit()).value();
    }

    /**
     * A point of any kind of quantity: the nominal value applied (in the unit readings are kept in) and the
     * tolerance it is judged against, or null when it is judged against none.
     */
    public TestPoint(VerificationJob job, int ordinal, String planPointId, String testKind, String label,
            Quantity nominal, Quantity tolerance, int readingsNeeded) {
        this(job, ordinal, planPointId, testKind, label, nominal.unit(), nominal, tolerance, readingsNeeded);
    }

    /**
     * A point whose values are kept in {@code unit}, with a nominal value or none (an appearance check) and a
     * tolerance or none.
     */
    public TestPoint(VerificationJob job, int ordinal, String planPointId, String testKind, String label, Unit unit,
            Quantity nominal, Quantity tolerance, int readingsNeeded) {
        this.job = job;
        this.ordinal = ordinal;
        this.planPointId = planPointId;
        this.testKind = testKind;
        this.label = label;
        this.unit = unit.symbol();
        this.loadValue = nominal == null ? null : nominal.to(unit).value();
        this.mpeValue = tolerance == null ? null : tolerance.to(unit).value();
        this.readingsNeeded = readingsNeeded;
    }

    /** A single-reading weighing point outside any test plan. */
    public TestPoint(VerificationJob job, int ordinal, String label, Mass load, Mass mpe) {
        this(job, ordinal, null, "WEIGHING", label, load, mpe, 1, null);
    }

    /**
     * Records the next reading of this point. Once the point has all its readings, capturing
     * again is a correction: it needs the reason and supersedes the last reading, which stays stored.
     */
    public PointReading capture(Quantity indication, Quantity additionalLoad, DeviceFrame frame, UserAccount by, Instant at,
            List<MeasurementStandard> standardsInUse, String correctionReason) {
        return capture(indication, additionalLoad, frame, by, at, standardsInUse, correctionReason, List.of());
    }

    /**
     * Records the next reading with what the technician typed at the point ({@code indication} and {@code frame}
     * null when nothing is read from a device).
     */
    public PointReading capture(Quantity indication, Quantity additionalLoad, DeviceFrame frame, UserAccount by, Instant at,
            List<MeasurementStandard> standardsInUse, String correctionReason, List<ReadingEntry> entries) {
        boolean correcting = correctionReason != null && !correctionReason.isBlank();
        List<PointReading> current = currentReadings();
        PointReading reading;
        if (current.size() < readingsNeeded && !correcting) {
            reading = new PointReading(this, indication, additionalLoad, current.size() + 1, frame, by, at,
                    standardsInUse, null, null, entries);
        } else if (!correcting) {
            throw new RefusedException("error.capture.alreadyCaptured", label);
        } else if (current.isEmpty()) {
            reading = new PointReading(this, indication, additionalLoad, 1, frame, by, at, standardsInUse, null, null, entries);
        } else {
            PointReading last = current.get(current.size() - 1);
            reading = new PointReading(this, indication, additionalLoad, last.seriesIndex(), frame, by, at,
                    standardsInUse, last, correctionReason.strip(), entries);
        }
        readings.add(reading);
        return reading;
    }

    /** The readings that count: the latest at each place of the series, in series order. */
    public List<PointReading> currentReadings() {
        Map<Integer, PointReading> latest = new TreeMap<>();
        readings.stream().sorted(Comparator.comparing(PointReading::capturedAt))
                .forEach(r -> latest.put(r.seriesIndex(), r));
        return List.copyOf(latest.values());
    }

    public List<PointReading> readings() {
        return List.copyOf(readings);
    }

    /** All readings the point needs are there. */
    public boolean captured() {
        return currentReadings().size() >= readingsNeeded;
    }

    public PointReading latest() {
        List<PointReading> current = currentReadings();
        return current.isEmpty() ? null : current.get(current.size() - 1);
    }

    public Long id() {
        return id;
    }

    public VerificationJob job() {
        return job;
    }

    public int ordinal() {
        return ordinal;
    }

    public String planPointId() {
        return planPointId;
    }

    public String testKind() {
        return testKind;
    }

    public String label() {
        return label;
    }

    public int readingsNeeded() {
        return readingsNeeded;
    }

    public MassUnit unit() {
        return MassUnit.fromSymbol(unit);
    }

    /** The unit the point's values are kept in, as written (g, V, Ω, kPa ...). */
    public Unit quantityUnit() {
        return Units.of(unit);
    }

    /** A value of this point (an indication, a ΔL) in the point's unit, without trailing zeros. */
    public Quantity quantity(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return new Quantity(v.scale() < 0 ? v.setScale(0) : v, quantityUnit());
    }

    /**
     * The point's nominal value: the load of a scale point, the nominal of a weight, a DMM's applied value; null for
     * a point without one.
     */
    public Quantity nominal() {
        return loadValue == null ? null : quantity(loadValue);
    }

    /** The maximum permissible error (or tolerance) the point is judged against, ±; null if it has none. */
    public Quantity tolerance() {
        return mpeValue == null ? null : quantity(mpeValue);
    }

    public Quantity extraNominal() {
        return extraLoadValue == null ? null : quantity(extraLoadValue);
    }

    public Mass load() {
        return new Mass(loadValue, unit()).normalized();
    }

    public Mass mpe() {
        return new Mass(mpeValue, unit()).normalized();
    }

    public Mass extraLoad() {
        return extraLoadValue == null ? null : mass(extraLoadValue);
    }

    public Mass mass(BigDecimal value) {
        return new Mass(value, unit()).normalized();
    }

    /** The indication of the latest reading; null before the first capture. */
    public Mass indication() {
        PointReading latest = latest();
        return latest == null ? null : mass(latest.indicationValue());
    }

    public DeviceFrame frame() {
        PointReading latest = latest();
        return latest == null ? null : latest.frame();
    }

    public Instant capturedAt() {
        PointReading latest = latest();
        return latest == null ? null : latest.capturedAt();
    }
}
