package org.jiliang.lims.order;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.bench.DeviceFrameService;
import org.jiliang.lims.bench.LiveReading;
import org.jiliang.lims.bench.LiveReadingBoard;
import org.jiliang.lims.measurement.PointResult;
import org.jiliang.lims.measurement.TestPoint;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.ScaleMpeTable;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.WeighingPointResult;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.Roles;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.personnel.SignatureService;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.NumberSeries;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardStatus;

/** The technician's side of a verification job: open, pick standards, capture readings, submit. */
@Stateless
public class JobService {

    /** JJG 539 (digital indicating scales); the full procedure model arrives with issue 3. */
    public static final String PROCEDURE_SCALES = "JJG 539-2016";
    /** A reading older than this is not "the current reading" any more. */
    static final Duration MAX_READING_AGE = Duration.ofSeconds(3);

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private StandardService standards;
    @Inject
    private DeviceFrameService frames;
    @Inject
    private LiveReadingBoard board;
    @Inject
    private SignatureService signatures;
    @Inject
    private NumberSeries numbers;

    @RolesAllowed(Roles.TECHNICIAN)
    public JobView open(long instrumentId, VerificationType type, String benchDeviceCode) {
        InstrumentUnderTest instrument = em.find(InstrumentUnderTest.class, instrumentId);
        if (instrument == null) {
            throw new RefusedException("error.notFound", "instrument " + instrumentId);
        }
        BenchDevice device = frames.deviceByCode(benchDeviceCode);
        int year = LocalDate.now(clock).getYear();
        String number = String.format("JD%d-%05d", year, numbers.next("job", year));
        VerificationJob job = new VerificationJob(number, instrument, type, PROCEDURE_SCALES, device,
                currentUser.account(), clock.instant());
        ScaleParameters p = instrument.parameters();
        Mass e = p.e();
        MassUnit unit = e.unit();
        // JJG 539 / OIML R 76 weighing test: at least zero, the MPE change points 500 e and 2 000 e, and Max.
        addPoint(job, 1, "0", new Mass(java.math.BigDecimal.ZERO.setScale(e.value().scale()), unit), p, type);
        addPoint(job, 2, "500 e", times(e, 500), p, type);
        addPoint(job, 3, "2000 e", times(e, 2000), p, type);
        addPoint(job, 4, "Max", p.max().to(unit), p, type);
        em.persist(job);
        return JobView.of(job);
    }

    private static Mass times(Mass e, int n) {
        return new Mass(e.value().multiply(java.math.BigDecimal.valueOf(n)), e.unit());
    }

    private static void addPoint(VerificationJob job, int ordinal, String label, Mass load, ScaleParameters p,
            VerificationType type) {
        Mass mpe = ScaleMpeTable.oimlR76().mpe(p.accuracyClass(), p.e(), load, type);
        job.addTestPoint(new TestPoint(job, ordinal, label, load, mpe));
    }

    @RolesAllowed(Roles.TECHNICIAN)
    public JobView selectStandard(long jobId, String standardCode) {
        VerificationJob job = ownJob(jobId);
        MeasurementStandard standard = standards.findByCode(standardCode)
                .orElseThrow(() -> new RefusedException("error.notFound", standardCode));
        LocalDate today = LocalDate.now(clock);
        StandardStatus status = standard.statusOn(today);
        if (status == StandardStatus.OVERDUE) {
            throw new RefusedException("error.standard.overdue", standard.code(), standard.name(), standard.dueDate());
        }
        if (status == StandardStatus.SUSPENDED) {
            throw new RefusedException("error.standard.suspended", standard.code(), standard.name());
        }
        job.useStandard(standard, currentUser.account(), clock.instant());
        return JobView.of(job);
    }

    /** Takes the bench device's current reading into a test point: it must be stable and fresh. */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView capture(long jobId, int ordinal) {
        VerificationJob job = ownJob(jobId);
        job.requireState(JobState.IN_PROGRESS);
        TestPoint point = job.testPoints().stream().filter(p -> p.ordinal() == ordinal).findFirst()
                .orElseThrow(() -> new RefusedException("error.notFound", "test point " + ordinal));
        if (point.captured()) {
            throw new RefusedException("error.capture.alreadyCaptured", point.label());
        }
        String deviceCode = job.benchDevice().code();
        LiveReading reading = board.latest(deviceCode)
                .orElseThrow(() -> new RefusedException("error.capture.noReading", deviceCode));
        Duration age = Duration.between(reading.receivedAt(), clock.instant());
        if (age.compareTo(MAX_READING_AGE) > 0) {
            throw new RefusedException("error.capture.stale", deviceCode, age.toSeconds());
        }
        if (reading.value() == null) {
            throw new RefusedException("error.capture.unusable",
                    reading.rejectReason() == null ? reading.status() : reading.rejectReason());
        }
        if (!reading.stable()) {
            throw new RefusedException("error.capture.unstable", reading.display());
        }
        MassUnit unit;
        try {
            unit = MassUnit.fromSymbol(reading.unit());
        } catch (IllegalArgumentException e) {
            throw new RefusedException("error.capture.unitMismatch", reading.unit(), point.load().unit().symbol());
        }
        Mass indication = new Mass(reading.value(), unit).to(point.load().unit());
        WeighingPointResult evaluated = WeighingPointResult.evaluate(point.load(), indication, point.mpe());
        point.capture(new PointResult(indication, evaluated.error(), evaluated.passed()),
                frames.frame(reading.frameId()).orElseThrow(), currentUser.account(), clock.instant());
        return JobView.of(job);
    }

    /** The technician signs the measurements ("performed") and hands the job to the approver. */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView submit(long jobId, char[] password) {
        VerificationJob job = ownJob(jobId);
        job.requireState(JobState.IN_PROGRESS);
        long missing = job.testPoints().stream().filter(p -> !p.captured()).count();
        if (missing > 0) {
            throw new RefusedException("error.submit.missingPoints", missing);
        }
        if (job.standards().isEmpty()) {
            throw new RefusedException("error.submit.noStandard");
        }
        signatures.sign(job.id(), currentUser.account(), password, SignatureMeaning.PERFORMED, JobContent.sha256(job));
        job.markMeasured();
        return JobView.of(job);
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER})
    public JobView job(long jobId) {
        return JobView.of(find(jobId));
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER})
    public List<JobView> jobs() {
        return em.createQuery("select j from VerificationJob j order by j.id desc", VerificationJob.class)
                .setMaxResults(200).getResultStream().map(JobView::of).toList();
    }

    @PermitAll
    public VerificationJob find(long jobId) {
        VerificationJob job = em.find(VerificationJob.class, jobId);
        if (job == null) {
            throw new RefusedException("error.notFound", "job " + jobId);
        }
        return job;
    }

    private VerificationJob ownJob(long jobId) {
        VerificationJob job = find(jobId);
        UserAccount me = currentUser.account();
        if (!job.technician().id().equals(me.id())) {
            throw new RefusedException("error.job.notYourJob", job.jobNumber(), job.technician().displayName());
        }
        return job;
    }
}
