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
import java.util.stream.Collectors;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.spc.IndividualsChart;
import org.jiliang.lims.metrology.spc.Limits;
import org.jiliang.lims.metrology.spc.MeanRangeChart;
import org.jiliang.lims.metrology.spc.Signal;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardService;

/**
 * The intermediate checks of the standards: the quality manager states a standard's check plan; the quality manager
 * or a technician records a check, which is evaluated at once. A check out of tolerance suspends the standard (no
 * bench can select it) and opens a case; a check that passes but signals on its control chart opens a case and
 * leaves the standard in use. Everything goes into the audit trail.
 */
@Stateless
public class IntermediateChecks {

    /** At most this many points per plan, readings per check and checks in a base period. */
    public static final int MAX_POINTS = 20;
    public static final int MAX_READINGS = 10;
    public static final int MAX_BASE = 100;
    /** The longest interval between checks a plan may state: two years. */
    public static final int MAX_INTERVAL_DAYS = 730;

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

    /** What the quality manager states as a standard's check plan. */
    public record PlanDetails(Integer intervalDays, String checkStandard, ChartKind chart, Integer readingsPerCheck,
            Integer baseChecks, CheckCriterion criterion, List<CheckPoint.Definition> points) {
    }

    /** A point's entry of a check: its readings as typed (numbers separated by blanks) and the U of their mean. */
    public record PointEntry(String readings, BigDecimal uncertainty) {
    }

    /** What is entered of a check: the day it was performed, a note, an entry per point of the plan. */
    public record CheckDetails(LocalDate performedOn, String note, List<PointEntry> points) {
    }

    public record PointView(int ordinal, String nominal, String unit, BigDecimal referenceValue,
            BigDecimal referenceUncertainty) {
    }

    public record PlanView(String standard, int intervalDays, String checkStandard, ChartKind chart,
            int readingsPerCheck, int baseChecks, CheckCriterion criterion, List<PointView> points) {

        static PlanView of(CheckPlan p) {
            return new PlanView(p.standard().code(), p.intervalDays(), p.checkStandard(), p.chart(),
                    p.readingsPerCheck(), p.baseChecks(), p.criterion(), p.points().stream()
                            .map(c -> new PointView(c.ordinal(), c.nominal(), c.unit(), c.reference().value(),
                                    c.reference().uncertainty())).toList());
        }
    }

    public record ResultView(int ordinal, List<BigDecimal> readings, BigDecimal mean, BigDecimal uncertainty,
            BigDecimal normalizedError, String signals, boolean outOfTolerance) {
    }

    /** A check as recorded; {@code jobNumber} names the bench job it was captured in (null when typed). */
    public record CheckView(long id, LocalDate performedOn, String performedBy, CheckOutcome outcome, String note,
            String jobNumber, List<ResultView> results) {

        static CheckView of(IntermediateCheck c) {
            return new CheckView(c.id(), c.performedOn(), c.performedBy(), c.outcome(), c.note(), c.jobNumber(),
                    c.results().stream().map(r -> new ResultView(r.ordinal(), r.readings(), r.mean(),
                            r.uncertainty(), r.normalizedError(), r.signals(), r.outOfTolerance())).toList());
        }
    }

    public record CaseView(long id, String standard, StandardCase.Kind kind, Long checkId, Instant openedAt,
            String openedBy, String reason, StandardCase.State state) {

        static CaseView of(StandardCase c, String standard) {
            return new CaseView(c.id(), standard, c.kind(), c.checkId(), c.openedAt(), c.openedBy(), c.reason(),
                    c.state());
        }
    }

    /** The quality manager states (or, before any check is recorded against it, restates) a standard's plan. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public PlanView plan(String standardCode, PlanDetails d) {
        MeasurementStandard standard = standard(standardCode);
        CheckPlan plan = findPlan(standard).orElse(null);
        String before = plan == null ? null : plan.describe();
        if (plan != null && countChecks(plan) > 0) {
            throw new RefusedException("error.check.planInUse", standard.code());
        }
        int interval = bounded(d.intervalDays(), 1, MAX_INTERVAL_DAYS, "error.check.interval");
        String against = Texts.required(d.checkStandard(), 200, "error.check.checkStandard");
        if (d.chart() == null || d.criterion() == null) {
            throw new RefusedException("error.check.chartAndCriterion");
        }
        int readings = d.chart() == ChartKind.MEAN_RANGE
                ? bounded(d.readingsPerCheck(), 2, MAX_READINGS, "error.check.readingsPerCheckMeanRange")
                : bounded(d.readingsPerCheck(), 1, MAX_READINGS, "error.check.readingsPerCheck");
        int base = bounded(d.baseChecks(), 2, MAX_BASE, "error.check.baseChecks");
        List<CheckPoint.Definition> points = d.points() == null ? List.of() : d.points();
        if (points.isEmpty() || points.size() > MAX_POINTS) {
            throw new RefusedException("error.check.pointCount", MAX_POINTS);
        }
        List<CheckPoint.Definition> clean = new ArrayList<>();
        for (CheckPoint.Definition p : points) {
            clean.add(point(p, d.criterion()));
        }
        if (clean.stream().map(CheckPoint.Definition::nominal).distinct().count() < clean.size()) {
            throw new RefusedException("error.check.pointTwice");
        }
        if (plan != null) {
            // restated before any check: the old plan goes, its points with it (replacing them in place would
            // insert the new points before deleting the old, against the unique point numbers)
            em.remove(plan);
            em.flush();
        }
        plan = new CheckPlan(standard, currentUser.account().username(), clock.instant());
        plan.define(interval, against, d.chart(), readings, base, d.criterion(), clean);
        em.persist(plan);
        em.flush();
        record("check.planned", "CheckPlan", standard.code(), before, plan.describe(), null);
        return PlanView.of(plan);
    }

    private static CheckPoint.Definition point(CheckPoint.Definition p, CheckCriterion criterion) {
        if (p == null) {
            throw new RefusedException("error.check.pointCount", MAX_POINTS);
        }
        String nominal = Texts.required(p.nominal(), 60, "error.check.nominal");
        String unit = p.unit() == null ? "" : p.unit().strip();
        if (unit.length() > 20 || Units.find(unit).isEmpty()) {
            throw new RefusedException("error.check.unit", nominal, unit);
        }
        BigDecimal value = p.referenceValue();
        BigDecimal u = p.referenceUncertainty();
        if ((value == null) != (u == null) || (criterion == CheckCriterion.NORMALIZED_ERROR && value == null)) {
            throw new RefusedException("error.check.reference", nominal);
        }
        if (value != null && (!InputLimits.fits(value, 18, 12) || !InputLimits.fits(u, 18, 12) || u.signum() <= 0)) {
            throw new RefusedException("error.check.referenceBounds", nominal);
        }
        return new CheckPoint.Definition(nominal, unit, value, u);
    }

    private static int bounded(Integer value, int min, int max, String key) {
        if (value == null || value < min || value > max) {
            throw new RefusedException(key, min, max);
        }
        return value;
    }

    /**
     * Records a check as entered and evaluates it against the plan and the checks before it. Refused, with nothing
     * stored, when an entry does not fit the plan; once stored, it stays as entered.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN})
    public CheckView record(String standardCode, CheckDetails d) {
        return record(standard(standardCode), d, currentUser.account().username(), null);
    }

    /**
     * Records a check made at the bench as a job ({@code method.check}), when the job is approved: its readings as
     * captured, by the technician who captured them, on the day of the capture, evaluated as a typed check is.
     */
    @RolesAllowed({Roles.APPROVER, Roles.QUALITY_MANAGER})
    public CheckView recordCaptured(String standardCode, LocalDate performedOn, String performedBy, String jobNumber,
            List<PointEntry> entries) {
        return record(standard(standardCode), new CheckDetails(performedOn, null, entries), performedBy, jobNumber);
    }

    /**
     * What a check with these entries would find if it were recorded now, storing nothing: the bench job shows it to
     * the technician, the checker and the approver before the check is recorded at approval.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR,
            Roles.INTAKE_CLERK})
    public CheckEvaluation.Outcome preview(String standardCode, List<PointEntry> entries) {
        MeasurementStandard standard = standard(standardCode);
        CheckPlan plan = findPlan(standard)
                .orElseThrow(() -> new RefusedException("error.check.noPlan", standard.code()));
        return evaluate(plan, checks(plan), entries).outcome();
    }

    /** A check's measurements per point and what the plan's criterion and chart find in them. */
    private record Evaluated(List<CheckEvaluation.Measured> now, CheckEvaluation.Outcome outcome) {
    }

    private Evaluated evaluate(CheckPlan plan, List<IntermediateCheck> earlier, List<PointEntry> given) {
        List<CheckPoint> points = plan.points();
        List<PointEntry> entries = given == null ? List.of() : given;
        if (entries.size() != points.size()) {
            throw new RefusedException("error.check.entries", points.size(), entries.size());
        }
        List<CheckEvaluation.Measured> now = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            now.add(measured(plan, points.get(p), entries.get(p)));
        }
        List<List<List<BigDecimal>>> history = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            int ordinal = p + 1;
            history.add(earlier.stream().map(c -> c.results().stream().filter(r -> r.ordinal() == ordinal)
                    .findFirst().orElseThrow().readings()).toList());
        }
        return new Evaluated(now, CheckEvaluation.evaluate(plan.criterion(), plan.chart(), plan.baseChecks(),
                points.stream().map(CheckPoint::reference).toList(), history, now));
    }

    private CheckView record(MeasurementStandard standard, CheckDetails d, String by, String jobNumber) {
        CheckPlan plan = findPlan(standard)
                .orElseThrow(() -> new RefusedException("error.check.noPlan", standard.code()));
        LocalDate today = LocalDate.now(clock);
        List<IntermediateCheck> earlier = checks(plan);
        LocalDate last = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).performedOn();
        if (d.performedOn() == null || d.performedOn().isAfter(today)
                || (last != null && d.performedOn().isBefore(last))) {
            throw new RefusedException("error.check.date", d.performedOn(), today, last == null ? "—" : last);
        }
        String note = d.note() == null || d.note().isBlank() ? null : d.note().strip();
        InputLimits.maxLength(note, 300, "field.check.note");
        List<CheckPoint> points = plan.points();
        Evaluated evaluated = evaluate(plan, earlier, d.points());
        List<CheckEvaluation.Measured> now = evaluated.now();
        CheckEvaluation.Outcome outcome = evaluated.outcome();
        IntermediateCheck check = new IntermediateCheck(plan, d.performedOn(), by, clock.instant(),
                outcome.outcome(), note);
        if (jobNumber != null) {
            check.capturedIn(jobNumber);
        }
        for (int p = 0; p < points.size(); p++) {
            CheckEvaluation.PointOutcome o = outcome.points().get(p);
            check.add(new CheckResult(check, p + 1, now.get(p).readings(), now.get(p).uncertainty(), o.mean(),
                    o.normalizedError(), signals(o.signals()), o.outOfTolerance()));
        }
        em.persist(check);
        em.flush();
        String summary = summary(check, points);
        String me = currentUser.account().username(); // who records it: the technician, or the approver of a bench job
        record("check.recorded", "IntermediateCheck", String.valueOf(check.id()), null, summary, null);
        if (outcome.outcome() == CheckOutcome.OUT_OF_TOLERANCE) {
            if (!standard.suspended()) {
                String beforeSuspension = standard.describe();
                standard.suspend();
                record("standard.suspended", "MeasurementStandard", standard.code(), beforeSuspension,
                        standard.describe(), summary);
            }
            open(standard, StandardCase.Kind.OUT_OF_TOLERANCE, check, me, summary);
        } else if (outcome.outcome() == CheckOutcome.OUT_OF_CONTROL) {
            open(standard, StandardCase.Kind.OUT_OF_CONTROL, check, me, summary);
        }
        return CheckView.of(check);
    }

    /**
     * Opens a case of this kind unless one is open for the standard already (the finding then joins it); also for a
     * failed yearly evaluation ({@link AnnualEvaluations}), whose case has no check.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN})
    public void open(MeasurementStandard standard, StandardCase.Kind kind, IntermediateCheck check, String by,
            String reason) {
        boolean alreadyOpen = !em.createQuery("select c.id from StandardCase c where c.standard = :s and c.kind = :k"
                        + " and c.state = :open", Long.class).setParameter("s", standard).setParameter("k", kind)
                .setParameter("open", StandardCase.State.OPEN).setMaxResults(1).getResultList().isEmpty();
        if (alreadyOpen) {
            return;
        }
        StandardCase c = new StandardCase(standard, kind, check, clock.instant(), by,
                reason.length() <= 500 ? reason : reason.substring(0, 499) + "…");
        em.persist(c);
        em.flush();
        record("case.opened", "StandardCase", String.valueOf(c.id()), null, standard.code() + ": " + kind, reason);
    }

    private static CheckEvaluation.Measured measured(CheckPlan plan, CheckPoint point, PointEntry entry) {
        String typed = entry == null || entry.readings() == null ? "" : entry.readings().strip();
        List<BigDecimal> readings = new ArrayList<>();
        try {
            for (String t : typed.isEmpty() ? new String[0] : typed.split("[\\s,;]+")) {
                BigDecimal value = new BigDecimal(t);
                if (!InputLimits.fits(value, 18, 12)) {
                    throw new NumberFormatException(t);
                }
                readings.add(value);
            }
        } catch (NumberFormatException e) {
            throw new RefusedException("error.check.readings", point.nominal(), plan.readingsPerCheck(),
                    point.unit(), typed.length() > 40 ? typed.substring(0, 40) + "…" : typed);
        }
        if (readings.size() != plan.readingsPerCheck()) {
            throw new RefusedException("error.check.readings", point.nominal(), plan.readingsPerCheck(),
                    point.unit(), typed.length() > 40 ? typed.substring(0, 40) + "…" : typed);
        }
        BigDecimal u = entry.uncertainty();
        if (u != null && (u.signum() <= 0 || !InputLimits.fits(u, 18, 12))) {
            throw new RefusedException("error.check.uncertainty", point.nominal());
        }
        if (u == null && plan.criterion() == CheckCriterion.NORMALIZED_ERROR) {
            throw new RefusedException("error.check.uncertaintyNeeded", point.nominal());
        }
        return new CheckEvaluation.Measured(readings, u);
    }

    /** "1 5 R1": the tests that signal on the values or means, then "R" and the test on the ranges. */
    static String signals(List<Signal> signals) {
        if (signals.isEmpty()) {
            return null;
        }
        return signals.stream().map(s -> (s.statistic() == Signal.Statistic.RANGE
                || s.statistic() == Signal.Statistic.MOVING_RANGE ? "R" : "") + s.rule().number())
                .collect(Collectors.joining(" "));
    }

    private static String summary(IntermediateCheck check, List<CheckPoint> points) {
        return "check #" + check.id() + " of " + check.performedOn() + ": " + check.outcome() + "; "
                + String.join("; ", check.results().stream().map(r -> points.get(r.ordinal() - 1).nominal() + " "
                        + r.mean().stripTrailingZeros().toPlainString() + " " + points.get(r.ordinal() - 1).unit()
                        + (r.normalizedError() == null ? "" : ", E_n = "
                                + r.normalizedError().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                        + (r.signals() == null ? "" : ", tests " + r.signals())
                        + (r.outOfTolerance() ? " (out of tolerance)" : "")).toList());
    }

    /** Also for the intake clerk, who receives a check standard for a check made at the bench. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR,
            Roles.INTAKE_CLERK})
    public java.util.Optional<PlanView> planOf(String standardCode) {
        return findPlan(standard(standardCode)).map(PlanView::of);
    }

    /** A standard's checks, oldest first (the order of its charts). */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<CheckView> checksOf(String standardCode) {
        return findPlan(standard(standardCode)).map(p -> checks(p).stream().map(CheckView::of).toList())
                .orElse(List.of());
    }

    /** A check on a point's chart: the value plotted (the mean), the (moving) range, the tests that signalled. */
    public record ChartPoint(long checkId, LocalDate performedOn, BigDecimal value, BigDecimal range,
            String signals) {
    }

    /**
     * A point's control chart pair: its checks in order and, once the base period is complete and shows scatter,
     * the limits of the values (or means) and of the (moving) ranges; null until then.
     */
    public record PointChart(int ordinal, String nominal, String unit, ChartKind chart, int baseChecks,
            Limits values, Limits ranges, List<ChartPoint> points) {
    }

    /** The control charts of a standard's check points (empty without a plan). */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<PointChart> chartsOf(String standardCode) {
        CheckPlan plan = findPlan(standard(standardCode)).orElse(null);
        if (plan == null) {
            return List.of();
        }
        List<IntermediateCheck> all = checks(plan);
        List<PointChart> charts = new ArrayList<>();
        for (CheckPoint point : plan.points()) {
            List<CheckResult> results = all.stream().map(c -> c.results().stream()
                    .filter(r -> r.ordinal() == point.ordinal()).findFirst().orElseThrow()).toList();
            List<List<BigDecimal>> series = results.stream().map(CheckResult::readings).toList();
            List<BigDecimal> ranges = plan.chart() == ChartKind.MEAN_RANGE ? MeanRangeChart.ranges(series)
                    : movingRanges(results);
            Limits values = null;
            Limits rangeLimits = null;
            if (series.size() >= plan.baseChecks()
                    && CheckEvaluation.limitsFollow(plan.chart(), series.subList(0, plan.baseChecks()))) {
                if (plan.chart() == ChartKind.MEAN_RANGE) {
                    MeanRangeChart c = MeanRangeChart.fromBasePeriod(series.subList(0, plan.baseChecks()));
                    values = c.means();
                    rangeLimits = c.ranges();
                } else {
                    IndividualsChart c = IndividualsChart.fromBasePeriod(results.subList(0, plan.baseChecks())
                            .stream().map(CheckResult::mean).toList());
                    values = c.values();
                    rangeLimits = c.movingRanges();
                }
            }
            List<ChartPoint> points = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                points.add(new ChartPoint(all.get(i).id(), all.get(i).performedOn(), results.get(i).mean(),
                        ranges.get(i), results.get(i).signals()));
            }
            charts.add(new PointChart(point.ordinal(), point.nominal(), point.unit(), plan.chart(),
                    plan.baseChecks(), values, rangeLimits, points));
        }
        return charts;
    }

    /** The moving ranges of the results' means, null for the first (which has none). */
    private static List<BigDecimal> movingRanges(List<CheckResult> results) {
        List<BigDecimal> ranges = new ArrayList<>();
        ranges.add(null);
        ranges.addAll(IndividualsChart.movingRanges(results.stream().map(CheckResult::mean).toList()));
        return ranges.subList(0, results.size());
    }

    /**
     * From when a standard is suspect: the day of the last check that passed before its newest check out of
     * tolerance, else the day of its current calibration, whichever is later (ISO/IEC 17025 §7.10: the work since
     * the last good result). Without a check out of tolerance: the day of its current calibration.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public LocalDate suspectSince(String standardCode) {
        MeasurementStandard standard = standard(standardCode);
        LocalDate calibrated = standard.calibratedOn();
        List<IntermediateCheck> all = findPlan(standard).map(this::checks).orElse(List.of());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).outcome() == CheckOutcome.OUT_OF_TOLERANCE) {
                for (int j = i - 1; j >= 0; j--) {
                    if (all.get(j).outcome().passed()) {
                        LocalDate checked = all.get(j).performedOn();
                        return checked.isAfter(calibrated) ? checked : calibrated;
                    }
                }
                return calibrated;
            }
        }
        return calibrated;
    }

    /** A standard's cases, newest first. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<CaseView> casesOf(String standardCode) {
        MeasurementStandard standard = standard(standardCode);
        return em.createQuery("select c from StandardCase c where c.standard = :s order by c.id desc",
                StandardCase.class).setParameter("s", standard).getResultStream()
                .map(c -> CaseView.of(c, standard.code())).toList();
    }

    private List<IntermediateCheck> checks(CheckPlan plan) {
        return em.createQuery("select distinct c from IntermediateCheck c left join fetch c.results"
                + " where c.plan = :p order by c.id", IntermediateCheck.class).setParameter("p", plan).getResultList();
    }

    private long countChecks(CheckPlan plan) {
        return em.createQuery("select count(c) from IntermediateCheck c where c.plan = :p", Long.class)
                .setParameter("p", plan).getSingleResult();
    }

    private java.util.Optional<CheckPlan> findPlan(MeasurementStandard standard) {
        return em.createQuery("select p from CheckPlan p where p.standard = :s", CheckPlan.class)
                .setParameter("s", standard).getResultStream().findFirst();
    }

    private MeasurementStandard standard(String code) {
        return standards.require(code);
    }

    private void record(String action, String type, String id, String before, String after, String reason) {
        audit.record(new AuditEvent(currentUser.account().username(), action, type, id, null, before, after,
                reason));
    }
}
