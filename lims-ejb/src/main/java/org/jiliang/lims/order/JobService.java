package org.jiliang.lims.order;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.bench.DeviceFrameService;
import org.jiliang.lims.bench.IdentityVerdict;
import org.jiliang.lims.bench.LinkState;
import org.jiliang.lims.bench.LiveReading;
import org.jiliang.lims.bench.LiveReadingBoard;
import org.jiliang.lims.measurement.EnvironmentRecord;
import org.jiliang.lims.platform.PlausibleConditions;
import org.jiliang.lims.measurement.PointReading;
import org.jiliang.lims.measurement.TestPoint;
import org.jiliang.lims.measurement.WeightCalibrationRun;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.scale.ScaleProcedureCatalog;
import org.jiliang.lims.metrology.scale.ScaleTest;
import org.jiliang.lims.metrology.scale.ScaleTestPlan;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
import org.jiliang.lims.metrology.weight.WeightClass;
import org.jiliang.lims.metrology.weight.WeightMpeTable;
import org.jiliang.lims.personnel.AccountView;
import org.jiliang.lims.personnel.Activity;
import org.jiliang.lims.personnel.AuthorizationService;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.Roles;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.personnel.SignatureService;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.personnel.UserAccountRepository;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.NumberSeries;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.procedure.ProcedureService;
import org.jiliang.lims.procedure.ProcedureVersion;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardStatus;

/**
 * A verification job from intake to review: receive, assign, measure at the bench, submit,
 * check or send back. Every regulated change goes to the audit trail in the same transaction.
 * The approver's step is in {@code CertificateService} because it issues the certificate.
 */
@Stateless
public class JobService {

    /** JJG 539 (digital indicating scales). */
    public static final String PROCEDURE_SCALES = "JJG 539-2016";
    /** JJG 99 (weights), calibrated after OIML R 111-1 Annex C. */
    public static final String PROCEDURE_WEIGHTS = "JJG 99-2006";
    /** A reading older than this is not "the current reading" any more. */
    static final Duration MAX_READING_AGE = Duration.ofSeconds(3);
    /** An indication as point_reading.indication_value keeps it: numeric(38, 18) (V010). */
    public static final int INDICATION_INTEGER_DIGITS = 20;
    public static final int INDICATION_DECIMALS = 18;
    /** ΔL as point_reading.additional_load keeps it: numeric(19, 6). */
    public static final int ADDITIONAL_LOAD_INTEGER_DIGITS = 13;
    public static final int ADDITIONAL_LOAD_DECIMALS = 6;
    /** verification_job.returned_reason. */
    public static final int MAX_REASON = 500;
    public static final int MAX_DEVIATION = EnvironmentRecord.MAX_DEVIATION;
    public static final int MAX_CORRECTION_REASON = PointReading.MAX_CORRECTION_REASON;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;

    @Inject
    private CurrentUser currentUser;
    @Inject
    private UserAccountRepository accounts;
    @Inject
    private StandardService standards;
    @Inject
    private ProcedureService procedures;
    @Inject
    private AuthorizationService authorizations;
    @Inject
    private DeviceFrameService frames;
    @Inject
    private LiveReadingBoard board;
    @Inject
    private SignatureService signatures;
    @Inject
    private NumberSeries numbers;
    @Inject
    private AuditTrail audit;

    /**
     * Intake: the item arrives under the procedure edition in force today. A scale is verified (the type of
     * verification is required); a weight is calibrated (there is no type of verification).
     */
    @RolesAllowed({Roles.INTAKE_CLERK, Roles.TECHNICIAN})
    public JobView receive(long instrumentId, VerificationType type) {
        InstrumentUnderTest instrument = em.find(InstrumentUnderTest.class, instrumentId);
        if (instrument == null) {
            throw new RefusedException("error.notFound", "instrument " + instrumentId);
        }
        if (!instrument.isWeight() && type == null) {
            throw new RefusedException("error.job.typeMissing");
        }
        VerificationType jobType = instrument.isWeight() ? null : type;
        LocalDate today = LocalDate.now(clock);
        ProcedureVersion procedure = procedures.inForce(instrument.isWeight() ? PROCEDURE_WEIGHTS : PROCEDURE_SCALES,
                today);
        String number = String.format("%s%d-%05d", instrument.isWeight() ? "JC" : "JD", today.getYear(),
                numbers.next("job", today.getYear()));
        VerificationJob job = new VerificationJob(number, instrument, jobType, procedure, clock.instant());
        addTestPoints(job, instrument, jobType);
        em.persist(job);
        em.flush();
        record(job, "job.received", "VerificationJob", job.id().toString(), null,
                number + " " + instrument.serialNumber() + " " + (jobType == null ? "CALIBRATION" : jobType) + " "
                        + procedure.code(), null);
        return view(job);
    }

    /** Assigns a technician, who must hold a valid authorization for the procedure, and a bench device. */
    @RolesAllowed({Roles.INTAKE_CLERK, Roles.TECHNICIAN})
    public JobView assign(long jobId, String technicianUsername, String benchDeviceCode, Long expectedVersion) {
        VerificationJob job = find(jobId);
        changing(job, expectedVersion);
        UserAccount technician = accounts.findByUsername(technicianUsername)
                .filter(a -> a.hasRole(Roles.TECHNICIAN))
                .orElseThrow(() -> new RefusedException("error.notFound", technicianUsername));
        authorizations.require(technician, job.procedureCode(), Activity.PERFORM, LocalDate.now(clock));
        BenchDevice device = frames.deviceByCode(benchDeviceCode);
        if (device.retired()) {
            throw new RefusedException("error.device.retired", device.code());
        }
        job.assign(technician, device);
        record(job, "job.assigned", "VerificationJob", job.id().toString(), null,
                technician.username() + " @ " + device.code(), null);
        return view(job);
    }

    @RolesAllowed(Roles.TECHNICIAN)
    public JobView start(long jobId, Long expectedVersion) {
        VerificationJob job = ownJob(jobId);
        changing(job, expectedVersion);
        authorizations.require(job.technician(), job.procedureCode(), Activity.PERFORM, LocalDate.now(clock));
        job.start();
        record(job, "job.started", "VerificationJob", job.id().toString(), JobState.ASSIGNED.name(),
                JobState.IN_PROGRESS.name(), null);
        return view(job);
    }

    /** A technician at the bench takes an instrument directly: receive, assign to self, start. */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView open(long instrumentId, VerificationType type, String benchDeviceCode) {
        long id = receive(instrumentId, type).id();
        assign(id, currentUser.account().username(), benchDeviceCode, null);
        return start(id, null);
    }

    /** The test points of the procedure edition's plan for this instrument and type of verification. */
    private static void addTestPoints(VerificationJob job, InstrumentUnderTest instrument, VerificationType type) {
        if (WeightCalibrationProcedure.TEST_PLAN.equals(job.procedure().testPlan()) && instrument.isWeight()) {
            addWeighingCycles(job, instrument);
            return;
        }
        if (!ProcedureVersion.R76_TEST_PLAN.equals(job.procedure().testPlan()) || instrument.isWeight()) {
            throw new RefusedException("error.procedure.testPlan", job.procedureCode(), job.procedure().testPlan());
        }
        ScaleTestPlan plan = ScaleTestPlan.generate(instrument.underTest(), type,
                ScaleProcedureCatalog.standard().edition(job.procedureCode()));
        int ordinal = 1;
        for (var planned : plan.points()) {
            // discrimination needs the indication before and after the extra load; a series, its weighings
            int needed = planned.test() == ScaleTest.DISCRIMINATION ? 2 : planned.weighings();
            job.addTestPoint(new TestPoint(job, ordinal++, planned.id(), planned.test().name(),
                    planned.label().toString(), planned.load(), planned.mpe(), needed, planned.extraLoad()));
        }
    }

    /** The comparator indications of the ABBA cycles; the weight must be in R 111-1 Table 1 and Table 5. */
    private static void addWeighingCycles(VerificationJob job, InstrumentUnderTest weight) {
        WeightCalibrationProcedure procedure = WeightCalibrationProcedure.standard();
        WeightClass weightClass = weight.weightClass();
        Mass nominal = weight.nominal();
        if (!procedure.covers(weightClass, nominal)) {
            throw new RefusedException("error.weight.notInTable", weightClass.symbol(), nominal);
        }
        if (procedure.densityLimits(weightClass, nominal).isEmpty()) {
            throw new RefusedException("error.weight.noDensityLimits", weightClass.symbol(), nominal);
        }
        Mass load = nominal.to(MassUnit.G).normalized();
        Mass mpe = WeightMpeTable.oimlR111().mpe(weightClass, nominal).to(MassUnit.G).normalized();
        int ordinal = 1;
        for (var o : procedure.plan(weightClass)) {
            job.addTestPoint(new TestPoint(job, ordinal++, o.id(), "ABBA_" + o.role().name(), o.label().toString(),
                    load, mpe, 1, null));
        }
    }

    /** Only standards valid today and of a class the procedure accepts can be selected. */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView selectStandard(long jobId, String standardCode, Long expectedVersion) {
        VerificationJob job = ownJob(jobId);
        changing(job, expectedVersion);
        MeasurementStandard standard = standards.findByCode(standardCode)
                .orElseThrow(() -> new RefusedException("error.notFound", standardCode));
        StandardStatus status = standard.statusOn(LocalDate.now(clock));
        if (status == StandardStatus.OVERDUE) {
            throw new RefusedException("error.standard.overdue", standard.code(), standard.name(), standard.dueDate());
        }
        if (status == StandardStatus.SUSPENDED) {
            throw new RefusedException("error.standard.suspended", standard.code(), standard.name());
        }
        if (job.procedure() != null && !job.procedure().acceptsStandardClass(standard.accuracy())) {
            throw new RefusedException("error.standard.notAccepted", standard.code(), standard.accuracy(),
                    job.procedureCode(), String.join(", ", job.procedure().allowedStandardClasses()));
        }
        if (job.instrument().isWeight()) {
            requireReferenceWeightFor(job, standard);
        }
        job.useStandard(standard, currentUser.account(), clock.instant());
        record(job, "job.standardSelected", "MeasurementStandard", standard.code(), null,
                standard.code() + " " + standard.certificateNumber() + " valid until " + standard.dueDate(), null);
        return view(job);
    }

    /**
     * A reference weight carries the values of its certificate and has the nominal value of the weight it is
     * compared with (within the procedure's tolerance: the comparator measures only the small difference).
     */
    private static void requireReferenceWeightFor(VerificationJob job, MeasurementStandard standard) {
        var reference = standard.referenceWeight().orElseThrow(
                () -> new RefusedException("error.weight.standardWithoutValues", standard.code()));
        Mass nominal = job.instrument().nominal();
        if (!WeightCalibrationProcedure.standard().referenceMatches(reference.conventionalMass(), nominal)) {
            throw new RefusedException("error.weight.nominalMismatch", standard.code(), reference.conventionalMass(),
                    nominal);
        }
    }

    /**
     * Bench conditions; outside the procedure's limits the job can only be submitted with a deviation. A mass
     * calibration needs the air pressure too (air density, R 111-1 C.4.4).
     */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView recordEnvironment(long jobId, BigDecimal temperature, BigDecimal humidity, BigDecimal pressure,
            String deviation, Long expectedVersion) {
        VerificationJob job = ownJob(jobId);
        changing(job, expectedVersion);
        if (temperature == null || humidity == null) {
            throw new RefusedException("error.environment.missing");
        }
        if (job.instrument().isWeight() && pressure == null) {
            throw new RefusedException("error.environment.pressureMissing", job.procedureCode());
        }
        PlausibleConditions.requireTemperature(temperature);
        PlausibleConditions.requireHumidity(humidity);
        if (pressure != null) {
            PlausibleConditions.requirePressure(pressure);
        }
        InputLimits.maxLength(deviation, EnvironmentRecord.MAX_DEVIATION, "field.deviation");
        boolean within = job.procedure() == null || job.procedure().environmentWithinLimits(temperature, humidity);
        EnvironmentRecord before = job.currentEnvironment();
        job.recordEnvironment(new EnvironmentRecord(job, temperature, humidity, pressure, clock.instant(),
                currentUser.account(), within, deviation));
        record(job, "job.environmentRecorded", "EnvironmentRecord", job.jobNumber(),
                before == null ? null : conditions(before.temperature(), before.humidity(), before.pressure()),
                conditions(temperature, humidity, pressure) + (within ? "" : " (outside limits)"), deviation);
        return view(job);
    }

    private static String conditions(BigDecimal temperature, BigDecimal humidity, BigDecimal pressure) {
        return temperature + " °C, " + humidity + " %RH" + (pressure == null ? "" : ", " + pressure + " hPa");
    }

    /**
     * Takes the bench device's current reading into a test point: it must be stable and fresh.
     * Capturing an already captured point is a correction and needs a reason.
     */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView capture(long jobId, int ordinal, BigDecimal additionalLoad, Long expectedVersion,
            String correctionReason) {
        VerificationJob job = ownJob(jobId);
        changing(job, expectedVersion);
        job.requireState(JobState.IN_PROGRESS);
        TestPoint point = job.testPoints().stream().filter(p -> p.ordinal() == ordinal).findFirst()
                .orElseThrow(() -> new RefusedException("error.notFound", "test point " + ordinal));
        if (!InputLimits.fits(additionalLoad, ADDITIONAL_LOAD_INTEGER_DIGITS, ADDITIONAL_LOAD_DECIMALS)) {
            throw new RefusedException("error.capture.additionalLoadTooLarge", ADDITIONAL_LOAD_INTEGER_DIGITS,
                    ADDITIONAL_LOAD_DECIMALS);
        }
        InputLimits.maxLength(correctionReason, PointReading.MAX_CORRECTION_REASON, "field.correctionReason");
        boolean correcting = correctionReason != null && !correctionReason.isBlank();
        if (point.captured() && !correcting) {
            throw new RefusedException("error.capture.alreadyCaptured", point.label());
        }
        String deviceCode = job.benchDevice().code();
        // Before the reading: a wrong instrument must be named as such, not as "no reading" or "stale".
        LinkState linkNow = frames.linkState(job.benchDevice());
        if (linkNow.down()) {
            throw new RefusedException("error.capture.linkDown", deviceCode, linkNow.downSince().toString(),
                    linkNow.downReason());
        }
        refuseWrongInstrument(deviceCode, frames.identityVerdict(job.benchDevice()));
        LiveReading reading = board.latest(deviceCode)
                .orElseThrow(() -> new RefusedException("error.capture.noReading", deviceCode));
        // By the server's clock only: a bench PC's clock, set ahead, would keep an old reading fresh.
        Duration age = reading.age(clock.instant());
        if (age.compareTo(MAX_READING_AGE) > 0) {
            throw new RefusedException("error.capture.stale", deviceCode, age.toSeconds());
        }
        if (reading.quarantined()) {
            throw new RefusedException("error.capture.quarantined", deviceCode, reading.rejectReason());
        }
        if (reading.unexpectedUnit()) {
            throw new RefusedException("error.capture.unexpectedUnit", deviceCode, reading.display(),
                    reading.rejectReason());
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
        Mass indication = new Mass(reading.value(), unit).to(point.load().unit()).normalized();
        if (!InputLimits.fits(indication.value(), INDICATION_INTEGER_DIGITS, INDICATION_DECIMALS)) {
            // never rounded into point_reading: what is captured is what the device sent
            throw new RefusedException("error.capture.indicationTooPrecise", reading.display(),
                    point.load().unit().symbol(), INDICATION_INTEGER_DIGITS, INDICATION_DECIMALS);
        }
        Mass deltaL = new Mass(additionalLoad == null ? BigDecimal.ZERO : additionalLoad, point.unit()).normalized();
        if (job.instrument().isWeight() && deltaL.signum() != 0) {
            throw new RefusedException("error.capture.noAdditionalLoadForWeights");
        }
        if (deltaL.signum() < 0) {
            throw new RefusedException("error.capture.negativeAdditionalLoad", deltaL);
        }
        String before = point.captured() ? point.indication().toString() : null;
        PointReading stored = point.capture(indication, deltaL, frames.frame(reading.frameId()).orElseThrow(),
                currentUser.account(), clock.instant(), job.standards().stream().map(StandardUse::standard).toList(),
                correctionReason);
        LinkState link = frames.linkState(job.benchDevice());
        stored.takenWith(link.model(), link.serialNumber(), link.softwareVersion());
        em.flush();
        record(job, correcting ? "point.corrected" : "point.captured", "PointReading", stored.id().toString(), before,
                point.label() + " #" + stored.seriesIndex() + ": I = " + indication + ", ΔL = " + deltaL
                        + " (frame " + reading.frameId() + takenWith(link) + ")", correcting ? correctionReason : null);
        return view(job);
    }

    /** Refuses a capture from an instrument that is not the one the profile records (issue 9). */
    private static void refuseWrongInstrument(String deviceCode, IdentityVerdict identity) {
        if (identity.kind() == IdentityVerdict.Kind.DIFFERS) {
            throw new RefusedException(IdentityVerdict.MODEL.equals(identity.field())
                    ? "error.capture.modelDiffers" : "error.capture.serialNumberDiffers",
                    deviceCode, identity.deviceValue(), identity.profileValue());
        }
        if (identity.kind() == IdentityVerdict.Kind.NOT_READ) {
            throw new RefusedException("error.capture.identityNotRead", deviceCode);
        }
    }

    /** ", instrument XPE205 S/N B021002593 software 2.10" for the audit entry; empty if nothing was told. */
    private static String takenWith(LinkState link) {
        if (link.model() == null && link.serialNumber() == null && link.softwareVersion() == null) {
            return "";
        }
        return ", instrument " + (link.model() == null ? "?" : link.model()) + " S/N "
                + (link.serialNumber() == null ? "?" : link.serialNumber()) + " software "
                + (link.softwareVersion() == null ? "?" : link.softwareVersion());
    }

    /** The technician signs the measurements ("performed") and hands the job to the checker. */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView submit(long jobId, char[] password, Long expectedVersion) {
        VerificationJob job = ownJob(jobId);
        changing(job, expectedVersion);
        job.requireState(JobState.IN_PROGRESS);
        long missing = job.testPoints().stream().filter(p -> !p.captured()).count();
        if (missing > 0) {
            throw new RefusedException("error.submit.missingPoints", missing);
        }
        if (job.standards().isEmpty()) {
            throw new RefusedException("error.submit.noStandard");
        }
        EnvironmentRecord env = job.currentEnvironment();
        if (env == null) {
            throw new RefusedException("error.submit.noEnvironment");
        }
        if (!env.acceptable()) {
            throw new RefusedException("error.submit.environmentDeviation", job.procedure().limitsText());
        }
        if (job.instrument().isWeight()) {
            var missingInput = WeightCalibrationRun.of(job).missing();
            if (missingInput.isPresent()) {
                throw missingInput.get();
            }
        }
        UserAccount me = currentUser.account();
        authorizations.require(me, job.procedureCode(), Activity.PERFORM, LocalDate.now(clock));
        Signature s = signatures.sign(job.id(), me, password, SignatureMeaning.PERFORMED, JobContent.sha256(job));
        job.markMeasured();
        record(job, "job.submitted", "Signature", job.jobNumber(), JobState.IN_PROGRESS.name(),
                JobState.MEASURED.name() + " signed PERFORMED by " + me.username() + " sha256 " + s.contentSha256(), null);
        return view(job);
    }

    /** The checker reviews raw readings and computation and signs "checked"; a different person, authorized. */
    @RolesAllowed(Roles.CHECKER)
    public JobView check(long jobId, char[] password, Long expectedVersion) {
        VerificationJob job = find(jobId);
        changing(job, expectedVersion);
        job.requireState(JobState.MEASURED);
        UserAccount me = currentUser.account();
        if (me.id().equals(job.technician().id())) {
            throw new RefusedException("error.sign.samePerson", me.displayName());
        }
        authorizations.require(me, job.procedureCode(), Activity.CHECK, LocalDate.now(clock));
        requireValidSignature(job, SignatureMeaning.PERFORMED);
        Signature s = signatures.sign(job.id(), me, password, SignatureMeaning.CHECKED, JobContent.sha256(job));
        job.markChecked(me);
        record(job, "job.checked", "Signature", job.jobNumber(), JobState.MEASURED.name(),
                JobState.CHECKED.name() + " signed CHECKED by " + me.username() + " sha256 " + s.contentSha256(), null);
        return view(job);
    }

    /** Checker or approver returns the job to the technician with a reason. */
    @RolesAllowed({Roles.CHECKER, Roles.APPROVER})
    public JobView sendBack(long jobId, String reason, Long expectedVersion) {
        VerificationJob job = find(jobId);
        changing(job, expectedVersion);
        InputLimits.maxLength(reason, MAX_REASON, "field.reason");
        JobState before = job.state();
        job.sendBack(reason);
        record(job, "job.sentBack", "VerificationJob", job.jobNumber(), before.name(), JobState.IN_PROGRESS.name(),
                reason);
        return view(job);
    }

    /** The intake desk hands the instrument and its certificate back to the customer. */
    @RolesAllowed(Roles.INTAKE_CLERK)
    public JobView returnToCustomer(long jobId, Long expectedVersion) {
        VerificationJob job = find(jobId);
        changing(job, expectedVersion);
        job.markReturned();
        record(job, "job.returned", "VerificationJob", job.jobNumber(), JobState.CERTIFICATE_ISSUED.name(),
                JobState.RETURNED.name(), null);
        return view(job);
    }

    /** The technicians who may be assigned the job today: those authorized to perform its procedure. */
    @RolesAllowed({Roles.INTAKE_CLERK, Roles.TECHNICIAN})
    public List<AccountView> assignableTechnicians(long jobId) {
        VerificationJob job = find(jobId);
        return authorizations.holders(job.procedureCode(), Activity.PERFORM, LocalDate.now(clock)).stream()
                .filter(a -> a.has(Roles.TECHNICIAN)).toList();
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public JobView job(long jobId) {
        return view(find(jobId));
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public List<JobView> jobs() {
        return em.createQuery("select j from VerificationJob j order by j.id desc", VerificationJob.class)
                .setMaxResults(200).getResultStream().map(this::view).toList();
    }

    @PermitAll
    public VerificationJob find(long jobId) {
        VerificationJob job = em.find(VerificationJob.class, jobId);
        if (job == null) {
            throw new RefusedException("error.notFound", "job " + jobId);
        }
        return job;
    }

    /** Refuses to build on a signature whose content has changed since it was given. */
    @PermitAll
    public void requireValidSignature(VerificationJob job, SignatureMeaning meaning) {
        String content = JobContent.sha256(job);
        List<Signature> given = signatures.signaturesOf(job.id()).stream().filter(s -> s.meaning() == meaning).toList();
        if (given.isEmpty() || !given.get(given.size() - 1).contentSha256().equals(content)) {
            throw new RefusedException("error.sign.invalidated", meaning.name());
        }
    }

    /** The job as it will be after commit (flushed, so the raised version is the one shown). */
    @PermitAll
    public JobView view(VerificationJob job) {
        em.flush();
        return JobView.of(job, signatures.signaturesOf(job.id()));
    }

    /**
     * Every command that changes a job raises its version, even when only a child row changes
     * (a reading, a standard): a page or client holding an older version is refused. The row
     * lock makes a second concurrent command on the same job wait, then see the new version.
     */
    @PermitAll
    public void changing(VerificationJob job, Long expectedVersion) {
        job.requireVersion(expectedVersion);
        em.lock(job, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    private VerificationJob ownJob(long jobId) {
        VerificationJob job = find(jobId);
        UserAccount me = currentUser.account();
        if (job.technician() == null || !job.technician().id().equals(me.id())) {
            throw new RefusedException("error.job.notYourJob", job.jobNumber(),
                    job.technician() == null ? "—" : job.technician().displayName());
        }
        return job;
    }

    private void record(VerificationJob job, String action, String recordType, String recordId, String oldValue,
            String newValue, String reason) {
        audit.record(new AuditEvent(currentUser.account().username(), action, recordType, recordId, job.id(),
                oldValue, newValue, reason));
    }
}
