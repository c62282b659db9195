package org.jiliang.lims.schedule;

import org.jiliang.lims.notice.CustomerMessages;
import org.jiliang.lims.notice.NoticeKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.platform.MailState;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.InstrumentUnderTest;

/**
 * Gives the notices of one kind for a day: every instrument in service, in a category under legal control, whose
 * due date lies in the kind's range for the day ({@link RecallKind#earliestDue}, {@link RecallKind#latestDue}) and that has no notice of that kind for this due
 * date yet. The notices of an owner go into the owner's letter of that kind and day. The unique key of
 * recall_notice (instrument, due date, kind) makes a second run give nothing twice even if two ran at once (the
 * second one's transaction fails and it gives nothing).
 */
@Stateless
@PermitAll // internal: called by RecallRun, which checks who runs it
public class RecallPlanning {

    /** Instruments read and given notices per round. */
    static final int BATCH = 1000;

    /** How many notices were given and in how many new letters. */
    public record Given(int notices, int letters) {
    }

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private org.jiliang.lims.audit.AuditTrail audit;
    @Inject
    private CustomerMessages messages;

    /** What a run did, in the audit trail (a transaction of its own: the run itself has none). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRun(String actor, LocalDate day, String what) {
        audit.record(new org.jiliang.lims.audit.AuditEvent(actor, "recall.run", "RecallRun", day.toString(), null,
                null, what, null));
    }

    /**
     * Gives at most {@value #BATCH} notices of the kind for one category on the day, in a transaction of its own
     * (a first run after a large import commits as it goes, and never outlives the transaction timeout); the caller
     * repeats until a batch gives none.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Given giveBatch(RecallKind kind, LocalDate day, CategoryView c) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("category", c.code());
        parameters.put("latest", kind.latestDue(day, c.recallDays()));
        String window = "i.legalCategory = :category and i.nextDueDate <= :latest";
        LocalDate earliest = kind.earliestDue(day, c.recallDays());
        if (earliest != null) {
            window += " and i.nextDueDate >= :earliest";
            parameters.put("earliest", earliest);
        }
        return give(kind, day, window, parameters);
    }

    /**
     * One batch: no order asked for, so that the database reads the category's window on its index (category,
     * status, due date) and stops at the batch's size; the next batch finds the rest, as these have their notices.
     */
    private Given give(RecallKind kind, LocalDate day, String window, Map<String, Object> parameters) {
        Map<Long, RecallLetter> letters = new HashMap<>();
        java.util.Set<Long> wantMail = new java.util.HashSet<>();
        int notices = 0;
        int created = 0;
        var query = em.createQuery("select i from InstrumentUnderTest i join fetch i.customer"
                + " where i.status = :inService and " + window + " and not exists (select n.id from RecallNotice n"
                + " where n.instrument = i and n.dueDate = i.nextDueDate and n.kind = :kind)",
                InstrumentUnderTest.class)
                .setParameter("inService", InstrumentStatus.IN_SERVICE).setParameter("kind", kind)
                .setMaxResults(BATCH);
        parameters.forEach(query::setParameter);
        List<InstrumentUnderTest> batch = query.getResultList();
        if (!batch.isEmpty()) {
            // the owners' letters of the day and kind that have not gone out, found in one query for the batch
            List<Long> owners = batch.stream().map(i -> i.customer().id()).distinct().toList();
            wantMail.addAll(messages.owners(owners, NoticeKind.RECALL));
            em.createQuery("select l from RecallLetter l where l.owner.id in :owners and l.kind = :k"
                            + " and l.runDay = :d and l.mail.state in :waiting", RecallLetter.class)
                    .setParameter("owners", owners).setParameter("k", kind).setParameter("d", day)
                    .setParameter("waiting", List.of(MailState.PENDING, MailState.NO_ADDRESS, MailState.NOT_WANTED))
                    .getResultStream()
                    // a letter still waiting for its e-mail; for an owner without an address, the addressless one;
                    // for an owner who wants no e-mail, the one not mailed
                    .filter(l -> l.mailState() == (l.owner().contactEmail() == null ? MailState.NO_ADDRESS
                            : wantMail.contains(l.owner().id()) ? MailState.PENDING : MailState.NOT_WANTED))
                    .forEach(l -> letters.putIfAbsent(l.owner().id(), l));
        }
        for (InstrumentUnderTest i : batch) {
            Customer owner = i.customer();
            RecallLetter letter = letters.get(owner.id());
            if (letter == null) {
                // none waiting: a letter of its own (the morning's went out already, or this is the first)
                letter = new RecallLetter(owner, kind, day, clock.instant(), wantMail.contains(owner.id()));
                em.persist(letter);
                created++;
                letters.put(owner.id(), letter);
            }
            em.persist(new RecallNotice(i, i.nextDueDate(), kind, letter));
            letter.add(1);
            notices++;
        }
        em.flush();
        return new Given(notices, created);
    }
}
