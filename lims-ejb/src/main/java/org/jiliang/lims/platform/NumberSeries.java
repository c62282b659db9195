package org.jiliang.lims.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Hands out consecutive numbers per series and year inside the caller's transaction, so a
 * rolled-back issue does not burn a certificate number. The counter row of a new year is created in a
 * transaction of its own: when two first numbers of a year are asked for at once, one creates it, the other's
 * insert fails on the key, and both then take their number from the same row under its lock. A row of the same table
 * also serves as a lock for work that must not run twice at once ({@link #lock}); its number is never taken.
 */
@Stateless
@PermitAll // internal: called by other services and startup beans, which check roles themselves
public class NumberSeries {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private NumberCounters counters;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long next(String series, int year) {
        return lockedRow(series + "-" + year).take();
    }

    /**
     * Holds the row of {@code key} under a write lock until the caller's transaction ends (made on first use): work
     * that must not run twice at once (a check, then a write that the check allows) takes it first, and a second caller
     * waits until the first has committed, then sees what it wrote.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lock(String key) {
        lockedRow(key);
    }

    private NumberCounter lockedRow(String key) {
        NumberCounter counter = em.find(NumberCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            EJBException failure = null;
            try {
                counters.create(key);
            } catch (EJBException e) {
                failure = e; // another transaction created the row at the same moment, if the row is there now
            }
            counter = em.find(NumberCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (counter == null) {
                throw failure != null ? failure : new IllegalStateException("Counter " + key + " was not created");
            }
        }
        return counter;
    }
}
