package org.jiliang.lims.standard.record;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jiliang.lims.audit.AuditEntry;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.personnel.UserAccountRepository;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.check.IntermediateCheck;
import org.jiliang.lims.standard.check.StandardCase;

/**
 * The people, the change control and the history record (履历书) of a standard (JJF 1033, issue 13). The quality
 * manager assigns and removes the operators; the responsible person is appointed directly only when there is none,
 * and changed afterwards through change control. A change is proposed with its reason and decided by another quality
 * manager or an administrator, never by the one who proposed it. Every step is in the audit trail under the standard,
 * which is where the history record reads it from.
 */
@Stateless
public class StandardRecords {

    /** JJF 1033: an assessed standard has at least two qualified people to operate it [M]. */
    public static final int MIN_QUALIFIED = 2;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;
    @Inject
    private UserAccountRepository accounts;
    @EJB
    private StandardService standards;

    /** A person on the standard as shown; {@code qualified}: their qualification is valid today. */
    public record StaffView(String username, String displayName, StandardStaff.Role role, String qualification,
            LocalDate qualifiedUntil, boolean qualified, Instant assignedAt) {
    }

    /** The standard's people today, with how many are qualified and whether that is enough. */
    public record People(String responsible, List<StaffView> staff, long qualified, boolean enough) {
    }

    public record ChangeView(long id, StandardChange.Kind kind, String description, String reason,
            String newResponsible, String requestedBy, Instant requestedAt, StandardChange.State state,
            String decidedBy, Instant decidedAt, String decisionNote) {

        static ChangeView of(StandardChange c) {
            return new ChangeView(c.id(), c.kind(), c.description(), c.reason(),
                    c.newResponsible() == null ? null : c.newResponsible().username(), c.requestedBy(),
                    c.requestedAt(), c.state(), c.decidedBy(), c.decidedAt(), c.decisionNote());
        }
    }

    /**
     * One line of the history record.
     *
     * @param event what happened, as the audit trail names it ({@code standard.registered}, {@code check.recorded},
     *              …)
     */
    public record HistoryLine(Instant at, String event, String actor, String detail) {
    }

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public People peopleOf(String standardCode) {
        MeasurementStandard s = standards.require(standardCode);
        LocalDate today = LocalDate.now(clock);
        List<StaffView> staff = current(s).stream().map(p -> new StaffView(p.account().username(),
                p.account().displayName(), p.role(), p.qualification(), p.qualifiedUntil(),
                !p.qualifiedUntil().isBefore(today), p.assignedAt())).toList();
        String responsible = staff.stream().filter(p -> p.role() == StandardStaff.Role.RESPONSIBLE)
                .map(StaffView::username).findFirst().orElse(null);
        long qualified = staff.stream().filter(StaffView::qualified).map(StaffView::username).distinct().count();
        return new People(responsible, staff, qualified, qualified >= MIN_QUALIFIED);
    }

    /**
     * Assigns a person to the standard with their qualification: an operator, or the responsible person while the
     * standard has none (afterwards that is a change under control).
     */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public People assign(String standardCode, String username, StandardStaff.Role role, String qualification,
            LocalDate qualifiedUntil) {
        MeasurementStandard s = standards.require(standardCode);
        UserAccount account = account(username);
        if (role == null) {
            throw new RefusedException("error.staff.role");
        }
        String q = Texts.required(qualification, 60, "error.staff.qualification");
        LocalDate today = LocalDate.now(clock);
        if (qualifiedUntil == null || qualifiedUntil.isBefore(today)) {
            throw new RefusedException("error.staff.qualifiedUntil", qualifiedUntil, today);
        }
        List<StandardStaff> now = current(s);
        if (now.stream().anyMatch(p -> p.role() == role && p.account().id().equals(account.id()))) {
            throw new RefusedException("error.staff.already", account.username(), s.code());
        }
        if (role == StandardStaff.Role.RESPONSIBLE && now.stream().anyMatch(p -> p.role() == role)) {
            throw new RefusedException("error.staff.responsibleByChange", s.code());
        }
        StandardStaff p = new StandardStaff(s, account, role, q, qualifiedUntil, me(), clock.instant());
        em.persist(p);
        em.flush();
        record("standard.staffAssigned", s, null, p.describe(), null);
        return peopleOf(s.code());
    }

    /** Removes an operator from the standard (the responsible person is replaced through change control). */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public People remove(String standardCode, String username, String reason) {
        MeasurementStandard s = standards.require(standardCode);
        String why = Texts.required(reason, 300, "error.staff.reason");
        StandardStaff p = current(s).stream().filter(x -> x.role() == StandardStaff.Role.OPERATOR
                        && x.account().username().equals(username)).findFirst()
                .orElseThrow(() -> new RefusedException("error.staff.notFound", username, s.code()));
        p.remove(me(), clock.instant(), why);
        record("standard.staffRemoved", s, p.describe(), null, why);
        return peopleOf(s.code());
    }

    /** Proposes a change under control; a change of the responsible person names the new one. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public ChangeView propose(String standardCode, StandardChange.Kind kind, String description, String reason,
            String newResponsible) {
        MeasurementStandard s = standards.require(standardCode);
        if (kind == null) {
            throw new RefusedException("error.change.kind");
        }
        String what = Texts.required(description, 500, "error.change.description");
        String why = Texts.required(reason, 500, "error.change.reason");
        UserAccount successor = null;
        if (kind == StandardChange.Kind.RESPONSIBLE_PERSON) {
            if (newResponsible == null || newResponsible.isBlank()) {
                throw new RefusedException("error.change.successor");
            }
            successor = account(newResponsible.strip());
            LocalDate today = LocalDate.now(clock);
            Long id = successor.id();
            boolean qualifiedOperator = current(s).stream().anyMatch(p -> p.role() == StandardStaff.Role.OPERATOR
                    && p.account().id().equals(id) && !p.qualifiedUntil().isBefore(today));
            if (!qualifiedOperator) {
                throw new RefusedException("error.change.successorNotOperator", successor.username(), s.code());
            }
        }
        StandardChange c = new StandardChange(s, kind, what, why, successor, me(), clock.instant());
        em.persist(c);
        em.flush();
        record("standard.changeProposed", s, null, c.describe(), why);
        return ChangeView.of(c);
    }

    /**
     * Approves or rejects a proposed change, with a note; not the proposer's to decide. An approved change of the
     * responsible person makes the named person, a qualified operator of the standard when proposed, responsible with
     * their qualification; their predecessor's appointment ends.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    public ChangeView decide(long changeId, boolean approve, String note) {
        StandardChange c = em.find(StandardChange.class, changeId);
        if (c == null) {
            throw new RefusedException("error.change.notFound", changeId);
        }
        if (c.state() != StandardChange.State.PROPOSED) {
            throw new RefusedException("error.change.decided", changeId, c.state());
        }
        if (c.requestedBy().equals(me())) {
            throw new RefusedException("error.change.ownProposal", changeId);
        }
        String text = Texts.required(note, 500, "error.change.note");
        c.decide(approve, me(), clock.instant(), text);
        MeasurementStandard s = c.standard();
        if (approve && c.kind() == StandardChange.Kind.RESPONSIBLE_PERSON) {
            List<StandardStaff> now = current(s);
            now.stream().filter(p -> p.role() == StandardStaff.Role.RESPONSIBLE)
                    .forEach(p -> p.remove(me(), clock.instant(), "change " + c.id()));
            StandardStaff asOperator = now.stream().filter(p -> p.role() == StandardStaff.Role.OPERATOR
                    && p.account().id().equals(c.newResponsible().id())).findFirst()
                    .orElseThrow(() -> new RefusedException("error.change.successorNotOperator",
                            c.newResponsible().username(), s.code()));
            em.persist(new StandardStaff(s, c.newResponsible(), StandardStaff.Role.RESPONSIBLE,
                    asOperator.qualification(), asOperator.qualifiedUntil(), me(), clock.instant()));
        }
        em.flush();
        record(approve ? "standard.changeApproved" : "standard.changeRejected", s, c.describe(), c.state().name(),
                text);
        return ChangeView.of(c);
    }

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<ChangeView> changesOf(String standardCode) {
        MeasurementStandard s = standards.require(standardCode);
        return em.createQuery("select c from StandardChange c left join fetch c.newResponsible where c.standard = :s"
                + " order by c.id desc", StandardChange.class).setParameter("s", s).getResultStream()
                .map(ChangeView::of).toList();
    }

    /**
     * The history record, oldest first: what the audit trail holds under the standard (registration, changes,
     * calibrations, DCC imports, suspension and reinstatement, assessment certificates, staff, change control),
     * with its intermediate checks and its cases.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<HistoryLine> historyOf(String standardCode) {
        MeasurementStandard s = standards.require(standardCode);
        List<HistoryLine> lines = new ArrayList<>();
        for (AuditEntry e : em.createQuery("select e from AuditEntry e where e.recordType = :t and e.recordId = :id"
                + " order by e.sequence", AuditEntry.class).setParameter("t", "MeasurementStandard")
                .setParameter("id", s.code()).getResultList()) {
            lines.add(new HistoryLine(e.recordedAt(), e.action(), e.actor(), e.reason() == null ? e.newValue()
                    : (e.newValue() == null ? "" : e.newValue() + " — ") + e.reason()));
        }
        for (IntermediateCheck c : em.createQuery("select c from IntermediateCheck c where c.plan.standard = :s"
                + " order by c.id", IntermediateCheck.class).setParameter("s", s).getResultList()) {
            lines.add(new HistoryLine(c.recordedAt(), "check.recorded", c.performedBy(), c.performedOn() + ": "
                    + c.outcome().name()));
        }
        for (StandardCase c : em.createQuery("select c from StandardCase c where c.standard = :s order by c.id",
                StandardCase.class).setParameter("s", s).getResultList()) {
            lines.add(new HistoryLine(c.openedAt(), "case.opened", c.openedBy(), c.kind() + ": " + c.reason()));
            if (c.closedAt() != null) {
                lines.add(new HistoryLine(c.closedAt(), "case.closed", c.closedBy(), c.conclusion()));
            }
        }
        lines.sort(Comparator.comparing(HistoryLine::at));
        return lines;
    }

    private List<StandardStaff> current(MeasurementStandard s) {
        return em.createQuery("select p from StandardStaff p join fetch p.account where p.standard = :s"
                + " and p.removedAt is null order by p.role, p.id", StandardStaff.class).setParameter("s", s)
                .getResultList();
    }

    private UserAccount account(String username) {
        String u = username == null ? "" : username.strip();
        UserAccount a = accounts.findByUsername(u).orElseThrow(() -> new RefusedException("error.staff.noAccount", u));
        if (!a.enabled() || a.roles().stream().noneMatch(r -> r.equals(Roles.TECHNICIAN)
                || r.equals(Roles.QUALITY_MANAGER) || r.equals(Roles.CHECKER) || r.equals(Roles.APPROVER))) {
            throw new RefusedException("error.staff.notStaff", u);
        }
        return a;
    }

    private String me() {
        return currentUser.account().username();
    }

    private void record(String action, MeasurementStandard s, String before, String after, String reason) {
        audit.record(new AuditEvent(me(), action, "MeasurementStandard", s.code(), null, before, after, reason));
    }
}
