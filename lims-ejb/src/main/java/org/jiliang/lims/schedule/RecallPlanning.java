package org.jiliang.lims.schedule;

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
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.LegalCatalogue;

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
    private LegalCatalogue catalogue;
    @Inject
    private Clock clock;
    @Inject
    private org.jiliang.lims.audit.AuditTrail audit;

    /** What a run did, in the audit trail (a transaction of its own: the run itself has none). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRun(String actor, LocalDate day, String what) {
        audit.record(new org.jiliang.lims.audit.AuditEvent(actor, "recall.run", "RecallRun", day.toString(), null,
                null, what, null));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Given give(RecallKind kind, LocalDate day) {
        int notices = 0;
        int newLetters = 0;
        Map<Long, RecallLetter> letters = new HashMap<>();
        // each category its own recall window; the due and overdue notices do not depend on it
        for (CategoryView c : catalogue.inForce(day)) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("category", c.code());
            parameters.put("latest", kind.latestDue(day, c.recallDays()));
            String window = "i.legalCategory = :category and i.nextDueDate <= :latest";
            LocalDate earliest = kind.earliestDue(day, c.recallDays());
            if (earliest != null) {
                window += " and i.nextDueDate >= :earliest";
                parameters.put("earliest", earliest);
            }
            Given g = give(kind, day, window, parameters, letters);
            notices += g.notices();
            newLetters += g.letters();
        }
        return new Given(notices, newLetters);
    }

    private Given give(RecallKind kind, LocalDate day, String window, Map<String, Object> parameters,
            Map<Long, RecallLetter> letters) {
        int notices = 0;
        int created = 0;
        while (true) {
            var query = em.createQuery("select i from InstrumentUnderTest i join fetch i.customer"
                    + " where i.status = :inService and " + window + " and not exists (select n.id from RecallNotice n"
                    + " where n.instrument = i and n.dueDate = i.nextDueDate and n.kind = :kind) order by i.id",
                    InstrumentUnderTest.class)
                    .setParameter("inService", InstrumentStatus.IN_SERVICE).setParameter("kind", kind)
                    .setMaxResults(BATCH);
            parameters.forEach(query::setParameter);
            List<InstrumentUnderTest> batch = query.getResultList();
            if (batch.isEmpty()) {
                return new Given(notices, created);
            }
            for (InstrumentUnderTest i : batch) {
                Customer owner = i.customer();
                RecallLetter letter = letters.get(owner.id());
                if (letter == null) {
                    letter = em.createQuery("select l from RecallLetter l where l.owner = :o and l.kind = :k"
                                    + " and l.runDay = :d", RecallLetter.class)
                            .setParameter("o", owner).setParameter("k", kind).setParameter("d", day)
                            .getResultStream().findFirst().orElse(null);
                    if (letter == null) {
                        letter = new RecallLetter(owner, kind, day, clock.instant());
                        em.persist(letter);
                        created++;
                    }
                    letters.put(owner.id(), letter);
                }
                em.persist(new RecallNotice(i, i.nextDueDate(), kind, letter));
                letter.add(1);
                notices++;
            }
            em.flush();
            // a first run after a large import gives many notices: keep the persistence context small
            em.clear();
            letters.clear();
        }
    }
}
