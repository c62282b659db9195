package org.jiliang.lims.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
}
