package org.jiliang.lims.standard;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.personnel.Roles;

/** The register of measurement standards with their status computed for today. */
@Stateless
public class StandardService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private Clock clock;

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<StandardView> standards() {
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("select s from MeasurementStandard s order by s.dueDate", MeasurementStandard.class)
                .getResultStream().map(s -> StandardView.of(s, today)).toList();
    }

    @PermitAll
    public Optional<MeasurementStandard> findByCode(String code) {
        return em.createQuery("select s from MeasurementStandard s where s.code = :c", MeasurementStandard.class)
                .setParameter("c", code).getResultStream().findFirst();
    }
}
