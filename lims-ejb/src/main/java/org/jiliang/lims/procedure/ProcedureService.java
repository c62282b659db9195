package org.jiliang.lims.procedure;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import org.jiliang.lims.platform.RefusedException;

/** Finds the edition of a procedure in force on a day. */
@Stateless
@PermitAll // internal: jobs look up their procedure; editing procedures is an administrator feature to come
public class ProcedureService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    public ProcedureVersion inForce(String code, LocalDate day) {
        return em.createQuery("select p from ProcedureVersion p where p.code = :c and p.effectiveFrom <= :d "
                        + "order by p.effectiveFrom desc", ProcedureVersion.class)
                .setParameter("c", code).setParameter("d", day).setMaxResults(1)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.procedure.notInForce", code, day));
    }
}
