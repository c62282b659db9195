package org.jiliang.lims.schedule;

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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.platform.MailQueue;
import org.jiliang.lims.platform.MailState;
import org.jiliang.lims.platform.Mailer;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.RegistryCaller;

/**
 * Recall letters: their delivery states (each change a transaction of its own) and what the portal and the staff
 * read of them. An owner's user sees the letters of their own owner only; a letter of another owner does not
 * exist for them (404).
 */
@Stateless
@LocalBean // its own view, for the pages, beside the outbox it is to the delivery
public class RecallLetters implements Mailer.Outbox {

    public static final int MAX_PAGE = 1000;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private AuditTrail audit;
    @Inject
    private RegistryCaller caller;

    /** One instrument of a letter. */
    public record Line(long instrumentId, String description, String manufacturer, String model, String serialNumber,
            String assetNumber, String site, LocalDate dueDate) {
    }

    /** A letter as the portal and the staff read it. */
    public record LetterView(long id, String ownerCode, String ownerName, RecallKind kind, LocalDate runDay,
            int instruments, MailState mailState, String mailError, Instant mailedAt, Instant readAt,
            List<Line> lines) {
    }

    /** Letters handed to the mail server whose outcome was never recorded (a crash in between). */
    @PermitAll
    public int uncertain() {
        return em.createQuery("select count(l) from RecallLetter l where l.mail.state = :s", Long.class)
                .setParameter("s", MailState.SENDING).getSingleResult().intValue();
    }

    /**
     * Marks at most {@code max} letters waiting for their e-mail SENDING, after letter {@code after}, and returns their
     * messages by letter id ({@link MailQueue#claim}: a second delivery at the same time sends none of them).
     */
    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<Long, Mailer.Mail> claim(long after, int max) {
        List<RecallLetter> batch = queue().claim(after, max);
        Map<Long, Mailer.Mail> mails = new java.util.LinkedHashMap<>();
        if (batch.isEmpty()) {
            return mails;
        }
        Map<Long, List<Line>> lines = lines(batch.stream().map(RecallLetter::id).toList());
        org.jiliang.lims.platform.Institute institute = institute();
        for (RecallLetter l : batch) {
            List<Line> own = lines.getOrDefault(l.id(), List.of());
            mails.put(l.id(), new Mailer.Mail(l.email(), RecallText.subject(l.kind(), l.owner().name()),
                    RecallText.body(l.kind(), l.owner().name(), l.runDay(), own, institute)));
        }
        return mails;
    }

    /** The letters' e-mails were handed to the mail server: SENT, each in the audit trail. */
    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(List<Long> ids) {
        for (RecallLetter l : queue().sent(ids, clock.instant())) {
            audit.record(new AuditEvent("system (recall mail)", "recall.mailed", "RecallLetter",
                    Long.toString(l.id()), null, null, l.kind() + " to " + l.owner().code() + " <" + l.email()
                            + ">, " + l.instruments() + " instruments", null));
        }
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void notTried(List<Long> ids, String reason) {
        queue().notTried(ids, reason);
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String reason) {
        RecallLetter l = queue().failed(id, reason);
        audit.record(new AuditEvent("system (recall mail)", "recall.mailFailed", "RecallLetter", Long.toString(id),
                null, null, l.kind() + " to " + l.owner().code() + " <" + l.email() + ">, attempt "
                        + l.mailAttempts() + ": " + l.mailError(), null));
    }

    private MailQueue<RecallLetter> queue() {
        return new MailQueue<>(em, RecallLetter.class, "owner");
    }

    /** The letters, newest first: an owner's user gets their own owner's only. */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTAKE_CLERK, Roles.QUALITY_MANAGER, Roles.CUSTOMER})
    public Paged<LetterView> page(int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        Customer own = caller.customer();
        Map<String, Object> parameters = new HashMap<>();
        String from = "from RecallLetter l join l.owner c";
        if (own != null) {
            from += " where c.id = :own";
            parameters.put("own", own.id());
        }
        return Paged.query(em, RecallLetter.class, "l", "l", from, parameters, "l.id desc", first, max,
                l -> view(l, List.of()));
    }

    /**
     * One letter with its instruments; an owner's user reading their own letter marks it read (the portal
     * notification). Another owner's letter: not found.
     */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTAKE_CLERK, Roles.QUALITY_MANAGER, Roles.CUSTOMER})
    public LetterView letter(long id) {
        RecallLetter l = readable(id);
        if (caller.customer() != null) {
            l.read(clock.instant());
        }
        return view(l, lines(l));
    }

    /** The printable letter (PDF) of a letter the caller may read, with every instrument of it. */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTAKE_CLERK, Roles.QUALITY_MANAGER, Roles.CUSTOMER})
    public byte[] pdf(long id) {
        RecallLetter l = readable(id);
        return org.jiliang.lims.certificate.Letters.pdf(RecallText.letter(l.kind(), l.owner().name(), l.owner().address(),
                l.runDay(), lines(l), institute()));
    }

    private RecallLetter readable(long id) {
        RecallLetter l = em.find(RecallLetter.class, id);
        Customer own = caller.customer();
        if (l == null || own != null && !own.id().equals(l.owner().id())) {
            throw new RefusedException("error.recall.notFound", id);
        }
        return l;
    }

    private org.jiliang.lims.platform.Institute institute() {
        return em.createQuery("select i from Institute i", org.jiliang.lims.platform.Institute.class).setMaxResults(1)
                .getSingleResult();
    }

    private List<Line> lines(RecallLetter l) {
        return lines(List.of(l.id())).getOrDefault(l.id(), List.of());
    }

    /** The letters' instruments by letter, in instrument order, in one query. */
    private Map<Long, List<Line>> lines(List<Long> letters) {
        Map<Long, List<Line>> lines = new HashMap<>();
        em.createQuery("select n.letter.id, n.dueDate, i, s from RecallNotice n join n.instrument i"
                        + " left join i.site s where n.letter.id in :letters order by i.id", Object[].class)
                .setParameter("letters", letters).getResultStream().forEach(r -> {
                    InstrumentUnderTest i = (InstrumentUnderTest) r[2];
                    org.jiliang.lims.registry.OwnerSite site = (org.jiliang.lims.registry.OwnerSite) r[3];
                    lines.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>()).add(new Line(i.id(),
                            i.description(), i.manufacturer(), i.model(), i.serialNumber(), i.assetNumber(),
                            site == null ? i.location() : site.name(), (LocalDate) r[1]));
                });
        return lines;
    }

    private static LetterView view(RecallLetter l, List<Line> lines) {
        return new LetterView(l.id(), l.owner().code(), l.owner().name(), l.kind(), l.runDay(), l.instruments(),
                l.mailState(), l.mailError(), l.mailedAt(), l.readAt(), lines);
    }
}
