package org.jiliang.lims.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.platform.Roles;

/** Customers and their instruments. Customers see only their own instruments. */
@Stateless
public class RegistryService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private RegistryCaller caller;

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK, Roles.ADMINISTRATOR, Roles.CUSTOMER})
    public List<InstrumentView> instruments() {
        Customer customer = caller.customer();
        if (customer != null) {
            // JPA allows no alias on a fetch join (Hibernate 6 refuses the query): filter by the path instead
            return em.createQuery("select i from InstrumentUnderTest i join fetch i.customer "
                            + "where i.customer.id = :c order by i.id", InstrumentUnderTest.class)
                    .setParameter("c", customer.id())
                    .getResultStream().map(InstrumentView::of).toList();
        }
        return em.createQuery("select i from InstrumentUnderTest i join fetch i.customer order by i.id",
                        InstrumentUnderTest.class)
                .getResultStream().map(InstrumentView::of).toList();
    }

    /** One verification in an instrument's history, newest first. */
    public record VerificationView(LocalDate verifiedOn, boolean passed, String certificate, LocalDate closedDue,
            LocalDate openedDue) {
    }

    /**
     * An instrument's verifications as the register knows them (issue 12): ours, those recorded from other bodies,
     * the one it was registered with. An owner's user sees only their own instruments' (another's: not found).
     */
    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK, Roles.ADMINISTRATOR, Roles.CUSTOMER})
    public java.util.List<VerificationView> history(long instrumentId) {
        InstrumentUnderTest i = em.find(InstrumentUnderTest.class, instrumentId);
        Customer customer = caller.customer();
        if (i == null || customer != null && !customer.id().equals(i.customer().id())) {
            throw new org.jiliang.lims.platform.RefusedException("error.instrument.notFound", instrumentId);
        }
        return em.createQuery("select v from VerificationRecord v where v.instrument = :i order by v.verifiedOn desc,"
                        + " v.id desc", VerificationRecord.class).setParameter("i", i).getResultStream()
                .map(v -> new VerificationView(v.verifiedOn(), v.passed(), v.certificate(), v.closedDue(),
                        v.openedDue())).toList();
    }
}
