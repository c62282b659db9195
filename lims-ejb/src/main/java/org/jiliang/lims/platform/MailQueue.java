package org.jiliang.lims.platform;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The e-mails waiting in one kind of record that embeds a {@link MailDelivery} (customer messages, recall letters,
 * impact notices): the queries and state changes every {@link Mailer.Outbox} makes alike. What is each kind's own
 * stays with it: the mail's text, and what goes into the audit trail.
 *
 * @param <T> the record
 */
public final class MailQueue<T extends MailQueue.Mailed> {

    /** A record that carries an e-mail. */
    public interface Mailed {
        Long id();

        MailDelivery mail();
    }

    private final EntityManager em;
    private final Class<T> type;
    private final String from;

    /**
     * The records of {@code type} in the persistence context {@code em}, read with the associations {@code fetched}
     * (what their mails and audit entries name, the owner for one).
     */
    public MailQueue(EntityManager em, Class<T> type, String... fetched) {
        this.em = em;
        this.type = type;
        this.from = "select x from " + em.getMetamodel().entity(type).getName() + " x"
                + Arrays.stream(fetched).map(a -> " join fetch x." + a).collect(Collectors.joining());
    }

    /**
     * Marks at most {@code max} records waiting for their e-mail (pending, or failed fewer than
     * {@value MailDelivery#MAX_ATTEMPTS} times) SENDING, oldest first and after record {@code after} (a delivery tries
     * each once), flushed, and returns them. Where the record has a version, a second delivery claiming the same
     * records at the same time fails to commit its claim and sends none of them.
     */
    public List<T> claim(long after, int max) {
        List<T> batch = em.createQuery(from + " where x.id > :after and (x.mail.state = :p or (x.mail.state = :f"
                        + " and x.mail.attempts < :max)) order by x.id", type)
                .setParameter("after", after).setParameter("p", MailState.PENDING).setParameter("f", MailState.FAILED)
                .setParameter("max", MailDelivery.MAX_ATTEMPTS).setMaxResults(max).getResultList();
        batch.forEach(x -> x.mail().sending());
        em.flush();
        return batch;
    }

    /** Handed to the mail server at {@code at}: SENT. Returns the records in their order, for the audit trail. */
    public List<T> sent(List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<T> sent = em.createQuery(from + " where x.id in :ids order by x.id", type).setParameter("ids", ids)
                .getResultList();
        sent.forEach(x -> x.mail().sent(at));
        return sent;
    }

    /**
     * Claimed but not handed over: the mail server could not be reached; the attempt does not count. Only what the
     * delivery claimed and still holds: anything else is left as it is.
     */
    public void notTried(List<Long> ids, String reason) {
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery(from + " where x.id in :ids and x.mail.state = :sending", type).setParameter("ids", ids)
                .setParameter("sending", MailState.SENDING).getResultList().forEach(x -> x.mail().notTried(reason));
    }

    /** Refused by the mail server: kept on the record (state, attempts, reason), tried again by the next deliveries. */
    public T failed(long id, String reason) {
        T x = em.find(type, id);
        x.mail().failed(reason);
        return x;
    }
}
