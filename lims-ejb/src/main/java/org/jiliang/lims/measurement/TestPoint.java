package org.jiliang.lims.measurement;

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
import java.util.List;
import org.jiliang.lims.bench.DeviceFrame;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * A load at which the instrument is tested (zero, 500 e, 2 000 e, Max ...). The MPE is fixed
 * when the job is opened. Its result is the latest of its readings; earlier ones stay as
 * the original records they are.
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

    @Column(nullable = false)
    private String label;

    @Column(name = "load_value", nullable = false)
    private BigDecimal loadValue;

    @Column(nullable = false)
    private String unit;

    @Column(name = "mpe_value", nullable = false)
    private BigDecimal mpeValue;

    @OneToMany(mappedBy = "point", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<PointReading> readings = new ArrayList<>();

    @Version
    private long version;

    protected TestPoint() {
    }

    public TestPoint(VerificationJob job, int ordinal, String label, Mass load, Mass mpe) {
        this.job = job;
        this.ordinal = ordinal;
        this.label = label;
        this.loadValue = load.value();
        this.unit = load.unit().symbol();
        this.mpeValue = mpe.to(load.unit()).value();
    }

    /**
     * Records an indication. The first capture needs no reason; a second one is a correction:
     * it needs the reason and supersedes the current reading, which stays stored.
     */
    public PointReading capture(PointResult result, DeviceFrame frame, UserAccount by, Instant at,
            List<MeasurementStandard> standardsInUse, String correctionReason) {
        PointReading current = current();
        boolean correcting = correctionReason != null && !correctionReason.isBlank();
        if (current != null && !correcting) {
            throw new RefusedException("error.capture.alreadyCaptured", label);
        }
        PointReading reading = new PointReading(this, result, frame, by, at, standardsInUse, current,
                current == null ? null : correctionReason.strip());
        readings.add(reading);
        return reading;
    }

    /** The reading that counts: the last one; null before the first capture. */
    public PointReading current() {
        return readings.isEmpty() ? null : readings.get(readings.size() - 1);
    }

    public List<PointReading> readings() {
        return List.copyOf(readings);
    }

    public boolean captured() {
        return current() != null;
    }

    public boolean passed() {
        return captured() && "PASS".equals(current().verdict());
    }

    public Long id() {
        return id;
    }

    public int ordinal() {
        return ordinal;
    }

    public String label() {
        return label;
    }

    public Mass load() {
        return new Mass(loadValue, MassUnit.fromSymbol(unit)).normalized();
    }

    public Mass mpe() {
        return new Mass(mpeValue, MassUnit.fromSymbol(unit)).normalized();
    }

    public Mass indication() {
        return captured() ? new Mass(current().indicationValue(), MassUnit.fromSymbol(unit)).normalized() : null;
    }

    public Mass error() {
        return captured() ? new Mass(current().errorValue(), MassUnit.fromSymbol(unit)).normalized() : null;
    }

    public String verdict() {
        return captured() ? current().verdict() : null;
    }

    public DeviceFrame frame() {
        return captured() ? current().frame() : null;
    }

    public Instant capturedAt() {
        return captured() ? current().capturedAt() : null;
    }
}
