package org.jiliang.lims.measurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.jiliang.lims.bench.DeviceFrame;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.RefusedException;

/**
 * A load at which the instrument is tested (zero, 500 e, 2 000 e, Max ...). The MPE is fixed
 * when the job is opened; a capture records the indication once, with the frame it came from.
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

    @Column(name = "indication_value")
    private BigDecimal indicationValue;

    @Column(name = "error_value")
    private BigDecimal errorValue;

    private String verdict;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "frame_id")
    private DeviceFrame frame;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "captured_by")
    private UserAccount capturedBy;

    @Column(name = "captured_at")
    private Instant capturedAt;

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

    /** Records the indication; an original record, so a second capture is refused rather than overwriting. */
    public void capture(PointResult result, DeviceFrame frame, UserAccount by, Instant at) {
        if (captured()) {
            throw new RefusedException("error.capture.alreadyCaptured", label);
        }
        this.indicationValue = result.indication().value();
        this.errorValue = result.error().value();
        this.verdict = result.passed() ? "PASS" : "FAIL";
        this.frame = frame;
        this.capturedBy = by;
        this.capturedAt = at;
    }

    public boolean captured() {
        return indicationValue != null;
    }

    public boolean passed() {
        return "PASS".equals(verdict);
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
        return indicationValue == null ? null : new Mass(indicationValue, MassUnit.fromSymbol(unit)).normalized();
    }

    public Mass error() {
        return errorValue == null ? null : new Mass(errorValue, MassUnit.fromSymbol(unit)).normalized();
    }

    public String verdict() {
        return verdict;
    }

    public DeviceFrame frame() {
        return frame;
    }

    public Instant capturedAt() {
        return capturedAt;
    }
}
