package org.jiliang.lims.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Creates the counter row of a new series or year, committed at once (see {@link NumberSeries}). */
@Stateless
@PermitAll // internal: called by NumberSeries only
public class NumberCounters {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String key) {
        em.persist(new NumberCounter(key));
        em.flush();
    }
}
