package org.jiliang.lims.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.jiliang.lims.platform.Settings;

/** Appends to the audit trail inside the transaction of the change it records: both commit or neither. */
@Stateless
@PermitAll // internal: called by the services that change regulated records
public class AuditTrail {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditAnchoring anchoring;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEvent event) {
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        // Millisecond precision survives every database's timestamp type, so the hash can be recomputed.
        AuditEntry entry = new AuditEntry(head.lastSequence() + 1, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                event, head.lastHash());
        em.persist(entry);
        head.advance(entry);
        if (entry.sequence() % Settings.auditAnchorEvery() == 0) {
            anchoring.anchorAppended(entry.sequence(), entry.entryHash());
        }
    }
}
