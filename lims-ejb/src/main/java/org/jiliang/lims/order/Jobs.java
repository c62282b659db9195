package org.jiliang.lims.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.personnel.SignatureService;
import org.jiliang.lims.platform.RefusedException;

/**
 * What every step of the workflow does with a job: find it, lock it for a change, build its view, check a
 * signature still holds, write the audit entry. A plain CDI bean used inside the services' transactions and
 * security checks, not a service of its own: it is no entry point (the web tier cannot reach entities).
 */
@Dependent
public class Jobs {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private SignatureService signatures;
    @Inject
    private MeasurementMethods methods;
    @Inject
    private AuditTrail audit;
    @Inject
    private DeviceHolds holds;

    public VerificationJob find(long jobId) {
        VerificationJob job = em.find(VerificationJob.class, jobId);
        if (job == null) {
            throw new RefusedException("error.notFound", "job " + jobId);
        }
        return job;
    }

    /** The caller's own job: the technician assigned to it. */
    public VerificationJob own(long jobId) {
        VerificationJob job = find(jobId);
        job.requireTechnician(currentUser.account());
        return job;
    }

    /**
     * Every command that changes a job raises its version, even when only a child row changes (a reading, a
     * standard): a page or client holding an older version is refused. The row lock makes a second concurrent
     * command on the same job wait, then see the new version.
     */
    public void changing(VerificationJob job, Long expectedVersion) {
        job.requireVersion(expectedVersion);
        em.lock(job, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    /**
     * Loads a job's readings with their frames and their typed entries, and each point's list of them, in two
     * statements, before something reads all of them (the signed content's hash, a certificate). Read through the lazy
     * associations, a job of 20 points cost one statement per reading for its entries, one per frame and one per
     * point for its list: 85 of the 118 statements a re-issued certificate sent (docs/benchmarks.md §10). Two queries,
     * because the JPA-compliant query mode refuses an alias on a fetch join; the points' lists keep the order their
     * mapping declares ({@code @OrderBy}, which Hibernate applies to a fetch join too).
     */
    public void loadReadings(VerificationJob job) {
        em.createQuery("select r from PointReading r left join fetch r.entries left join fetch r.frame"
                + " where r.point.job = :job", PointReading.class).setParameter("job", job).getResultList();
        em.createQuery("select p from TestPoint p left join fetch p.readings where p.job = :job", TestPoint.class)
                .setParameter("job", job).getResultList();
    }

    /** Refuses to build on a signature whose content has changed since it was given. */
    public void requireValidSignature(VerificationJob job, SignatureMeaning meaning) {
        String content = JobContent.sha256(job);
        List<Signature> given = signatures.signaturesOf(job.id()).stream().filter(s -> s.meaning() == meaning).toList();
        if (given.isEmpty() || !given.get(given.size() - 1).contentSha256().equals(content)) {
            throw new RefusedException("error.sign.invalidated", meaning.name());
        }
    }

    /** The job as it will be after commit (flushed, so the raised version is the one shown). */
    public JobView view(VerificationJob job) {
        em.flush();
        loadReadings(job); // the view shows every reading and the signed content's hash
        JobView.DeviceHoldView hold = job.benchDevice() == null ? null : holds.holder(job.benchDevice())
                .map(h -> new JobView.DeviceHoldView(h.jobNumber(), h.technician().displayName(),
                        org.jiliang.lims.platform.InstituteTime.minutes(h.deviceHeldSince()), h.id().equals(job.id())))
                .orElse(null);
        return JobView.of(job, signatures.signaturesOf(job.id()), methods.of(job), hold);
    }

    public MeasurementMethod methodOf(VerificationJob job) {
        return methods.of(job);
    }

    public void record(VerificationJob job, String action, String recordType, String recordId, String oldValue,
            String newValue, String reason) {
        audit.record(new AuditEvent(currentUser.account().username(), action, recordType, recordId, job.id(),
                oldValue, newValue, reason));
    }
}
