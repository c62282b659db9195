package org.jiliang.lims.standard.check;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.metrology.quantity.Decimals;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardService;

/**
 * The yearly stability and repeatability evaluations of a standard (JJF 1033, {@link AnnualEvaluation}): the quality
 * manager states, per check point, the stability limit and what it is (the MPE, or the U of the correction) and the
 * repeatability the uncertainty budget assumes; the figures come from the year's intermediate checks and are kept
 * with the verdicts. A year is evaluated once. A failed verdict opens a case for the standard (it stays in use: the
 * quality manager decides, e.g. re-evaluates the uncertainty or suspends it); all of it in the audit trail.
 */
@Stateless
public class AnnualEvaluations {

    /** How far back a year may be evaluated. */
    public static final int YEARS_BACK = 10;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;
    @Inject
    private StandardService standards;
    @Inject
    private IntermediateChecks checks;

    /** The limits stated for a check point (its ordinal in the plan). */
    public record PointLimits(Integer ordinal, BigDecimal stabilityLimit, StandardEvaluation.Basis basis,
            BigDecimal repeatabilityLimit) {
    }

    /** A point's evaluation of a year, as stored. */
    public record EvaluationView(int year, int ordinal, String nominal, String unit, int groups, BigDecimal smallest,
            BigDecimal largest, BigDecimal stability, BigDecimal stabilityLimit, StandardEvaluation.Basis basis,
            AnnualEvaluation.Verdict stabilityVerdict, int readings, int degreesOfFreedom, BigDecimal repeatability,
            BigDecimal repeatabilityLimit, AnnualEvaluation.Verdict repeatabilityVerdict, String evaluatedBy,
            Instant evaluatedAt) {

        static EvaluationView of(StandardEvaluation e) {
            return new EvaluationView(e.year(), e.ordinal(), e.nominal(), e.unit(), e.groups(), plain(e.smallest()),
                    plain(e.largest()), plain(e.stability()), plain(e.stabilityLimit()), e.basis(),
                    e.stabilityVerdict(), e.readings(), e.degreesOfFreedom(), plain(e.repeatability()),
                    plain(e.repeatabilityLimit()), e.repeatabilityVerdict(), e.evaluatedBy(), e.evaluatedAt());
        }

        /** As stated, without the zeros the column's scale adds (0.000400000000 → 0.0004). */
        private static BigDecimal plain(BigDecimal x) {
            return x == null ? null : Decimals.plain(x);
        }

        /** Both verdicts pass. */
        public boolean passed() {
            return stabilityVerdict == AnnualEvaluation.Verdict.PASS
                    && repeatabilityVerdict == AnnualEvaluation.Verdict.PASS;
        }
    }

    /** Evaluates {@code year} (this year or one of the ten before) from its checks, every point of the plan. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public List<EvaluationView> evaluate(String standardCode, Integer year, List<PointLimits> limits) {
        MeasurementStandard standard = standards.require(standardCode);
        CheckPlan plan = em.createQuery("select p from CheckPlan p where p.standard = :s", CheckPlan.class)
                .setParameter("s", standard).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.evaluation.noPlan", standard.code()));
        int thisYear = LocalDate.now(clock).getYear();
        if (year == null || year > thisYear || year < thisYear - YEARS_BACK) {
            throw new RefusedException("error.evaluation.year", String.valueOf(thisYear - YEARS_BACK),
                    String.valueOf(thisYear));
        }
        List<StandardEvaluation> done = em.createQuery("select e from StandardEvaluation e where e.standard = :s"
                + " and e.year = :y", StandardEvaluation.class).setParameter("s", standard).setParameter("y", year)
                .setMaxResults(1).getResultList();
        if (!done.isEmpty()) {
            StandardEvaluation e = done.get(0);
            throw new RefusedException("error.evaluation.exists", String.valueOf(year), e.evaluatedBy(),
                    org.jiliang.lims.platform.InstituteTime.minutes(e.evaluatedAt()));
        }
        Map<Integer, PointLimits> byPoint = stated(plan, limits);
        List<IntermediateCheck> ofYear = em.createQuery("select distinct c from IntermediateCheck c"
                + " left join fetch c.results where c.plan = :p and c.performedOn between :from and :to order by c.id",
                IntermediateCheck.class).setParameter("p", plan).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31)).getResultList();
        if (ofYear.isEmpty()) {
            throw new RefusedException("error.evaluation.noChecks", standard.code(), String.valueOf(year));
        }
        String by = currentUser.account().username();
        Instant now = clock.instant();
        List<StandardEvaluation> found = new ArrayList<>();
        for (CheckPoint point : plan.points()) {
            List<AnnualEvaluation.Group> groups = ofYear.stream().map(c -> new AnnualEvaluation.Group(
                    c.performedOn(), c.results().stream().filter(r -> r.ordinal() == point.ordinal()).findFirst()
                            .orElseThrow().readings())).toList();
            PointLimits l = byPoint.get(point.ordinal());
            StandardEvaluation e = new StandardEvaluation(standard, year, point,
                    AnnualEvaluation.stability(groups, l.stabilityLimit()), l.stabilityLimit(), l.basis(),
                    AnnualEvaluation.repeatability(groups, l.repeatabilityLimit()), l.repeatabilityLimit(), by, now);
            em.persist(e);
            found.add(e);
        }
        em.flush();
        String summary = standard.code() + " " + year + ": " + found.stream().map(StandardEvaluation::describe)
                .collect(Collectors.joining("; "));
        audit.record(new AuditEvent(by, "standard.evaluated", "MeasurementStandard", standard.code(), null, null,
                summary, null)); // the trail shortens a long value itself
        List<StandardEvaluation> failed = found.stream()
                .filter(e -> e.stabilityVerdict() == AnnualEvaluation.Verdict.FAIL
                        || e.repeatabilityVerdict() == AnnualEvaluation.Verdict.FAIL).toList();
        if (!failed.isEmpty()) {
            checks.open(standard, StandardCase.Kind.EVALUATION_FAILED, null, by, year + ": " + failed.stream()
                    .map(StandardEvaluation::describe).collect(Collectors.joining("; ")));
        }
        return found.stream().map(EvaluationView::of).toList();
    }

    /** A standard's evaluations, the newest year first, points in order. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<EvaluationView> evaluationsOf(String standardCode) {
        MeasurementStandard standard = standards.require(standardCode);
        return em.createQuery("select e from StandardEvaluation e where e.standard = :s"
                + " order by e.year desc, e.ordinal", StandardEvaluation.class).setParameter("s", standard)
                .getResultStream().map(EvaluationView::of).toList();
    }

    /** Every point of the plan, once, with both limits positive and within the columns, and nothing else. */
    private static Map<Integer, PointLimits> stated(CheckPlan plan, List<PointLimits> limits) {
        List<PointLimits> given = limits == null ? List.of() : limits;
        Map<Integer, PointLimits> byPoint = given.stream().filter(l -> l != null && l.ordinal() != null)
                .collect(Collectors.toMap(PointLimits::ordinal, Function.identity(), (a, b) -> a));
        boolean complete = byPoint.size() == given.size() && byPoint.size() == plan.points().size()
                && plan.points().stream().allMatch(p -> byPoint.containsKey(p.ordinal()));
        if (!complete || byPoint.values().stream().anyMatch(l -> l.basis() == null || !positive(l.stabilityLimit())
                || !positive(l.repeatabilityLimit()))) {
            throw new RefusedException("error.evaluation.limits", plan.points().size());
        }
        return byPoint;
    }

    /** Above zero and within the columns (18 digits before the point, 12 after). */
    private static boolean positive(BigDecimal x) {
        return x != null && x.signum() > 0 && InputLimits.fits(x, 18, 12);
    }
}
