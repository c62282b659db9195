package org.jiliang.lims.order;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.measurement.TestPoint;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.standard.MeasurementStandard;

/** The verification of one instrument under test, following one procedure, at one bench. */
@Entity
@Table(name = "verification_job")
public class VerificationJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_number", nullable = false, unique = true)
    private String jobNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument_id")
    private InstrumentUnderTest instrument;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_type", nullable = false)
    private VerificationType verificationType;

    @Column(name = "procedure_code", nullable = false)
    private String procedureCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "bench_device_id")
    private BenchDevice benchDevice;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "technician_id")
    private UserAccount technician;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "job", cascade = CascadeType.PERSIST)
    @OrderBy("ordinal")
    private List<TestPoint> testPoints = new ArrayList<>();

    @OneToMany(mappedBy = "job", cascade = CascadeType.PERSIST)
    @OrderBy("selectedAt")
    private List<StandardUse> standards = new ArrayList<>();

    @Version
    private long version;

    protected VerificationJob() {
    }

    public VerificationJob(String jobNumber, InstrumentUnderTest instrument, VerificationType verificationType,
            String procedureCode, BenchDevice benchDevice, UserAccount technician, Instant createdAt) {
        this.jobNumber = jobNumber;
        this.instrument = instrument;
        this.verificationType = verificationType;
        this.procedureCode = procedureCode;
        this.benchDevice = benchDevice;
        this.technician = technician;
        this.createdAt = createdAt;
        this.state = JobState.IN_PROGRESS;
    }

    public void addTestPoint(TestPoint point) {
        testPoints.add(point);
    }

    public void useStandard(MeasurementStandard standard, UserAccount by, Instant at) {
        requireState(JobState.IN_PROGRESS);
        boolean already = standards.stream().anyMatch(u -> u.standard().id().equals(standard.id()));
        if (!already) {
            standards.add(new StandardUse(this, standard, by, at));
        }
    }

    public void markMeasured() {
        requireState(JobState.IN_PROGRESS);
        state = JobState.MEASURED;
    }

    public void markCertificateIssued() {
        requireState(JobState.MEASURED);
        state = JobState.CERTIFICATE_ISSUED;
    }

    public void requireState(JobState expected) {
        if (state != expected) {
            throw new RefusedException("error.job.wrongState", jobNumber, state.name());
        }
    }

    public boolean allPointsCaptured() {
        return testPoints.stream().allMatch(TestPoint::captured);
    }

    public boolean passed() {
        return allPointsCaptured() && testPoints.stream().allMatch(TestPoint::passed);
    }

    public Long id() {
        return id;
    }

    public String jobNumber() {
        return jobNumber;
    }

    public InstrumentUnderTest instrument() {
        return instrument;
    }

    public VerificationType verificationType() {
        return verificationType;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public JobState state() {
        return state;
    }

    public BenchDevice benchDevice() {
        return benchDevice;
    }

    public UserAccount technician() {
        return technician;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<TestPoint> testPoints() {
        return List.copyOf(testPoints);
    }

    public List<StandardUse> standards() {
        return List.copyOf(standards);
    }
}
