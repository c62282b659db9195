package org.jiliang.lims.integrity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.certificate.InspectedLots;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentStatus;

/**
 * Integrity records (诚信计量, issue 15): the traders who signed the integrity commitment, what their record finds
 * (instruments overdue, verifications failed, lots short in a net-content inspection, enforcement outcomes) and the grade the rules give it
 * ({@link IntegrityGrades}); the public list of traders in good standing and the list for the supervision authority.
 */
@Stateless
public class IntegrityRecords {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;

    /**
     * A trader's record as the institute sees it.
     *
     * @param signedOn the day its current commitment was signed; null: none
     */
    public record Record(String code, String name, String district, LocalDate signedOn, String signedBy,
            Findings findings, IntegrityGrades.Grade grade) {
    }

    /** What the public page shows of a trader in good standing: no more than the policy makes public. */
    public record PublicEntry(String name, String district, String gradeZh, String gradeEn, LocalDate signedOn) {
    }

    /** An enforcement outcome as recorded. */
    public record OutcomeView(LocalDate decidedOn, String reference, String outcome) {
    }

    /** The traders with a current commitment, with their findings and grade: best grade first, then by name. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK, Roles.ADMINISTRATOR})
    public List<Record> signed() {
        List<IntegrityCommitment> commitments = em.createQuery("select c from IntegrityCommitment c join fetch c.trader"
                + " where c.withdrawnAt is null", IntegrityCommitment.class).getResultList();
        Map<Long, Findings> findings = findings(SIGNED, null);
        return commitments.stream().map(c -> record(c.trader(), Optional.of(c), findings))
                .sorted(Comparator.comparing((Record r) -> IntegrityGrades.all().indexOf(r.grade())).thenComparing(Record::name))
                .toList();
    }

    /**
     * The list for the supervision authority: every trader, signed or not, whose findings give a grade on the
     * enforcement list; most findings first.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK, Roles.ADMINISTRATOR})
    public List<Record> enforcementList() {
        Map<Long, Findings> findings = findings(null, null);
        Set<Long> listed = new HashSet<>();
        findings.forEach((id, f) -> {
            if (IntegrityGrades.of(f).enforcementList()) {
                listed.add(id);
            }
        });
        if (listed.isEmpty()) {
            return List.of();
        }
        Map<Long, IntegrityCommitment> current = current(listed);
        return em.createQuery("select c from Customer c where c.id in :ids", Customer.class)
                .setParameter("ids", listed).getResultStream()
                .map(c -> record(c, Optional.ofNullable(current.get(c.id())), findings))
                .sorted(Comparator.comparing((Record r) -> -(r.findings().enforcement() + r.findings().failed()
                        + r.findings().shortLots() + r.findings().overdue())).thenComparing(Record::name)).toList();
    }

    /** One trader's record, signed or not, with the enforcement outcomes within the window. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK, Roles.ADMINISTRATOR})
    public Record of(String code) {
        Customer trader = trader(code);
        return record(trader, Optional.ofNullable(current(Set.of(trader.id())).get(trader.id())),
                findings(" = :trader", trader.id()));
    }

    /** The enforcement outcomes recorded about a trader, newest first. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK, Roles.ADMINISTRATOR})
    public List<OutcomeView> outcomes(String code) {
        return em.createQuery("select e from EnforcementOutcome e where e.trader = :t order by e.decidedOn desc, e.id desc",
                        EnforcementOutcome.class).setParameter("t", trader(code)).getResultStream()
                .map(e -> new OutcomeView(e.decidedOn(), e.reference(), e.outcome())).toList();
    }

    /** The traders in good standing, for anyone: their name, district, grade and the day they signed; by name. */
    @PermitAll
    public List<PublicEntry> goodStanding() {
        Map<Long, Findings> findings = findings(SIGNED, null);
        return em.createQuery("select c from IntegrityCommitment c join fetch c.trader where c.withdrawnAt is null",
                        IntegrityCommitment.class).getResultStream()
                .map(c -> record(c.trader(), Optional.of(c), findings))
                .filter(r -> r.grade().goodStanding())
                .map(r -> new PublicEntry(r.name(), r.district(), r.grade().nameZh(), r.grade().nameEn(), r.signedOn()))
                .sorted(Comparator.comparing(PublicEntry::name)).toList();
    }

    /** Records the commitment a trader signed; refused while another is current, or for a day still to come. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public Record sign(String code, String signedBy, LocalDate signedOn) {
        Customer trader = trader(code);
        // two clerks recording the same paper at once: the second waits, then finds the first's commitment
        em.lock(trader, LockModeType.PESSIMISTIC_WRITE);
        String by = Texts.required(signedBy, IntegrityCommitment.MAX_SIGNED_BY, "error.integrity.signedBy");
        LocalDate today = LocalDate.now(clock);
        if (signedOn == null || signedOn.isAfter(today)) {
            throw new RefusedException("error.integrity.signedOn", String.valueOf(signedOn), today);
        }
        IntegrityCommitment existing = current(Set.of(trader.id())).get(trader.id());
        if (existing != null) {
            throw new RefusedException("error.integrity.alreadySigned", trader.name(), existing.signedOn());
        }
        IntegrityCommitment c = new IntegrityCommitment(trader, signedOn, by, currentUser.username(), clock.instant());
        em.persist(c);
        audit("integrity.signed", trader.code(), null, c.describe());
        return of(code);
    }

    /** Withdraws a trader's current commitment, with the reason; it leaves the public list at once. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public Record withdraw(String code, String reason) {
        Customer trader = trader(code);
        String why = Texts.required(reason, IntegrityCommitment.MAX_REASON, "error.integrity.reason");
        IntegrityCommitment c = Optional.ofNullable(current(Set.of(trader.id())).get(trader.id()))
                .orElseThrow(() -> new RefusedException("error.integrity.notSigned", trader.name()));
        String before = c.describe();
        c.withdraw(currentUser.username(), clock.instant(), why);
        audit("integrity.withdrawn", trader.code(), before, c.describe());
        return of(code);
    }

    /** Records an enforcement outcome the supervision authority decided about a trader. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public Record recordEnforcement(String code, LocalDate decidedOn, String reference, String outcome) {
        Customer trader = trader(code);
        String ref = Texts.required(reference, EnforcementOutcome.MAX_REFERENCE, "error.integrity.reference");
        String what = Texts.required(outcome, EnforcementOutcome.MAX_OUTCOME, "error.integrity.outcome");
        LocalDate today = LocalDate.now(clock);
        if (decidedOn == null || decidedOn.isAfter(today)) {
            throw new RefusedException("error.integrity.decidedOn", String.valueOf(decidedOn), today);
        }
        em.persist(new EnforcementOutcome(trader, decidedOn, ref, what, currentUser.username(), clock.instant()));
        audit("integrity.enforcement", trader.code(), null, decidedOn + " " + ref + ": " + what);
        return of(code);
    }

    private Record record(Customer trader, Optional<IntegrityCommitment> commitment, Map<Long, Findings> findings) {
        Findings f = findings.getOrDefault(trader.id(), Findings.NONE);
        return new Record(trader.code(), trader.name(), trader.district(),
                commitment.map(IntegrityCommitment::signedOn).orElse(null),
                commitment.map(IntegrityCommitment::signedBy).orElse(null), f, IntegrityGrades.of(f));
    }

    /** Of the traders with a current commitment only: the public list reads no other trader's findings. */
    private static final String SIGNED = " in (select c.trader.id from IntegrityCommitment c where c.withdrawnAt is null)";

    /**
     * The traders with a finding, by id: three grouped counts, whatever the number of traders; of every trader
     * ({@code scope} null), of the signed ({@link #SIGNED}) or of one ({@code " = :trader"}, {@code trader}).
     */
    private Map<Long, Findings> findings(String scope, Long trader) {
        LocalDate today = LocalDate.now(clock);
        LocalDate since = today.minusMonths(IntegrityGrades.WINDOW_MONTHS);
        Map<Long, long[]> counts = new HashMap<>();
        count(counts, 0, scoped(em.createQuery("select i.customer.id, count(i) from InstrumentUnderTest i"
                        + " where i.mandatoryVerification = true and i.legalCategory is not null and i.status = :inService"
                        + " and i.nextDueDate < :today" + within("i.customer.id", scope) + " group by i.customer.id",
                        Object[].class), scope, trader)
                .setParameter("inService", InstrumentStatus.IN_SERVICE).setParameter("today", today).getResultList());
        // a failed lot is recorded in the register like a failed verification: counted once, as a short lot
        count(counts, 1, InspectedLots.bind(scoped(em.createQuery("select v.instrument.customer.id, count(v)"
                        + " from VerificationRecord v where v.passed = false and v.verifiedOn > :since and v.certificate"
                        + InspectedLots.NOT_A_FAILED_LOT + within("v.instrument.customer.id", scope)
                        + " group by v.instrument.customer.id", Object[].class), scope, trader))
                .setParameter("since", since).getResultList());
        var zone = org.jiliang.lims.platform.ClockProducer.INSTITUTE_ZONE;
        count(counts, 2, InspectedLots.bind(scoped(em.createQuery(InspectedLots.FAILED_BY_TRADER
                        + within("j.instrument.customer.id", scope) + " group by j.instrument.customer.id",
                        Object[].class), scope, trader))
                .setParameter("since", since.plusDays(1).atStartOfDay(zone).toInstant()).getResultList());
        count(counts, 3, scoped(em.createQuery("select e.trader.id, count(e) from EnforcementOutcome e"
                        + " where e.decidedOn > :since" + within("e.trader.id", scope) + " group by e.trader.id",
                        Object[].class), scope, trader)
                .setParameter("since", since).getResultList());
        Map<Long, Findings> findings = new HashMap<>();
        counts.forEach((id, c) -> findings.put(id, new Findings(c[0], c[1], c[2], c[3])));
        return findings;
    }

    private static String within(String path, String scope) {
        return scope == null ? "" : " and " + path + scope;
    }

    private static <T> jakarta.persistence.TypedQuery<T> scoped(jakarta.persistence.TypedQuery<T> query, String scope,
            Long trader) {
        return trader == null ? query : query.setParameter("trader", trader);
    }

    private static void count(Map<Long, long[]> counts, int column, List<Object[]> rows) {
        for (Object[] row : rows) {
            counts.computeIfAbsent((Long) row[0], id -> new long[4])[column] = (Long) row[1];
        }
    }

    private Map<Long, IntegrityCommitment> current(Collection<Long> traders) {
        Map<Long, IntegrityCommitment> current = new HashMap<>();
        em.createQuery("select c from IntegrityCommitment c where c.withdrawnAt is null and c.trader.id in :ids",
                        IntegrityCommitment.class).setParameter("ids", traders).getResultStream()
                .forEach(c -> current.put(c.trader().id(), c));
        return current;
    }

    private Customer trader(String code) {
        return em.createQuery("select c from Customer c where c.code = :c", Customer.class)
                .setParameter("c", code == null ? "" : code).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.customer.notFound", String.valueOf(code)));
    }

    private void audit(String action, String code, String before, String after) {
        audit.record(new AuditEvent(currentUser.username(), action, "Customer", code, null, before, after, null));
    }
}
