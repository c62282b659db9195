package org.jiliang.lims.notice;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.platform.MailDelivery;
import org.jiliang.lims.platform.MailQueue;
import org.jiliang.lims.platform.MailState;
import org.jiliang.lims.platform.Mailer;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.RegistryCaller;

/**
 * A customer's news and their choice of what comes by e-mail (issue 14). Messages are written in the transaction of
 * what they tell (a certificate issued, a request decided), read in the portal — a customer's user their own
 * customer's only, another's does not exist for them — and e-mailed by {@link MessageDelivery} through the
 * institute's mail server, each state change a transaction of its own, as recall letters are.
 */
@Stateless
@LocalBean // its own view, for the pages, beside the outbox it is to the delivery
public class CustomerMessages implements Mailer.Outbox {

    public static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private RegistryCaller caller;
    @Inject
    private AuditTrail audit;

    /** A message as the portal shows it. */
    public record MessageView(long id, String ownerCode, NoticeKind kind, String about, String subject, String body,
            Instant createdAt, MailState mailState, Instant mailedAt) {

        static MessageView of(CustomerMessage m) {
            return new MessageView(m.id(), m.owner().code(), m.kind(), m.about(), m.subject(), m.body(),
                    m.createdAt(), m.mail().state(), m.mail().mailedAt());
        }
    }

    /** One kind and whether it comes by e-mail too. */
    public record Preference(NoticeKind kind, boolean byMail) {
    }

    /**
     * Writes a message for the owner, to be e-mailed if they want this kind by e-mail (in the caller's transaction):
     * the subject and body are the messages {@code key.subject} and {@code key.body}, in Chinese then English, each
     * formatted with the same arguments (which may differ by language, e.g. a place's name).
     */
    @PermitAll // internal: called by the services whose events the messages tell
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void give(Customer owner, NoticeKind kind, String about, String key, Function<Locale, Object[]> arguments) {
        StringBuilder subject = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (Locale locale : new Locale[] {Messages.DEFAULT_LOCALE, Locale.ENGLISH}) {
            Object[] values = arguments.apply(locale);
            subject.append(subject.isEmpty() ? "" : " / ").append(Messages.format(locale, key + ".subject", values));
            body.append(Messages.format(locale, key + ".body", values)).append("\n\n");
        }
        boolean wanted = !owners(List.of(owner.id()), kind).isEmpty();
        em.persist(new CustomerMessage(owner, kind, about, clip(subject.toString(), CustomerMessage.MAX_SUBJECT),
                clip(body.toString().strip(), CustomerMessage.MAX_BODY), clock.instant(),
                MailDelivery.to(owner.contactEmail(), wanted)));
    }

    /** Of these owners, those who want this kind by e-mail (their choice, or the kind's default). */
    @PermitAll // internal: the recall planning asks it for a batch of owners at a time
    public Set<Long> owners(Collection<Long> ownerIds, NoticeKind kind) {
        if (ownerIds.isEmpty()) {
            return Set.of();
        }
        Map<Long, Boolean> chosen = new HashMap<>();
        em.createQuery("select p.customerId, p.byMail from NoticePreference p where p.kind = :k"
                        + " and p.customerId in :owners", Object[].class)
                .setParameter("k", kind).setParameter("owners", ownerIds).getResultList()
                .forEach(row -> chosen.put((Long) row[0], (Boolean) row[1]));
        Set<Long> wanting = new HashSet<>();
        for (Long id : ownerIds) {
            if (chosen.getOrDefault(id, kind.mailedByDefault())) {
                wanting.add(id);
            }
        }
        return wanting;
    }

    /** The caller's customer's choices, one per kind. */
    @RolesAllowed(Roles.CUSTOMER)
    public List<Preference> preferences() {
        Customer own = own();
        Set<Long> one = Set.of(own.id());
        List<Preference> all = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            all.add(new Preference(kind, !owners(one, kind).isEmpty()));
        }
        return all;
    }

    /** The customer's administrator chooses whether a kind comes by e-mail too; audited. */
    @RolesAllowed(Roles.CUSTOMER_ADMINISTRATOR)
    public List<Preference> choose(NoticeKind kind, boolean byMail) {
        if (kind == null) {
            throw new RefusedException("error.notice.kind");
        }
        Customer own = own();
        NoticePreference p = em.createQuery("select p from NoticePreference p where p.customerId = :c and p.kind = :k",
                NoticePreference.class).setParameter("c", own.id()).setParameter("k", kind).getResultStream()
                .findFirst().orElseGet(() -> new NoticePreference(own.id(), kind));
        boolean before = p.byMail();
        p.choose(byMail, caller.username(), clock.instant());
        if (!em.contains(p)) {
            em.persist(p);
        }
        audit.record(new AuditEvent(caller.username(), "notice.preferenceChanged", "Customer", own.code(), null,
                kind + " by mail: " + before, kind + " by mail: " + byMail, null));
        return preferences();
    }

    /** The messages, newest first: a customer's user gets their own customer's only. */
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMINISTRATOR, Roles.INTAKE_CLERK, Roles.QUALITY_MANAGER})
    public Paged<MessageView> page(int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        Customer own = caller.customer();
        Map<String, Object> parameters = new HashMap<>();
        String from = "from CustomerMessage m join m.owner c";
        if (own != null) {
            from += " where c.id = :own";
            parameters.put("own", own.id());
        }
        return Paged.query(em, CustomerMessage.class, "m", "m", from, parameters, "m.id desc", first, max,
                MessageView::of);
    }

    /** One message; another customer's does not exist for a customer's user. */
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMINISTRATOR, Roles.INTAKE_CLERK, Roles.QUALITY_MANAGER})
    public MessageView message(long id) {
        CustomerMessage m = em.find(CustomerMessage.class, id);
        Customer own = caller.customer();
        if (m == null || own != null && !own.id().equals(m.owner().id())) {
            throw new RefusedException("error.message.notFound", String.valueOf(id));
        }
        return MessageView.of(m);
    }

    /** Marks at most {@code max} messages waiting for their e-mail SENDING, after message {@code after}. */
    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<Long, Mailer.Mail> claim(long after, int max) {
        Map<Long, Mailer.Mail> mails = new LinkedHashMap<>();
        for (CustomerMessage m : queue().claim(after, max)) {
            mails.put(m.id(), new Mailer.Mail(m.mail().email(), m.subject(), m.body()));
        }
        return mails;
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(List<Long> ids) {
        for (CustomerMessage m : queue().sent(ids, clock.instant())) {
            audit.record(new AuditEvent("system (customer mail)", "message.mailed", "CustomerMessage",
                    Long.toString(m.id()), null, null, m.owner().code() + " <" + m.mail().email() + "> " + m.about(),
                    null));
        }
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void notTried(List<Long> ids, String reason) {
        queue().notTried(ids, reason);
    }

    /** A failure is kept on the message (state, attempts, error) and tried again by the next deliveries. */
    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String reason) {
        queue().failed(id, reason);
    }

    private MailQueue<CustomerMessage> queue() {
        return new MailQueue<>(em, CustomerMessage.class, "owner");
    }

    private Customer own() {
        Customer own = caller.customer();
        if (own == null) {
            throw new RefusedException("error.notice.customersOnly");
        }
        return own;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
