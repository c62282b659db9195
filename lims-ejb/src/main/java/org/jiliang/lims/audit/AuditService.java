package org.jiliang.lims.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.ClockProducer;

/** Reading and verifying the audit trail. */
@Stateless
public class AuditService {

    /** Entries (and anchors) read per query: memory stays bounded however long the trail is. */
    public static final int PAGE = 1000;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private AnchorKeyring keyring;

    @Inject
    private AuditAnchoring anchoring;

    /**
     * Recomputes the chain from the first entry, page by page in sequence order, checks every
     * anchor on the way, then compares the end with the head. Without a transaction: a long trail
     * is read by many short queries, which no transaction timeout cuts off.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ChainVerification verifyChain() {
        // Order matters: the witness and the newest anchor id are read before the head, so an anchor
        // or entry committed meanwhile is simply not part of this check (never reported as tampering).
        Optional<AnchorWitness.Last> witness = keyring.witness().read();
        Long newestAnchor = em.createQuery("select max(a.id) from AuditAnchor a", Long.class).getSingleResult();
        AuditHead head = em.find(AuditHead.class, 1);
        ChainVerifier walk = new ChainVerifier(keyring.seal(), anchors(newestAnchor == null ? 0 : newestAnchor),
                witness);
        long after = 0;
        List<ChainLink> page;
        do {
            page = em.createQuery("select new org.jiliang.lims.audit.ChainLink(e.sequence, e.recordedAt, e.actor, "
                    + "e.action, e.recordType, e.recordId, e.jobId, e.oldValue, e.newValue, e.reason, e.previousHash, "
                    + "e.entryHash) from AuditEntry e where e.sequence > :after and e.sequence <= :head "
                    + "order by e.sequence", ChainLink.class)
                    .setParameter("after", after).setParameter("head", head.lastSequence())
                    .setMaxResults(PAGE).getResultList();
            for (ChainLink link : page) {
                if (!walk.accept(link)) {
                    return walk.finish(head.lastSequence(), head.lastHash());
                }
                after = link.sequence();
            }
        } while (page.size() == PAGE);
        return walk.finish(head.lastSequence(), head.lastHash());
    }

    /** Anchors the head now (e.g. before an inspection or an export); returns the newest anchor. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    public Optional<AnchorRecord> anchorNow() {
        return anchoring.anchorHead();
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

    /**
     * The entries the query selects, {@code first} to {@code first + max}, in sequence order: the audit page reads
     * the trail a page at a time however long it grows, and the export reads it in pages of {@link #PAGE}.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    public Paged<AuditEntryView> search(AuditQuery query, int first, int max) {
        Paged.requirePage(first, max, PAGE);
        org.jiliang.lims.platform.InputLimits.maxLength(query.record(), AuditQuery.MAX_TEXT, "field.record");
        org.jiliang.lims.platform.InputLimits.maxLength(query.actor(), AuditQuery.MAX_TEXT, "field.actor");
        org.jiliang.lims.platform.InputLimits.maxLength(query.action(), AuditQuery.MAX_TEXT, "field.action");
        StringBuilder where = new StringBuilder("from AuditEntry e where 1 = 1");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        String record = AuditQuery.blankToNull(query.record());
        if (record != null) {
            // a job's number names the job's whole history; otherwise the record's type or id
            where.append(" and (lower(e.recordId) like :record or lower(e.recordType) like :record"
                    + " or e.jobId in (select j.id from VerificationJob j where j.jobNumber = :number))");
            parameters.put("record", org.jiliang.lims.platform.LikePattern.containing(record));
            parameters.put("number", record);
        }
        String actor = AuditQuery.blankToNull(query.actor());
        if (actor != null) {
            where.append(" and e.actor = :actor");
            parameters.put("actor", actor);
        }
        String action = AuditQuery.blankToNull(query.action());
        if (action != null) {
            where.append(action.endsWith(".") ? " and e.action like :action" : " and e.action = :action");
            parameters.put("action", action.endsWith(".") ? org.jiliang.lims.platform.LikePattern.literal(action) + "%"
                    : action);
        }
        if (query.from() != null) {
            where.append(" and e.recordedAt >= :from");
            parameters.put("from", query.from().atStartOfDay(ClockProducer.INSTITUTE_ZONE).toInstant());
        }
        if (query.to() != null) {
            where.append(" and e.recordedAt < :to");
            parameters.put("to", query.to().plusDays(1).atStartOfDay(ClockProducer.INSTITUTE_ZONE).toInstant());
        }
        return Paged.query(em, AuditEntry.class, "e", "e", where.toString(), parameters,
                "e.sequence" + (query.newestFirst() ? " desc" : ""), first, max, AuditService::view);
    }

    /** The events recorded so far, for the page's choice of event. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    public List<String> actions() {
        return em.createQuery("select distinct e.action from AuditEntry e order by e.action", String.class)
                .getResultList();
    }

    /** The anchors up to the given id, in sequence order, read a page at a time (keyset on sequence, id). */
    private Iterator<AnchorRecord> anchors(long upToId) {
        return new Iterator<>() {
            private List<AnchorRecord> page = List.of();
            private int next;
            private boolean exhausted;
            private long afterSequence = Long.MIN_VALUE;
            private long afterId = Long.MIN_VALUE;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                page = em.createQuery("select new org.jiliang.lims.audit.AnchorRecord(a.id, a.sequence, a.entryHash, "
                        + "a.anchoredAt, a.keyId, a.mac) from AuditAnchor a where a.id <= :upTo and (a.sequence > :s "
                        + "or (a.sequence = :s and a.id > :id)) order by a.sequence, a.id", AnchorRecord.class)
                        .setParameter("upTo", upToId).setParameter("s", afterSequence).setParameter("id", afterId)
                        .setMaxResults(PAGE).getResultList();
                next = 0;
                exhausted = page.size() < PAGE;
                return !page.isEmpty();
            }

            @Override
            public AnchorRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AnchorRecord a = page.get(next++);
                afterSequence = a.sequence();
                afterId = a.id();
                return a;
            }
        };
    }

    private static AuditEntryView view(AuditEntry e) {
        return new AuditEntryView(e.sequence(), LocalDateTime.ofInstant(e.recordedAt(), ClockProducer.INSTITUTE_ZONE),
                e.actor(), e.action(), e.recordType(), e.recordId(), e.oldValue(), e.newValue(), e.reason());
    }
}
