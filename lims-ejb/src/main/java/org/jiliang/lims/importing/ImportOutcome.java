package org.jiliang.lims.importing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;

/** Records, in a transaction of its own, that an import ended without registering anything. */
@Stateless
@PermitAll // internal: called by ImportWorker
public class ImportOutcome {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ended(long id, ImportState state, String what, String actor) {
        ImportBatch batch = em.find(ImportBatch.class, id);
        batch.finished(state, clock.instant(), what);
        audit.record(new AuditEvent(actor, state == ImportState.CANCELLED ? "register.importCancelled"
                : "register.importFailed", "ImportBatch", Long.toString(id), null, null,
                batch.fileName() + " sha256 " + batch.sha256() + ": " + batch.outcome(), null));
    }
}
