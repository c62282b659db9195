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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.fee.FeeDecision;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.procedure.ProcedureVersion;
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

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "procedure_id")
    private ProcedureVersion procedure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "bench_device_id")
    private BenchDevice benchDevice;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "technician_id")
    private UserAccount technician;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "checker_id")
    private UserAccount checker;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "approver_id")
    private UserAccount approver;

    @Column(name = "returned_reason")
    private String returnedReason;

    /**
     * The fee as decided at intake (issue 15, {@link FeeDecision}): the price list's category and amount (null: no
     * price), the district it is counted in, and whether a free-verification programme waives it, and why.
     */
    @Column(name = "fee_category")
    private String feeCategory;
    @Column(name = "fee_amount", precision = 10, scale = 2)
    private BigDecimal feeAmount;
    @Column(name = "fee_district")
    private String feeDistrict;
    @Column(name = "fee_waived", nullable = false)
    private boolean feeWaived;
    @Column(name = "fee_programme")
    private String feeProgramme;
    @Column(name = "fee_waiver_reason")
    private String feeWaiverReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Whether the job holds its bench device, and since when (issue 11; {@link DeviceHolds}). */
    /** The day the job is planned for (issue 12: campaigns and the calendar); null: not planned. */
    @Column(name = "planned_date")
    private java.time.LocalDate plannedDate;
    @Column(name = "on_site", nullable = false)
    private boolean onSite;
    @Column(name = "planned_location")
    private String plannedLocation;

    @Column(name = "holds_device", nullable = false)
    private boolean holdsDevice;
    @Column(name = "device_held_since")
    private Instant deviceHeldSince;

    @OneToMany(mappedBy = "job", cascade = CascadeType.PERSIST)
    @OrderBy("recordedAt")
    private List<EnvironmentRecord> environment = new ArrayList<>();

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

    /** A job as the intake desk receives it: instrument, type of verification, procedure edition. */
    public VerificationJob(String jobNumber, InstrumentUnderTest instrument, VerificationType verificationType,
            ProcedureVersion procedure, Instant createdAt) {
        this.jobNumber = jobNumber;
        this.instrument = instrument;
        this.verificationType = verificationType;
        this.procedure = procedure;
        this.procedureCode = procedure.code();
        this.createdAt = createdAt;
        this.state = JobState.RECEIVED;
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

    /** The fee of this job, decided when it is received: charged, or waived under a programme for a reason. */
    public void charge(FeeDecision fee) {
        requireState(JobState.RECEIVED);
        this.feeCategory = fee.category();
        this.feeAmount = fee.amount();
        this.feeDistrict = fee.district();
        this.feeWaived = fee.waived();
        this.feeProgramme = fee.programme();
        this.feeWaiverReason = fee.reason();
    }

    /** Planned for a day, on site (where) or at the lab; checked by the planner before. */
    public void planFor(java.time.LocalDate day, boolean atSite, String location) {
        this.plannedDate = day;
        this.onSite = atSite;
        this.plannedLocation = location;
    }

    public java.time.LocalDate plannedDate() {
        return plannedDate;
    }

    public boolean onSite() {
        return onSite;
    }

    public String plannedLocation() {
        return plannedLocation;
    }

    public FeeDecision fee() {
        return new FeeDecision(feeCategory, feeAmount, feeDistrict, feeWaived ? feeProgramme : null,
                feeWaiverReason);
    }




    /** The technician at the bench: anyone else is refused, naming whose job it is. */
    public void requireTechnician(UserAccount who) {
        if (technician == null || !technician.id().equals(who.id())) {
            throw new RefusedException("error.job.notYourJob", jobNumber,
                    technician == null ? "—" : technician.displayName());
        }
    }

    /** The test point at this place of the plan. */
    public TestPoint testPoint(int ordinal) {
        return testPoints.stream().filter(p -> p.ordinal() == ordinal).findFirst()
                .orElseThrow(() -> new RefusedException("error.notFound", "test point " + ordinal));
    }

    public void assign(UserAccount technician, BenchDevice device) {
        requireState(JobState.RECEIVED);
        this.technician = technician;
        this.benchDevice = device;
        state = JobState.ASSIGNED;
    }

    /**
     * The calendar gives a job not yet started to another technician (checked by the planner: authorization on the
     * planned day, the day's capacity); the bench device and the state stay.
     */
    public void assignTo(UserAccount newTechnician) {
        if (state != JobState.RECEIVED && state != JobState.ASSIGNED) {
            throw new RefusedException("error.job.wrongState", jobNumber, state.name());
        }
        this.technician = newTechnician;
    }

    /** Whether the job holds its bench device now: it took it and is still in progress. */
    public boolean holdsDevice() {
        return holdsDevice && state == JobState.IN_PROGRESS;
    }

    public Instant deviceHeldSince() {
        return deviceHeldSince;
    }

    void holdDevice(Instant since) {
        requireState(JobState.IN_PROGRESS);
        this.holdsDevice = true;
        this.deviceHeldSince = since;
    }

    void releaseDevice() {
        this.holdsDevice = false;
        this.deviceHeldSince = null;
    }

    public void start() {
        requireState(JobState.ASSIGNED);
        state = JobState.IN_PROGRESS;
    }

    public void recordEnvironment(EnvironmentRecord conditions) {
        requireState(JobState.IN_PROGRESS);
        environment.add(conditions);
    }

    /**
     * The technician hands the job to the checker: every point has its readings, a standard was used, the bench
     * conditions were recorded and are within the procedure's limits (or a deviation was recorded for them).
     */
    public void markMeasured() {
        requireState(JobState.IN_PROGRESS);
        long missing = testPoints.stream().filter(p -> !p.captured()).count();
        if (missing > 0) {
            throw new RefusedException("error.submit.missingPoints", missing);
        }
        if (standards.isEmpty()) {
            throw new RefusedException("error.submit.noStandard");
        }
        EnvironmentRecord env = currentEnvironment();
        if (env == null) {
            throw new RefusedException("error.submit.noEnvironment");
        }
        if (!env.acceptable()) {
            throw new RefusedException("error.submit.environmentDeviation", procedure.limitsText());
        }
        state = JobState.MEASURED;
        returnedReason = null;
        releaseDevice(); // a submitted job reads no more: its device is free, also if the job is sent back later
    }

    /** Four eyes: the checker is not the technician who measured. */
    public void markChecked(UserAccount checker) {
        requireState(JobState.MEASURED);
        if (checker.id().equals(technician.id())) {
            throw new RefusedException("error.sign.samePerson", checker.displayName());
        }
        this.checker = checker;
        state = JobState.CHECKED;
    }

    /** A reviewer returns the job to the technician; the reason stays on the job until it is resubmitted. */
    public void sendBack(String reason) {
        if (state != JobState.MEASURED && state != JobState.CHECKED) {
            throw new RefusedException("error.job.wrongState", jobNumber, state.name());
        }
        if (reason == null || reason.isBlank()) {
            throw new RefusedException("error.sendBack.reason");
        }
        returnedReason = reason.strip();
        state = JobState.IN_PROGRESS;
    }

    /** Three different people: the approver neither measured nor checked the job. */
    public void markApproved(UserAccount approver) {
        requireState(JobState.CHECKED);
        if (approver.id().equals(technician.id()) || approver.id().equals(checker.id())) {
            throw new RefusedException("error.sign.ownWork", approver.displayName());
        }
        this.approver = approver;
        state = JobState.APPROVED;
    }

    public void markCertificateIssued() {
        requireState(JobState.APPROVED);
        state = JobState.CERTIFICATE_ISSUED;
    }

    public void markReturned() {
        requireState(JobState.CERTIFICATE_ISSUED);
        state = JobState.RETURNED;
    }

    /** Optimistic concurrency for commands from pages and the API: stale views are refused, not merged. */
    public void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new RefusedException("error.conflict", jobNumber);
        }
    }

    /** The latest environment record, the one a submission is judged by. */
    public EnvironmentRecord currentEnvironment() {
        return environment.isEmpty() ? null : environment.get(environment.size() - 1);
    }

    public void requireState(JobState expected) {
        if (state != expected) {
            throw new RefusedException("error.job.wrongState", jobNumber, state.name());
        }
    }

    public boolean allPointsCaptured() {
        return testPoints.stream().allMatch(TestPoint::captured);
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

    public ProcedureVersion procedure() {
        return procedure;
    }

    public UserAccount checker() {
        return checker;
    }

    public UserAccount approver() {
        return approver;
    }

    public String returnedReason() {
        return returnedReason;
    }

    public long version() {
        return version;
    }

    public List<EnvironmentRecord> environment() {
        return List.copyOf(environment);
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
