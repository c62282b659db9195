package org.jiliang.lims.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import org.jiliang.lims.personnel.Roles;
import org.jiliang.lims.platform.ClockProducer;

/** Reading and verifying the audit trail. */
@Stateless
public class AuditService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    public ChainVerification verifyChain() {
        List<AuditEntry> entries = em.createQuery("select e from AuditEntry e order by e.sequence", AuditEntry.class)
                .getResultList();
        return AuditChain.firstBrokenLink(entries)
                .map(b -> new ChainVerification(false, entries.size(), b.sequence(), b.problem()))
                .orElse(new ChainVerification(true, entries.size(), null, null));
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    public List<AuditEntryView> historyOfJob(long jobId) {
        return em.createQuery("select e from AuditEntry e where e.jobId = :j order by e.sequence", AuditEntry.class)
                .setParameter("j", jobId).getResultStream().map(AuditService::view).toList();
    }

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    public List<AuditEntryView> latest(int count) {
        return em.createQuery("select e from AuditEntry e order by e.sequence desc", AuditEntry.class)
                .setMaxResults(count).getResultStream().map(AuditService::view).toList();
    }

    private static AuditEntryView view(AuditEntry e) {
        return new AuditEntryView(e.sequence(), LocalDateTime.ofInstant(e.recordedAt(), ClockProducer.INSTITUTE_ZONE),
                e.actor(), e.action(), e.recordType(), e.recordId(), e.oldValue(), e.newValue(), e.reason());
    }
}
