package org.jiliang.lims.personnel;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;

/** Checks that a person holds a valid authorization for an activity under a procedure on a day. */
@Stateless
@PermitAll // internal: the job and certificate services call it before each regulated act
public class AuthorizationService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    public Authorization require(UserAccount who, String procedureCode, Activity activity, LocalDate day) {
        List<Authorization> grants = em.createQuery("select a from Authorization a where a.account = :who "
                        + "and a.procedureCode = :p and a.activity = :act", Authorization.class)
                .setParameter("who", who).setParameter("p", procedureCode).setParameter("act", activity)
                .getResultList();
        return grants.stream().filter(g -> g.validOn(day)).findFirst().orElseThrow(() -> {
            if (grants.isEmpty()) {
                return new RefusedException("error.authorization.missing", who.displayName(), activity.name(),
                        procedureCode);
            }
            Authorization last = grants.stream().max(java.util.Comparator.comparing(Authorization::validUntil))
                    .orElseThrow();
            return last.withdrawnFrom() != null && !day.isBefore(last.withdrawnFrom())
                    ? new RefusedException("error.authorization.withdrawn", who.displayName(), activity.name(),
                            procedureCode, last.withdrawnFrom())
                    : new RefusedException("error.authorization.expired", who.displayName(), activity.name(),
                            procedureCode, last.validUntil());
        });
    }

    /** Everyone who holds a valid authorization for the activity under the procedure on the day, by name. */
    public List<AccountView> holders(String procedureCode, Activity activity, LocalDate day) {
        return em.createQuery("select a from Authorization a join fetch a.account where a.procedureCode = :p "
                        + "and a.activity = :act", Authorization.class)
                .setParameter("p", procedureCode).setParameter("act", activity).getResultStream()
                .filter(g -> g.validOn(day)).map(g -> g.account()).distinct()
                .map(u -> new AccountView(u.username(), u.displayName(), u.roles(), null))
                .sorted(java.util.Comparator.comparing(AccountView::username)).toList();
    }
}
