package org.jiliang.lims.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.bench.DeviceFrameService;
import org.jiliang.lims.fee.FeeDecision;
import org.jiliang.lims.fee.FeeSchedule;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.personnel.AccountView;
import org.jiliang.lims.personnel.Activity;
import org.jiliang.lims.personnel.AuthorizationService;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.personnel.UserAccountRepository;
import org.jiliang.lims.platform.NumberSeries;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.procedure.ProcedureService;
import org.jiliang.lims.procedure.ProcedureVersion;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.LegalCatalogue;

/**
 * The intake desk: an instrument is received into a job under the procedure edition in force, assigned to an
 * authorized technician and a bench device, and handed back with its certificate. Which kind of job it becomes is
 * the measurement method's for the instrument's kind.
 */
@Stateless
public class IntakeService {

    /** The audit trail's reason column (V002: varchar(500)). */
    private static final int AUDIT_REASON = 500;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private UserAccountRepository accounts;
    @Inject
    private ProcedureService procedures;
    @Inject
    private AuthorizationService authorizations;
    @Inject
    private DeviceFrameService frames;
    @Inject
    private NumberSeries numbers;
    @Inject
    private MeasurementMethods methods;
    @Inject
    private Jobs jobs;
    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private JobWorkflow workflow;

    /**
     * Intake: the item arrives under the procedure edition in force today. A verification needs its type (initial,
     * subsequent ...); a calibration has none.
     */
    @RolesAllowed({Roles.INTAKE_CLERK, Roles.TECHNICIAN})
    public JobView receive(long instrumentId, VerificationType type) {
        InstrumentUnderTest instrument = em.find(InstrumentUnderTest.class, instrumentId);
        if (instrument == null) {
            throw new RefusedException("error.notFound", "instrument " + instrumentId);
        }
        MeasurementMethod method = methods.forInstrumentKind(instrument.kind());
        if (method.verification() && type == null) {
            throw new RefusedException("error.job.typeMissing");
        }
        VerificationType jobType = method.verification() ? type : null;
        LocalDate today = LocalDate.now(clock);
        ProcedureVersion procedure = procedures.inForce(method.procedureCode(), today);
        if (!method.testPlan().equals(procedure.testPlan())) {
            // the edition in force names a plan another method carries out, or none deployed
            throw new RefusedException("error.procedure.testPlan", procedure.code(), procedure.testPlan());
        }
        String number = String.format("%s%d-%05d", method.jobSeries(), today.getYear(),
                numbers.next("job", today.getYear()));
        VerificationJob job = new VerificationJob(number, instrument, jobType, procedure, clock.instant());
        method.plan(job);
        job.charge(fee(instrument, jobType, today));
        em.persist(job);
        em.flush();
        jobs.record(job, "job.received", "VerificationJob", job.id().toString(), null,
                number + " " + instrument.serialNumber() + " " + (jobType == null ? "CALIBRATION" : jobType) + " "
                        + procedure.code() + "; fee " + describe(job.fee()), null);
        if (job.fee().waived()) {
            // the full reason (up to 1 000 characters) stays on the job; the trail's reason column holds 500
            String reason = job.fee().reason();
            jobs.record(job, "job.feeWaived", "VerificationJob", job.jobNumber(), null, job.fee().programme(),
                    reason.length() <= AUDIT_REASON ? reason : reason.substring(0, AUDIT_REASON - 1) + "…");
        }
        return jobs.view(job);
    }

    /**
     * The job's fee (issue 15): the price list's price for the instrument's category (its catalogue code, or its kind
     * outside legal control) and the work, waived when the owner and the category are in the same free-verification
     * programme ({@link FeeDecision}).
     */
    private FeeDecision fee(InstrumentUnderTest instrument, VerificationType type, LocalDate today) {
        String legal = instrument.legalCategory();
        String categoryProgramme = legal == null ? null
                : catalogue.current(legal).map(CategoryView::freeProgramme).orElse(null);
        var owner = instrument.customer();
        return FeeDecision.decide(new FeeDecision.Owner(owner.code(), owner.name(), owner.freeProgramme().orElse(null)),
                legal != null ? legal : instrument.kind(), categoryProgramme,
                FeeSchedule.work(type), instrument.district(), today);
    }

    private static String describe(FeeDecision fee) {
        return (fee.amount() == null ? "none in the price list" : fee.amount().toPlainString() + " CNY") + " ("
                + fee.category() + ")" + (fee.waived() ? ", waived: " + fee.programme() : "");
    }

    /** Assigns a technician, who must hold a valid authorization for the procedure, and a bench device. */
    @RolesAllowed({Roles.INTAKE_CLERK, Roles.TECHNICIAN})
    public JobView assign(long jobId, String technicianUsername, String benchDeviceCode, Long expectedVersion) {
        VerificationJob job = jobs.find(jobId);
        jobs.changing(job, expectedVersion);
        UserAccount technician = accounts.findByUsername(technicianUsername)
                .filter(a -> a.hasRole(Roles.TECHNICIAN))
                .orElseThrow(() -> new RefusedException("error.notFound", technicianUsername));
        authorizations.require(technician, job.procedureCode(), Activity.PERFORM, LocalDate.now(clock));
        BenchDevice device = frames.deviceByCode(benchDeviceCode);
        if (device.retired()) {
            throw new RefusedException("error.device.retired", device.code());
        }
        job.assign(technician, device);
        jobs.record(job, "job.assigned", "VerificationJob", job.id().toString(), null,
                technician.username() + " @ " + device.code(), null);
        return jobs.view(job);
    }

    /** A technician at the bench takes an instrument directly: receive, assign to self, start. */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView open(long instrumentId, VerificationType type, String benchDeviceCode) {
        long id = receive(instrumentId, type).id();
        assign(id, currentUser.account().username(), benchDeviceCode, null);
        return workflow.start(id, null);
    }

    /** The technicians who may be assigned the job today: those authorized to perform its procedure. */
    @RolesAllowed({Roles.INTAKE_CLERK, Roles.TECHNICIAN})
    public List<AccountView> assignableTechnicians(long jobId) {
        VerificationJob job = jobs.find(jobId);
        return authorizations.holders(job.procedureCode(), Activity.PERFORM, LocalDate.now(clock)).stream()
                .filter(a -> a.has(Roles.TECHNICIAN)).toList();
    }

    /** The intake desk hands the instrument and its certificate back to the customer. */
    @RolesAllowed(Roles.INTAKE_CLERK)
    public JobView returnToCustomer(long jobId, Long expectedVersion) {
        VerificationJob job = jobs.find(jobId);
        jobs.changing(job, expectedVersion);
        job.markReturned();
        jobs.record(job, "job.returned", "VerificationJob", job.jobNumber(), JobState.CERTIFICATE_ISSUED.name(),
                JobState.RETURNED.name(), null);
        return jobs.view(job);
    }
}
