package org.jiliang.lims.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Logger;
import org.jiliang.lims.platform.RefusedException;

/**
 * Makes keyed anchors of the head of the chain: inside an append every N entries, and on its own
 * (the schedule, or a quality manager before an inspection). Refuses to anchor when the newest
 * anchor it remembers making is gone from the database, because signing then could seal a
 * rewritten trail.
 */
@Stateless
@PermitAll // internal: called by AuditTrail, the anchor schedule and AuditService (role-checked)
public class AuditAnchoring {

    private static final Logger LOG = Logger.getLogger(AuditAnchoring.class.getName());

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AnchorKeyring keyring;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Anchors an entry just appended, in the append's transaction (the caller holds the head's lock). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void anchorAppended(long sequence, String entryHash) {
        try {
            anchor(sequence, entryHash);
        } catch (RefusedException e) {
            // The change being recorded must not fail for this; the verification reports the cause.
            LOG.warning(() -> "No anchor at audit entry " + sequence + ": " + e.getMessage());
        }
    }

    /** Anchors the head of the chain unless the newest anchor already covers it; returns the newest anchor. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<AnchorRecord> anchorHead() {
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        if (head.lastSequence() == 0) {
            return Optional.empty();
        }
        AuditEntry last = em.find(AuditEntry.class, head.lastSequence());
        if (last == null || !last.entryHash().equals(head.lastHash())) {
            throw new RefusedException("error.audit.headMismatch", head.lastSequence());
        }
        return Optional.of(anchor(head.lastSequence(), head.lastHash()));
    }

    private AnchorRecord anchor(long sequence, String entryHash) {
        AnchorSeal seal = keyring.seal().orElseThrow(() -> new RefusedException("error.audit.noAnchorKey"));
        Optional<AnchorRecord> newest = em.createQuery("select a from AuditAnchor a order by a.id desc",
                AuditAnchor.class).setMaxResults(1).getResultStream().findFirst().map(AuditAnchor::record);
        if (newest.isPresent() && newest.get().sequence() >= sequence) {
            return newest.get();
        }
        AnchorWitness witness = keyring.witness();
        witness.read().ifPresent(known -> {
            AuditAnchor stored = em.find(AuditAnchor.class, known.id());
            if (stored == null || !stored.record().mac().equals(known.mac())) {
                LOG.severe(() -> "The newest audit anchor this server made (#" + known.id() + " at entry "
                        + known.sequence() + ") is missing from the database: no anchor is made until this is "
                        + "cleared up (docs/audit-trail.md)");
                throw new RefusedException("error.audit.anchorMissing", known.id(), known.sequence());
            }
        });
        AuditAnchor anchor = new AuditAnchor(sequence, entryHash, clock.instant().truncatedTo(ChronoUnit.MILLIS), seal);
        em.persist(anchor);
        em.flush(); // the identity value
        AnchorRecord made = anchor.record();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    witness.remember(new AnchorWitness.Last(made.id(), made.sequence(), made.mac(), made.anchoredAt()));
                }
            }
        });
        LOG.info(() -> "Audit anchor #" + made.id() + " at entry " + made.sequence() + " (" + made.entryHash() + ")");
        return made;
    }
}
