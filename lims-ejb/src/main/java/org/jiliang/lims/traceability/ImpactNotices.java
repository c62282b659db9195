package org.jiliang.lims.traceability;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.platform.Institute;
import org.jiliang.lims.platform.MailQueue;
import org.jiliang.lims.platform.MailState;
import org.jiliang.lims.platform.Mailer;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.RegistryCaller;
import org.jiliang.lims.standard.check.StandardCase;

/**
 * The owners' impact notices: written when a case closes, e-mailed (each state change a transaction of its own),
 * read in the portal. An owner's user sees their own owner's notices only; another's does not exist for them (404).
 */
@Stateless
@LocalBean // its own view, for the pages, beside the outbox it is to the delivery
public class ImpactNotices implements Mailer.Outbox {

    public static final int MAX_PAGE = 1000;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private AuditTrail audit;
    @Inject
    private RegistryCaller caller;

    /** A notice as the portal and the staff read it. */
    public record NoticeView(long id, long caseId, String ownerCode, String ownerName, String standard,
            Instant createdAt, int certificates, String subject, String body, MailState mailState, String mailError,
            Instant mailedAt) {

        static NoticeView of(ImpactNotice n) {
            return new NoticeView(n.id(), n.standardCase().id(), n.owner().code(), n.owner().name(),
                    n.standardCase().standard().code(), n.createdAt(), n.certificates(), n.subject(), n.body(),
                    n.mailState(), n.mailError(), n.mailedAt());
        }
    }

    /** Writes the notice of one owner's affected certificates (in the closing transaction). */
    @PermitAll // internal: called by ImpactCases.close
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ImpactNotice give(StandardCase c, Customer owner, List<ImpactAssessment> affected) {
        Institute institute = em.createQuery("select i from Institute i", Institute.class).setMaxResults(1)
                .getSingleResult();
        String standard = c.standard().code() + " " + c.standard().name();
        StringBuilder body = new StringBuilder();
        for (Locale locale : new Locale[] {Messages.DEFAULT_LOCALE, Locale.ENGLISH}) {
            body.append(Messages.format(locale, "impact.notice.body", owner.name(), standard, c.suspectSince(),
                    affected.size())).append("\n\n");
            int shown = 0;
            for (ImpactAssessment a : affected) {
                if (shown++ == ImpactCases.MAX_NOTICE_LINES) {
                    body.append("  ").append(Messages.format(locale, "impact.notice.more",
                            affected.size() - ImpactCases.MAX_NOTICE_LINES)).append('\n');
                    break;
                }
                var job = a.certificate().job();
                body.append("  - ").append(Messages.format(locale, "impact.notice.line", a.certificate().number(),
                        job.instrument().description(), job.instrument().serialNumber(),
                        Messages.format(locale, "impact.decision." + a.decision()), a.reason())).append('\n');
            }
            body.append('\n').append(Messages.format(locale, "impact.notice.closing",
                    locale == Messages.DEFAULT_LOCALE ? institute.nameZh() : institute.nameEn())).append("\n\n");
        }
        String subject = Messages.format(Messages.DEFAULT_LOCALE, "impact.notice.subject", owner.name(),
                c.standard().code()) + " / " + Messages.format(Locale.ENGLISH, "impact.notice.subject", owner.name(),
                c.standard().code());
        ImpactNotice n = new ImpactNotice(c, owner, clock.instant(), affected.size(), subject, body.toString());
        em.persist(n);
        em.flush();
        return n;
    }

    /** The notices of a case, by owner. */
    @PermitAll // internal: ImpactCases.detail, whose callers are staff
    public List<NoticeView> ofCase(StandardCase c) {
        return em.createQuery("select n from ImpactNotice n join fetch n.owner where n.standardCase = :c"
                + " order by n.id", ImpactNotice.class).setParameter("c", c).getResultStream()
                .map(NoticeView::of).toList();
    }

    /** The notices, newest first: an owner's user gets their own owner's only. */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTAKE_CLERK, Roles.QUALITY_MANAGER, Roles.CUSTOMER})
    public Paged<NoticeView> page(int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        Customer own = caller.customer();
        Map<String, Object> parameters = new HashMap<>();
        String from = "from ImpactNotice n join n.owner c";
        if (own != null) {
            from += " where c.id = :own";
            parameters.put("own", own.id());
        }
        return Paged.query(em, ImpactNotice.class, "n", "n", from, parameters, "n.id desc", first, max,
                NoticeView::of);
    }

    /** One notice; another owner's: not found. */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTAKE_CLERK, Roles.QUALITY_MANAGER, Roles.CUSTOMER})
    public NoticeView notice(long id) {
        ImpactNotice n = em.find(ImpactNotice.class, id);
        Customer own = caller.customer();
        if (n == null || own != null && !own.id().equals(n.owner().id())) {
            throw new RefusedException("error.impact.notFound", id);
        }
        return NoticeView.of(n);
    }

    /** Marks at most {@code max} notices waiting for their e-mail SENDING, after notice {@code after}. */
    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<Long, Mailer.Mail> claim(long after, int max) {
        Map<Long, Mailer.Mail> mails = new LinkedHashMap<>();
        for (ImpactNotice n : queue().claim(after, max)) {
            mails.put(n.id(), new Mailer.Mail(n.email(), n.subject(), n.body()));
        }
        return mails;
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(List<Long> ids) {
        for (ImpactNotice n : queue().sent(ids, clock.instant())) {
            audit.record(new AuditEvent("system (impact mail)", "impact.mailed", "ImpactNotice",
                    Long.toString(n.id()), null, null, n.owner().code() + " <" + n.email() + ">", null));
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
        ImpactNotice n = queue().failed(id, reason);
        audit.record(new AuditEvent("system (impact mail)", "impact.mailFailed", "ImpactNotice", Long.toString(id),
                null, null, n.owner().code() + " <" + n.email() + ">, attempt " + n.mailAttempts() + ": "
                        + n.mailError(), null));
    }

    private MailQueue<ImpactNotice> queue() {
        return new MailQueue<>(em, ImpactNotice.class, "owner");
    }
}
