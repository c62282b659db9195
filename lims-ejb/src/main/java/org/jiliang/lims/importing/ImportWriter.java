package org.jiliang.lims.importing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.DuePlanner;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.OwnerSite;

/**
 * Writes a confirmed import in one transaction: the file is read and checked again (the register may have changed
 * since the preview; any problem now and nothing is written), then its new owners, sites and instruments are
 * registered, the due date of each derived from its last verification, with one audit entry for the file. A
 * cancel request is honoured between rows by rolling everything back.
 */
@Stateless
@PermitAll // internal: called by ImportWorker for a confirmed import
public class ImportWriter {

    /** Rows between flushes (and between looks at the cancel flag). */
    static final int FLUSH_EVERY = 500;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @EJB
    private RegisterSnapshot snapshot;
    @EJB
    private ImportProgress progress;
    @Inject
    private DuePlanner planner;
    @Inject
    private AuditTrail audit;
    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int write(long id, String actor) {
        ImportBatch batch = em.find(ImportBatch.class, id);
        List<SheetRow> rows = SheetReader.read(batch.fileName(), batch.content());
        ImportPlan.Result plan = ImportPlan.check(rows, snapshot.of(ImportPlan.names(rows)));
        if (!plan.problems().isEmpty()) {
            Problem first = plan.problems().get(0);
            throw new ImportCancelled(ImportState.FAILED, "the register changed since the preview: "
                    + plan.problems().size() + " problems now, the first on row " + first.row() + " (" + first.key()
                    + " " + first.arguments() + "); preview the file again");
        }
        DuePlanner.Catalogue plans = planner.catalogue();
        Map<String, Long> owners = new HashMap<>();
        Map<String, Long> sites = new HashMap<>();
        int ownersCreated = 0;
        int sitesCreated = 0;
        int written = 0;
        for (ImportPlan.NewRow r : plan.newRows()) {
            Long ownerId = owners.get(r.ownerCode());
            if (ownerId == null) {
                Customer owner = em.createQuery("select c from Customer c where c.code = :c", Customer.class)
                        .setParameter("c", r.ownerCode()).getResultStream().findFirst().orElse(null);
                if (owner == null) {
                    owner = new Customer(r.ownerCode(), r.ownerName(), r.ownerAddress(), r.ownerEmail());
                    owner.locateIn(r.ownerDistrict());
                    em.persist(owner);
                    em.flush();
                    ownersCreated++;
                }
                ownerId = owner.id();
                owners.put(r.ownerCode(), ownerId);
            }
            Customer owner = em.getReference(Customer.class, ownerId);
            OwnerSite site = null;
            if (r.site() != null) {
                String key = r.ownerCode() + "\u001f" + r.site();
                Long siteId = sites.get(key);
                if (siteId == null) {
                    site = em.createQuery("select s from OwnerSite s where s.owner.id = :o and s.name = :n",
                            OwnerSite.class).setParameter("o", ownerId).setParameter("n", r.site()).getResultStream()
                            .findFirst().orElse(null);
                    if (site == null) {
                        site = new OwnerSite(owner, r.site(), null, r.siteDistrict());
                        em.persist(site);
                        em.flush();
                        sitesCreated++;
                    }
                    sites.put(key, site.id());
                } else {
                    site = em.getReference(OwnerSite.class, siteId);
                }
            }
            InstrumentUnderTest instrument = r.scale() != null
                    ? new InstrumentUnderTest(owner, r.category().nameZh(), r.description(), r.manufacturer(),
                            r.model(), r.serialNumber(), r.scale(), r.category().mandatoryVerification(),
                            r.intervalMonths(), null)
                    : InstrumentUnderTest.registered(owner, r.category().nameZh(), r.description(), r.manufacturer(),
                            r.model(), r.serialNumber(), r.category().mandatoryVerification(), r.intervalMonths(),
                            null);
            instrument.placeInRegister(r.category().code(), r.assetNumber(), site);
            if (r.lastVerifiedOn() != null) {
                planner.passed(instrument, r.lastVerifiedOn(), r.lastCertificate(), plans); // stores it planned
            } else {
                em.persist(instrument);
            }
            written++;
            if (written % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
                progress.done(id, written);
                if (progress.cancelRequested(id)) {
                    throw new ImportCancelled(ImportState.CANCELLED, "cancelled after " + written + " of "
                            + plan.newRows().size() + " rows had been read; nothing was registered");
                }
            }
        }
        em.flush();
        if (progress.cancelRequested(id)) {
            throw new ImportCancelled(ImportState.CANCELLED, "cancelled at the end; nothing was registered");
        }
        progress.done(id, written);
        batch = em.find(ImportBatch.class, id);
        String outcome = written + " instruments registered (" + ownersCreated + " new owners, " + sitesCreated
                + " new sites), " + plan.unchanged() + " rows already registered and left unchanged";
        batch.finished(ImportState.DONE, clock.instant(), outcome);
        audit.record(new AuditEvent(actor, "register.imported", "ImportBatch", Long.toString(id), null, null,
                batch.fileName() + " sha256 " + batch.sha256() + ": " + outcome, null));
        return written;
    }
}
