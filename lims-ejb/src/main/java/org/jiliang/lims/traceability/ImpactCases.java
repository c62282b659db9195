package org.jiliang.lims.traceability;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.certificate.Certificate;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.LoginService;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.Mailer;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.standard.check.IntermediateChecks;
import org.jiliang.lims.standard.check.StandardCase;
import org.jiliang.lims.platform.Sha256;

/**
 * The case of a standard (ISO/IEC 17025 §7.10, issue 13): for a standard found out of tolerance, the quality manager
 * states from which day it is suspect, assesses every certificate reverse traceability lists from that day (affected
 * or not, why, the effect against the MPE or U) and decides what becomes of each (keep, re-issue, withdraw); the
 * case closes with a signature (the password again) over the hash of what was decided, and each owner with an
 * affected certificate gets one notice, kept as sent, by e-mail and in the portal. A case out of control (a chart's
 * signal, no tolerance exceeded) closes with its conclusion alone. Every step is in the audit trail.
 */
@Stateless
public class ImpactCases {

    /** Certificates a notice lists one by one; beyond, it says how many more there are. */
    static final int MAX_NOTICE_LINES = 500;
    /** The largest effect one can state, in multiples of the MPE or U. */
    static final String MAX_EFFECT = "1000";

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;
    @Inject
    private LoginService logins;
    @EJB
    private Traceability traceability;
    @EJB
    private IntermediateChecks checks;
    @EJB
    private ImpactNotices notices;
    @EJB
    private Mailer mailer;

    /** An assessment as the quality manager enters it. */
    public record AssessmentDetails(Boolean affected, String reason, BigDecimal effect, ImpactAssessment.Basis basis,
            ImpactAssessment.Decision decision) {
    }

    /** An assessment as shown. */
    public record AssessmentView(boolean affected, String reason, BigDecimal effect, ImpactAssessment.Basis basis,
            ImpactAssessment.Decision decision, String assessedBy, Instant assessedAt) {

        static AssessmentView of(ImpactAssessment a) {
            return a == null ? null : new AssessmentView(a.affected(), a.reason(), a.effect(), a.basis(), a.decision(),
                    a.assessedBy(), a.assessedAt());
        }
    }

    /** A certificate of the case with its assessment (null until assessed). */
    public record Row(Traceability.Affected certificate, AssessmentView assessment) {
    }

    /** A case with what has been found and decided. */
    public record CaseDetail(long id, String standard, String standardName, StandardCase.Kind kind,
            StandardCase.State state, Instant openedAt, String openedBy, String reason, LocalDate suspectSince,
            boolean scopeStated, List<Row> rows, long assessed, long affected, Instant closedAt, String closedBy,
            String conclusion, String closingSha256, List<ImpactNotices.NoticeView> notices) {

        public boolean open() {
            return state == StandardCase.State.OPEN;
        }

        public boolean needsAssessment() {
            return kind == StandardCase.Kind.OUT_OF_TOLERANCE;
        }
    }

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public CaseDetail detail(long caseId) {
        return detail(find(caseId));
    }

    /** States from which day the standard is suspect; only before the first assessment. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public CaseDetail scope(long caseId, LocalDate since) {
        StandardCase c = assessable(caseId);
        if (c.suspectSince() != null && assessments(c).size() > 0) {
            throw new RefusedException("error.case.scopeFixed", c.suspectSince());
        }
        LocalDate today = LocalDate.now(clock);
        if (since == null || since.isAfter(today)) {
            throw new RefusedException("error.case.since", since, today);
        }
        LocalDate before = c.suspectSince();
        c.suspectSince(since);
        record("case.scoped", c, before == null ? null : before.toString(), since.toString(), null);
        return detail(c);
    }

    /** Records (or, while the case is open, changes) the assessment of one certificate the case lists. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public CaseDetail assess(long caseId, String certificateNumber, AssessmentDetails d) {
        StandardCase c = assessable(caseId);
        if (c.suspectSince() == null) {
            c.suspectSince(checks.suspectSince(c.standard().code()));
        }
        String number = certificateNumber == null ? "" : certificateNumber.strip();
        Traceability.Affected listed = traceability.affectedBy(c.standard().code(), c.suspectSince()).stream()
                .filter(a -> a.certificate().equals(number)).findFirst()
                .orElseThrow(() -> new RefusedException("error.case.notListed", number, c.suspectSince()));
        if (d == null || d.affected() == null) {
            throw new RefusedException("error.case.affected");
        }
        String reason = Texts.required(d.reason(), 1000, "error.case.reason");
        if (d.decision() == null) {
            throw new RefusedException("error.case.decision");
        }
        BigDecimal effect = d.effect();
        if (effect != null) {
            if (!InputLimits.within(effect, "0", MAX_EFFECT, 4, 3)) {
                throw new RefusedException("error.case.effectRange", effect.toPlainString(), MAX_EFFECT);
            }
            if (d.basis() == null) {
                throw new RefusedException("error.case.basis");
            }
        }
        if (d.affected()) {
            if (effect == null) {
                throw new RefusedException("error.case.effect");
            }
            if (effect.compareTo(BigDecimal.ONE) > 0 && d.decision() == ImpactAssessment.Decision.KEEP) {
                throw new RefusedException("error.case.keepBeyondLimit", effect.toPlainString(), d.basis());
            }
        } else if (d.decision() != ImpactAssessment.Decision.KEEP) {
            throw new RefusedException("error.case.keepUnaffected", d.decision());
        }
        Certificate certificate = em.createQuery("select c from Certificate c where c.number = :n", Certificate.class)
                .setParameter("n", number).getSingleResult();
        ImpactAssessment a = em.createQuery("select a from ImpactAssessment a where a.standardCase = :c"
                        + " and a.certificate = :cert", ImpactAssessment.class).setParameter("c", c)
                .setParameter("cert", certificate).getResultStream().findFirst().orElse(null);
        String before = a == null ? null : a.describe();
        boolean first = a == null;
        if (first) {
            a = new ImpactAssessment(c, certificate, listed.level(), listed.via());
        }
        a.assess(d.affected(), reason, effect == null ? null : effect.setScale(3, java.math.RoundingMode.HALF_UP),
                effect == null ? null : d.basis(), d.decision(), currentUser.account().username(), clock.instant());
        if (first) {
            em.persist(a); // an identity key: inserted at once, so only when complete
        }
        em.flush();
        record("case.assessed", c, before, a.describe(), null);
        return detail(c);
    }

    /**
     * Closes the case, signed with the quality manager's password: every certificate it lists must be assessed; each
     * owner of an affected certificate gets one notice (e-mailed by {@link #deliverPending()}).
     */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public CaseDetail close(long caseId, String conclusion, char[] password) {
        StandardCase c = find(caseId);
        if (c.state() != StandardCase.State.OPEN) {
            throw new RefusedException("error.case.closed", c.id());
        }
        String text = Texts.required(conclusion, 2000, "error.case.conclusion");
        CaseDetail now = detail(c);
        if (now.needsAssessment() && now.assessed() < now.rows().size()) {
            throw new RefusedException("error.case.unassessed", now.rows().size() - now.assessed(),
                    now.rows().size());
        }
        String me = currentUser.account().username();
        RefusedException refused = logins.checkPassword(me, password, "signature");
        if (refused != null) {
            throw refused;
        }
        List<ImpactAssessment> assessments = assessments(c);
        StringBuilder signed = new StringBuilder("case " + c.id() + " " + c.standard().code() + " " + c.kind()
                + " since " + c.suspectSince() + "\n" + text + "\n");
        assessments.forEach(a -> signed.append(a.describe()).append('\n'));
        c.close(me, clock.instant(), text, Sha256.hex(signed.toString()));
        em.flush();
        record("case.closed", c, null, c.state() + ": " + text, "signed " + c.closingSha256());
        Map<Customer, List<ImpactAssessment>> byOwner = assessments.stream().filter(ImpactAssessment::affected)
                .collect(Collectors.groupingBy(a -> a.certificate().customer(), LinkedHashMap::new,
                        Collectors.toList()));
        for (Map.Entry<Customer, List<ImpactAssessment>> owner : byOwner.entrySet()) {
            ImpactNotice n = notices.give(c, owner.getKey(), owner.getValue());
            audit.record(new AuditEvent(me, "impact.noticed", "ImpactNotice", String.valueOf(n.id()), null, null,
                    owner.getKey().code() + ": " + n.certificates() + " certificates, case " + c.id(), null));
        }
        return detail(c);
    }

    /** E-mails the notices waiting for it; called after a case is closed (its own transactions). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Mailer.Delivered deliverPending() {
        return mailer.deliver(notices, 50, "Notice");
    }

    private CaseDetail detail(StandardCase c) {
        List<ImpactAssessment> assessments = assessments(c);
        List<Row> rows = new ArrayList<>();
        LocalDate since = c.suspectSince();
        if (c.kind() == StandardCase.Kind.OUT_OF_TOLERANCE) {
            if (since == null) {
                since = checks.suspectSince(c.standard().code());
            }
            if (c.state() == StandardCase.State.OPEN) {
                Map<String, ImpactAssessment> byNumber = assessments.stream()
                        .collect(Collectors.toMap(a -> a.certificate().number(), Function.identity()));
                for (Traceability.Affected a : traceability.affectedBy(c.standard().code(), since)) {
                    rows.add(new Row(a, AssessmentView.of(byNumber.get(a.certificate()))));
                }
            } else {
                // closed: what was signed, not what reverse traceability would list today
                for (ImpactAssessment a : assessments) {
                    rows.add(new Row(signedRow(a), AssessmentView.of(a)));
                }
            }
        }
        long assessed = rows.stream().filter(r -> r.assessment() != null).count();
        long affected = rows.stream().filter(r -> r.assessment() != null && r.assessment().affected()).count();
        return new CaseDetail(c.id(), c.standard().code(), c.standard().name(), c.kind(), c.state(), c.openedAt(),
                c.openedBy(), c.reason(), since, c.suspectSince() != null, rows, assessed, affected, c.closedAt(),
                c.closedBy(), c.conclusion(), c.closingSha256(), notices.ofCase(c));
    }

    /** A certificate of a closed case as it was assessed. */
    private Traceability.Affected signedRow(ImpactAssessment a) {
        Certificate cert = a.certificate();
        var job = cert.job();
        long points = em.createQuery("select count(p) from TestPoint p where p.job = :j", Long.class)
                .setParameter("j", job).getSingleResult();
        return new Traceability.Affected(a.level(), cert.number(), cert.issuedAt(), job.jobNumber(),
                cert.customer().code(), cert.customer().name(), job.instrument().description(),
                job.instrument().serialNumber(), a.via(), points);
    }

    private StandardCase assessable(long caseId) {
        StandardCase c = find(caseId);
        if (c.state() != StandardCase.State.OPEN) {
            throw new RefusedException("error.case.closed", c.id());
        }
        if (c.kind() != StandardCase.Kind.OUT_OF_TOLERANCE) {
            throw new RefusedException("error.case.noImpact", c.id());
        }
        return c;
    }

    private StandardCase find(long caseId) {
        StandardCase c = em.find(StandardCase.class, caseId);
        if (c == null) {
            throw new RefusedException("error.case.notFound", caseId);
        }
        return c;
    }

    private List<ImpactAssessment> assessments(StandardCase c) {
        return em.createQuery("select a from ImpactAssessment a join a.certificate cert"
                + " where a.standardCase = :c order by cert.issuedAt, cert.id", ImpactAssessment.class)
                .setParameter("c", c).getResultList();
    }

    private void record(String action, StandardCase c, String before, String after, String reason) {
        audit.record(new AuditEvent(currentUser.account().username(), action, "StandardCase", String.valueOf(c.id()),
                null, before, c.standard().code() + ": " + after, reason));
    }

}
