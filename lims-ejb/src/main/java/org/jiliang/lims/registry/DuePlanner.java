package org.jiliang.lims.registry;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;

/**
 * Writes what {@link DuePlan} derives into the register: after a certificate, after a verification recorded from
 * before the system, and for every open cycle of a category when a new catalogue edition arrives. The only writer
 * of an instrument's due date.
 */
@Stateless
@PermitAll // internal: called by the certificate desk, the register and the catalogue, which check roles themselves
public class DuePlanner {

    /** Instruments re-planned per transaction-sized batch. */
    static final int BATCH = 500;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private AuditTrail audit;
    @Inject
    private jakarta.enterprise.inject.Instance<InstrumentKind> kinds;

    /** The plan a verification passed on the day would give the instrument; none for a kind examined once. */
    public DuePlan.Planned plan(InstrumentUnderTest instrument, LocalDate verifiedOn) {
        if (!periodic(instrument)) {
            return new DuePlan.Planned(null, null);
        }
        List<CategoryEdition> editions = instrument.legalCategory() == null ? List.of()
                : catalogue.plans().getOrDefault(instrument.legalCategory(), List.of());
        return DuePlan.next(verifiedOn, instrument.intervalMonths(), editions);
    }

    /**
     * A verification or calibration passed on the day, stated by the certificate: a new cycle opens, and the
     * verification is kept in the instrument's history (the instrument must be persistent).
     */
    public void passed(InstrumentUnderTest instrument, LocalDate on, String certificate) {
        passed(instrument, on, certificate, catalogue());
    }

    /** What planning needs of the catalogue, read once for many instruments (an import, the demo). */
    public record Catalogue(java.util.Map<String, List<CategoryEdition>> editions, java.util.Set<String> mandatory) {
    }

    public Catalogue catalogue() {
        return new Catalogue(catalogue.plans(), catalogue.mandatoryCategories());
    }

    /**
     * The same with the catalogue read once ({@link #catalogue()}). An instrument not stored yet (an import's new
     * row) is stored here with its plan, one insert rather than an insert and an update.
     */
    public void passed(InstrumentUnderTest instrument, LocalDate on, String certificate, Catalogue read) {
        List<CategoryEdition> editions = instrument.legalCategory() == null ? List.of()
                : read.editions().getOrDefault(instrument.legalCategory(), List.of());
        LocalDate closed = instrument.nextDueDate();
        instrument.verified(on, certificate, periodic(instrument) ? DuePlan.next(on, instrument.intervalMonths(),
                editions) : new DuePlan.Planned(null, null));
        if (instrument.id() == null) {
            em.persist(instrument);
        }
        em.persist(new VerificationRecord(instrument, on, true, certificate, closed, instrument.nextDueDate(),
                mandatory(instrument, read.mandatory())));
    }

    /** Whether the instrument's kind comes back for periodic work (a lot of prepackages does not). */
    private boolean periodic(InstrumentUnderTest instrument) {
        for (InstrumentKind kind : kinds) {
            if (kind.instrumentKind().equals(instrument.kind())) {
                return kind.periodic();
            }
        }
        return true;
    }

    /**
     * A notice of non-conformity on the day: the instrument may not be used until a new verification passes (no due
     * date; the last passed verification stays on record); kept in its history.
     */
    public void failed(InstrumentUnderTest instrument, LocalDate on, String notice) {
        LocalDate closed = instrument.nextDueDate();
        instrument.notPermitted(notice);
        em.persist(new VerificationRecord(instrument, on, false, notice, closed, null,
                mandatory(instrument, catalogue.mandatoryCategories())));
    }

    /**
     * Counted by 受检率: the owner uses it where verification is mandatory, and its category is under mandatory
     * verification (V or P+V) in today's catalogue.
     */
    private static boolean mandatory(InstrumentUnderTest instrument, java.util.Set<String> mandatoryCategories) {
        return instrument.mandatoryVerification() && instrument.legalCategory() != null
                && mandatoryCategories.contains(instrument.legalCategory());
    }

    /**
     * Re-plans the instruments of a category whose plan differs from what the catalogue now derives (a new
     * edition); records one audit entry with the count. Cycles already ended are left as they were, by the rule.
     */
    public int replan(String category) {
        List<CategoryEdition> editions = catalogue.plans().getOrDefault(category, List.of());
        int changed = 0;
        long after = 0;
        while (true) {
            List<InstrumentUnderTest> batch = em.createQuery("select i from InstrumentUnderTest i"
                            + " where i.legalCategory = :c and i.lastVerifiedOn is not null and i.id > :after"
                            + " order by i.id", InstrumentUnderTest.class)
                    .setParameter("c", category).setParameter("after", after).setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) {
                break;
            }
            for (InstrumentUnderTest i : batch) {
                after = i.id();
                if (i.status() != InstrumentStatus.NOT_PERMITTED && periodic(i)
                        && i.replanned(DuePlan.next(i.lastVerifiedOn(), i.intervalMonths(), editions))) {
                    changed++;
                }
            }
            em.flush();
        }
        if (changed > 0) {
            int count = changed;
            audit.record(new AuditEvent("system (due planner)", "instrument.replanned", "LegalCategory", category,
                    null, null, count + " instruments re-planned with edition "
                            + editions.get(editions.size() - 1).edition(), null));
        }
        return changed;
    }
}
