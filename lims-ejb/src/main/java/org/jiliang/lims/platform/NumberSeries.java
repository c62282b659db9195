package org.jiliang.lims.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Hands out consecutive numbers per series and year inside the caller's transaction, so a
 * rolled-back issue does not burn a certificate number.
 */
@Stateless
@PermitAll // internal: called by other services and startup beans, which check roles themselves
public class NumberSeries {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long next(String series, int year) {
        String key = series + "-" + year;
        NumberCounter counter = em.find(NumberCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new NumberCounter(key);
            em.persist(counter);
        }
        return counter.take();
    }
}
