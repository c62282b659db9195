package org.jiliang.lims.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.personnel.Activity;
import org.jiliang.lims.personnel.AuthorizationService;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.personnel.SignatureService;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.PlausibleConditions;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardStatus;

/**
 * A job from the bench to review, the same for every kind: start, choose standards, record the conditions, sign
 * and submit, check or send back. Readings are taken by {@link CaptureService}; the approver's step is in
 * {@code CertificateService} because it issues the certificate. Every regulated change goes to the audit trail in
 * the same transaction; what a kind does differently its {@link MeasurementMethod} says.
 */
@Stateless
public class JobWorkflow {

    /** verification_job.returned_reason. */
    public static final int MAX_REASON = 500;
    public static final int MAX_DEVIATION = EnvironmentRecord.MAX_DEVIATION;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private StandardService standards;
    @Inject
    private AuthorizationService authorizations;
    @Inject
    private SignatureService signatures;
    @Inject
    private Jobs jobs;

    @RolesAllowed(Roles.TECHNICIAN)
    public JobView start(long jobId, Long expectedVersion) {
        VerificationJob job = jobs.own(jobId);
        jobs.changing(job, expectedVersion);
        authorizations.require(job.technician(), job.procedureCode(), Activity.PERFORM, LocalDate.now(clock));
        job.start();
        jobs.record(job, "job.started", "VerificationJob", job.id().toString(), JobState.ASSIGNED.name(),
                JobState.IN_PROGRESS.name(), null);
        return jobs.view(job);
    }

    /** Only standards valid today, of a class the procedure accepts and fit for the job's method can be selected. */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView selectStandard(long jobId, String standardCode, Long expectedVersion) {
        VerificationJob job = jobs.own(jobId);
        jobs.changing(job, expectedVersion);
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
        jobs.methodOf(job).checkStandard(job, standard);
        job.useStandard(standard, currentUser.account(), clock.instant());
        jobs.record(job, "job.standardSelected", "MeasurementStandard", standard.code(), null,
                standard.code() + " " + standard.certificateNumber() + " valid until " + standard.dueDate(), null);
        return jobs.view(job);
    }

    /**
     * Bench conditions; outside the procedure's limits the job can only be submitted with a deviation. Some methods
     * need the air pressure too (a mass calibration: air density, OIML R 111-1 C.4.4).
     */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView recordEnvironment(long jobId, BigDecimal temperature, BigDecimal humidity, BigDecimal pressure,
            String deviation, Long expectedVersion) {
        VerificationJob job = jobs.own(jobId);
        jobs.changing(job, expectedVersion);
        if (temperature == null || humidity == null) {
            throw new RefusedException("error.environment.missing");
        }
        if (jobs.methodOf(job).needsPressure() && pressure == null) {
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
        jobs.record(job, "job.environmentRecorded", "EnvironmentRecord", job.jobNumber(),
                before == null ? null : conditions(before.temperature(), before.humidity(), before.pressure()),
                conditions(temperature, humidity, pressure) + (within ? "" : " (outside limits)"), deviation);
        return jobs.view(job);
    }

    private static String conditions(BigDecimal temperature, BigDecimal humidity, BigDecimal pressure) {
        return temperature + " °C, " + humidity + " %RH" + (pressure == null ? "" : ", " + pressure + " hPa");
    }

    /** The technician signs the measurements ("performed") and hands the job to the checker. */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView submit(long jobId, char[] password, Long expectedVersion) {
        VerificationJob job = jobs.own(jobId);
        jobs.changing(job, expectedVersion);
        jobs.loadReadings(job); // the method's checks and the signed content read every one of them
        job.markMeasured();
        var missingInput = jobs.methodOf(job).missingBeforeSubmit(job);
        if (missingInput.isPresent()) {
            throw missingInput.get();
        }
        UserAccount me = currentUser.account();
        authorizations.require(me, job.procedureCode(), Activity.PERFORM, LocalDate.now(clock));
        Signature s = signatures.sign(job.id(), me, password, SignatureMeaning.PERFORMED, JobContent.sha256(job));
        jobs.record(job, "job.submitted", "Signature", job.jobNumber(), JobState.IN_PROGRESS.name(),
                JobState.MEASURED.name() + " signed PERFORMED by " + me.username() + " sha256 " + s.contentSha256(), null);
        return jobs.view(job);
    }

    /** The checker reviews raw readings and computation and signs "checked"; a different person, authorized. */
    @RolesAllowed(Roles.CHECKER)
    public JobView check(long jobId, char[] password, Long expectedVersion) {
        VerificationJob job = jobs.find(jobId);
        jobs.changing(job, expectedVersion);
        jobs.loadReadings(job); // the signed content, twice: the technician's signature checked, the checker's given
        UserAccount me = currentUser.account();
        job.markChecked(me);
        authorizations.require(me, job.procedureCode(), Activity.CHECK, LocalDate.now(clock));
        jobs.requireValidSignature(job, SignatureMeaning.PERFORMED);
        Signature s = signatures.sign(job.id(), me, password, SignatureMeaning.CHECKED, JobContent.sha256(job));
        jobs.record(job, "job.checked", "Signature", job.jobNumber(), JobState.MEASURED.name(),
                JobState.CHECKED.name() + " signed CHECKED by " + me.username() + " sha256 " + s.contentSha256(), null);
        return jobs.view(job);
    }

    /** Checker or approver returns the job to the technician with a reason. */
    @RolesAllowed({Roles.CHECKER, Roles.APPROVER})
    public JobView sendBack(long jobId, String reason, Long expectedVersion) {
        VerificationJob job = jobs.find(jobId);
        jobs.changing(job, expectedVersion);
        InputLimits.maxLength(reason, MAX_REASON, "field.reason");
        JobState before = job.state();
        job.sendBack(reason);
        jobs.record(job, "job.sentBack", "VerificationJob", job.jobNumber(), before.name(), JobState.IN_PROGRESS.name(),
                reason);
        return jobs.view(job);
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public JobView job(long jobId) {
        return jobs.view(jobs.find(jobId));
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public List<JobView> jobs() {
        return em.createQuery("select j from VerificationJob j order by j.id desc", VerificationJob.class)
                .setMaxResults(200).getResultStream().map(jobs::view).toList();
    }
}
