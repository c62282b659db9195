package org.jiliang.lims.certificate.reissue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.Roles;

/**
 * What the batch job's steps do, one transaction per certificate: the run's selection still to do, a certificate
 * re-issued with its item, a failure recorded with its reason. It acts as an approver (the run was signed by one, with
 * the password, when it started); it re-issues only what a run's selection holds.
 */
@Stateless
@RunAs(Roles.APPROVER)
@PermitAll // the batch runtime's threads call it; what it may do is bound by the signed run
public class ReissueWorker {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private CertificateService certificates;
    @Inject
    private Clock clock;

    /**
     * The certificates of the run's selection still in force, not yet an item of the run and not made by it, with an
     * id above {@code after}, in id order; {@code slice} of {@code slices} (id modulo slices) for a partition.
     */
    public List<Long> pending(long runId, long after, int slice, int slices, int max) {
        ReissueRun run = em.find(ReissueRun.class, runId);
        if (run == null || run.state() != ReissueRun.State.RUNNING) {
            return List.of();
        }
        // Hibernate's mod takes integers: ids stay far below 2^31
        TypedQuery<Long> q = selection(run, "c.id", " and c.id > :after"
                + " and mod(cast(c.id as Integer), :slices) = :slice and not exists (select i from ReissueItem i where i.runId = :run and i.certificateId = c.id) order by c.id",
                Long.class)
                .setParameter("after", after).setParameter("slices", slices).setParameter("slice", slice)
                .setParameter("run", runId);
        return q.setMaxResults(max).getResultList();
    }

    /**
     * The runs not finished, oldest first: running, or cut short or stopped and waiting to be resumed (both are still
     * RUNNING). The server resumes them at start; a new run waits until there are none.
     */
    public List<ReissueRun> unfinished() {
        return em.createQuery("select r from ReissueRun r where r.state = :running order by r.id", ReissueRun.class)
                .setParameter("running", ReissueRun.State.RUNNING).getResultList();
    }

    /** How many certificates in force the selection holds now (a run counts them when it starts). */
    public int count(ReissueRun run) {
        return selection(run, "count(c)", "", Long.class).getSingleResult().intValue();
    }

    /**
     * The certificates in force issued on the run's days (the institute's calendar), of its procedure and its owner if
     * it names them.
     */
    private <T> TypedQuery<T> selection(ReissueRun run, String what, String more, Class<T> type) {
        ZoneId zone = ClockProducer.INSTITUTE_ZONE;
        TypedQuery<T> q = em.createQuery("select " + what + " from Certificate c join c.job j"
                + " where c.issuedAt >= :from and c.issuedAt < :until"
                + (run.procedureCode() == null ? "" : " and j.procedureCode = :procedure")
                + (run.customerCode() == null ? "" : " and c.customer.code = :customer")
                // a run does not take up what it has written itself; a run being counted has written nothing, and
                // the revisions an earlier run wrote are in force like any other certificate
                + (run.id() == null ? "" : " and (c.reissueRunId is null or c.reissueRunId <> :self)")
                + " and not exists (select r from Certificate r where r.supersedes = c)"
                + " and not exists (select w from CertificateWithdrawal w where w.certificate = c)" + more, type)
                .setParameter("from", run.issuedFrom().atStartOfDay(zone).toInstant())
                .setParameter("until", run.issuedUntil().plusDays(1).atStartOfDay(zone).toInstant());
        if (run.procedureCode() != null) {
            q.setParameter("procedure", run.procedureCode());
        }
        if (run.customerCode() != null) {
            q.setParameter("customer", run.customerCode());
        }
        if (run.id() != null) {
            q.setParameter("self", run.id());
        }
        return q;
    }

    /** Re-issues one certificate and records the item, in one transaction: both or neither. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reissue(long runId, long certificateId) {
        ReissueRun run = em.find(ReissueRun.class, runId);
        String number = certificates.reviseInRun(certificateId, runId, run.reason(), run.requestedBy());
        if (number != null) {
            em.persist(new ReissueItem(runId, certificateId, number, null, clock.instant()));
        }
    }

    /** A certificate that could not be re-issued, with the reason; it is not tried again by this run. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long runId, long certificateId, String reason) {
        em.persist(new ReissueItem(runId, certificateId, null, reason, clock.instant()));
    }

    /** The run is done when nothing of its selection is left to do. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finishIfDone(long runId) {
        ReissueRun run = em.find(ReissueRun.class, runId);
        if (run != null && run.state() == ReissueRun.State.RUNNING && pending(runId, 0, 0, 1, 1).isEmpty()) {
            run.finished(clock.instant());
        }
    }
}
