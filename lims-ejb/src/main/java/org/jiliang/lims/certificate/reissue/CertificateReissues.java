package org.jiliang.lims.certificate.reissue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.LoginService;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.NumberSeries;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.platform.Sha256;

/**
 * Re-issue runs (issue 14): an approver re-issues, with one reason and one signature (the password), every
 * certificate in force issued on the days given — of one procedure, of one owner, if named — as a corrected revision,
 * e.g. after a template edition or an owner's change of name. The work is a Jakarta Batch job ({@code certificate-reissue}); its progress is read here.
 */
@Stateless
public class CertificateReissues {

    /** The most certificates one run re-issues, and the longest span of days it selects. */
    public static final int MAX_SELECTED = 100_000;
    public static final String JOB = "certificate-reissue";
    /** The row that the start of a run holds locked ({@link NumberSeries#lock}). */
    private static final String START_LOCK = "reissue-start";

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private LoginService logins;
    @Inject
    private ReissueWorker worker;
    @Inject
    private NumberSeries numbers;
    @Inject
    private AuditTrail audit;
    @jakarta.annotation.Resource
    private TransactionSynchronizationRegistry transactions;

    /**
     * What a run is and how far it got; {@code job} is the batch status of its latest execution while it runs
     * (STARTED, or FAILED / STOPPED: it can be resumed; null: no execution since the server started).
     */
    public record RunView(long id, String reason, String requestedBy, LocalDateTime requestedAt, String procedure,
            String customer, LocalDate issuedFrom, LocalDate issuedUntil, int selected, long reissued, long failed,
            ReissueRun.State state, LocalDateTime finishedAt, List<Failure> failures, String job) {
    }

    public record Failure(String certificate, String reason) {
    }

    /** Starts a run: the selection is counted, the run signed with the approver's password, the batch job started. */
    @RolesAllowed(Roles.APPROVER)
    public RunView start(String reason, LocalDate from, LocalDate until, String procedure, String customer,
            char[] password) {
        String why = Texts.required(reason, 500, "error.certificate.reason");
        if (from == null || until == null || until.isBefore(from)) {
            throw new RefusedException("error.reissue.days");
        }
        String code = procedure == null || procedure.isBlank() ? null : procedure.strip();
        String owner = customer == null || customer.isBlank() ? null : customer.strip();
        String me = currentUser.account().username();
        RefusedException refused = logins.checkPassword(me, password, "signature");
        if (refused != null) {
            throw refused;
        }
        // One run at a time, a stopped one included until it is resumed and done: two runs over the same days would
        // each take the other's revisions as certificates in force and revise them again, for as long as both run.
        // Two approvers starting at the same moment: the second waits here until the first's run is committed, and
        // then finds it unfinished (on H2 for at most its LOCK_TIMEOUT of 10 s; what is locked takes milliseconds)
        numbers.lock(START_LOCK);
        worker.unfinished().stream().findFirst().ifPresent(r -> {
            throw new RefusedException("error.reissue.running", String.valueOf(r.id()), r.requestedBy());
        });
        Instant now = clock.instant();
        ReissueRun probe = new ReissueRun(why, me, now, code, owner, from, until, 0, "");
        int selected = worker.count(probe);
        if (selected == 0) {
            throw new RefusedException("error.reissue.none", String.valueOf(from), String.valueOf(until),
                    (code == null ? "—" : code) + " / " + (owner == null ? "—" : owner));
        }
        if (selected > MAX_SELECTED) {
            throw new RefusedException("error.reissue.tooMany", selected, MAX_SELECTED);
        }
        String signed = Sha256.hex("re-issue by " + me + " at " + now + " of " + selected + " certificates in force issued "
                + from + " to " + until + (code == null ? "" : " under " + code)
                + (owner == null ? "" : " of owner " + owner) + "\n" + why);
        ReissueRun run = new ReissueRun(why, me, now, code, owner, from, until, selected, signed);
        em.persist(run);
        em.flush();
        audit.record(new AuditEvent(me, "certificate.reissueStarted", "ReissueRun", String.valueOf(run.id()),
                run.id(), null, selected + " certificates issued " + from + " to " + until
                        + (code == null ? "" : " under " + code) + (owner == null ? "" : " of owner " + owner)
                        + " signed " + signed + "; reason: " + why, null));
        // the job's threads must see the run: it starts once this transaction has committed, not before
        long id = run.id();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    startJob(id);
                }
            }
        });
        return view(run);
    }

    /** Starts (or, after a crash, starts again) the batch job of a run; it does what is still to do. */
    static void startJob(long runId) {
        Properties parameters = new Properties();
        parameters.setProperty("run", Long.toString(runId));
        BatchRuntime.getJobOperator().start(JOB, parameters);
    }

    /**
     * Starts the job of a run again whose job stopped (it failed, or it was stopped): it goes on with what is still to
     * do. Refused while its job runs, or once the run is done.
     */
    @RolesAllowed(Roles.APPROVER)
    public RunView resume(long id) {
        ReissueRun run = em.find(ReissueRun.class, id);
        if (run == null) {
            throw new RefusedException("error.reissue.notFound", String.valueOf(id));
        }
        String job = jobStatus(id);
        if (run.state() != ReissueRun.State.RUNNING || "STARTING".equals(job) || "STARTED".equals(job)) {
            throw new RefusedException("error.reissue.notStopped", String.valueOf(id));
        }
        audit.record(new AuditEvent(currentUser.account().username(), "certificate.reissueResumed", "ReissueRun",
                String.valueOf(id), id, job, "RUNNING", null));
        startJob(id);
        return view(run);
    }

    /** The batch status of the run's latest job execution on this server (null: none since the server started). */
    static String jobStatus(long runId) {
        var operator = BatchRuntime.getJobOperator();
        if (!operator.getJobNames().contains(JOB)) {
            return null;
        }
        String run = Long.toString(runId);
        return operator.getJobInstances(JOB, 0, 1000).stream()
                .flatMap(instance -> operator.getJobExecutions(instance).stream())
                .filter(e -> run.equals(e.getJobParameters() == null ? null : e.getJobParameters().getProperty("run")))
                .max(java.util.Comparator.comparingLong(jakarta.batch.runtime.JobExecution::getExecutionId))
                .map(e -> e.getBatchStatus().name()).orElse(null);
    }

    @RolesAllowed({Roles.APPROVER, Roles.QUALITY_MANAGER})
    public List<RunView> runs() {
        return em.createQuery("select r from ReissueRun r order by r.id desc", ReissueRun.class).setMaxResults(50)
                .getResultStream().map(this::view).toList();
    }

    @RolesAllowed({Roles.APPROVER, Roles.QUALITY_MANAGER})
    public RunView run(long id) {
        ReissueRun run = em.find(ReissueRun.class, id);
        if (run == null) {
            throw new RefusedException("error.reissue.notFound", String.valueOf(id));
        }
        return view(run);
    }

    private RunView view(ReissueRun r) {
        Object[] counts = em.createQuery("select count(i.revisionNumber), count(i.error) from ReissueItem i"
                + " where i.runId = :r", Object[].class).setParameter("r", r.id()).getSingleResult();
        List<Failure> failures = em.createQuery("select c.number, i.error from ReissueItem i, Certificate c"
                        + " where i.runId = :r and i.error is not null and c.id = i.certificateId order by i.id",
                        Object[].class).setParameter("r", r.id()).setMaxResults(100).getResultStream()
                .map(f -> new Failure((String) f[0], (String) f[1])).toList();
        return new RunView(r.id(), r.reason(), r.requestedBy(), local(r.requestedAt()), r.procedureCode(),
                r.customerCode(), r.issuedFrom(), r.issuedUntil(), r.selected(), (Long) counts[0], (Long) counts[1], r.state(),
                r.finishedAt() == null ? null : local(r.finishedAt()), failures,
                r.state() == ReissueRun.State.RUNNING ? jobStatus(r.id()) : null);
    }

    private static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, ClockProducer.INSTITUTE_ZONE);
    }

}
