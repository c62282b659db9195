package org.jiliang.lims.standard.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.metrology.spc.IndividualsChart;
import org.jiliang.lims.metrology.spc.MeanRangeChart;
import org.jiliang.lims.metrology.spc.RunRule;
import org.jiliang.lims.metrology.spc.Signal;

/**
 * Evaluates a new check against its plan and the checks before it, point by point: the result (the mean of its
 * readings), E_n where the point has a reference value and the result an uncertainty, and the control chart's
 * signals at the new check once the base period is complete. The limits rest on the plan's first {@code baseChecks}
 * checks and stay fixed after.
 */
public final class CheckEvaluation {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** A point of the plan: its reference value and that value's expanded uncertainty, both or neither. */
    public record Reference(BigDecimal value, BigDecimal uncertainty) {
    }

    /** What a check measured at a point: its readings and the expanded uncertainty of their mean (or null). */
    public record Measured(List<BigDecimal> readings, BigDecimal uncertainty) {

        public BigDecimal mean() {
            return readings.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(readings.size()), MC);
        }
    }

    /**
     * The evaluation of a point.
     *
     * @param mean            the check's result
     * @param normalizedError E_n, or null where there is no reference value or no uncertainty
     * @param signals         the tests that signal at this check (empty during the base period)
     * @param outOfTolerance  whether it fails the plan's criterion
     */
    public record PointOutcome(BigDecimal mean, BigDecimal normalizedError, List<Signal> signals,
            boolean outOfTolerance) {
    }

    public record Outcome(CheckOutcome outcome, List<PointOutcome> points) {
    }

    private CheckEvaluation() {
    }

    /**
     * @param references per point of the plan, its reference (values null when it has none)
     * @param earlier    per point, the readings of every earlier check, oldest first
     * @param now        per point, this check's measurement
     */
    public static Outcome evaluate(CheckCriterion criterion, ChartKind chart, int baseChecks,
            List<Reference> references, List<List<List<BigDecimal>>> earlier, List<Measured> now) {
        List<PointOutcome> points = new ArrayList<>();
        boolean anySignal = false;
        boolean anyFailure = false;
        boolean base = earlier.get(0).size() + 1 <= baseChecks;
        for (int p = 0; p < references.size(); p++) {
            Measured m = now.get(p);
            BigDecimal mean = m.mean();
            BigDecimal en = normalizedError(mean, m.uncertainty(), references.get(p));
            List<List<BigDecimal>> series = new ArrayList<>(earlier.get(p));
            series.add(m.readings());
            List<Signal> signals = base ? List.of() : signalsAtLast(chart, baseChecks, series);
            boolean fails = switch (criterion) {
                case NORMALIZED_ERROR -> en != null && en.abs().compareTo(BigDecimal.ONE) > 0;
                case CONTROL_LIMITS -> signals.stream().anyMatch(s -> s.rule() == RunRule.BEYOND_LIMITS
                        && s.statistic() != Signal.Statistic.MOVING_RANGE && s.statistic() != Signal.Statistic.RANGE);
            };
            anyFailure |= fails;
            anySignal |= !signals.isEmpty();
            points.add(new PointOutcome(mean, en, signals, fails));
        }
        CheckOutcome outcome = anyFailure ? CheckOutcome.OUT_OF_TOLERANCE : anySignal ? CheckOutcome.OUT_OF_CONTROL
                : base ? CheckOutcome.BASE_PERIOD : CheckOutcome.IN_CONTROL;
        return new Outcome(outcome, points);
    }

    /** E_n = (x − X_ref)/√(U² + U_ref²); null without a reference value or an uncertainty. */
    static BigDecimal normalizedError(BigDecimal x, BigDecimal u, Reference reference) {
        if (reference == null || reference.value() == null || reference.uncertainty() == null || u == null) {
            return null;
        }
        BigDecimal denominator = u.pow(2).add(reference.uncertainty().pow(2)).sqrt(MC);
        return x.subtract(reference.value()).divide(denominator, MC);
    }

    /** The signals of the chart (limits from the first baseChecks checks) at the series' last check. */
    static List<Signal> signalsAtLast(ChartKind chart, int baseChecks, List<List<BigDecimal>> series) {
        int last = series.size() - 1;
        if (!limitsFollow(chart, series.subList(0, baseChecks))) {
            return List.of();
        }
        List<Signal> all = switch (chart) {
            case INDIVIDUALS -> {
                List<BigDecimal> values = series.stream().map(r -> new Measured(r, null).mean()).toList();
                yield IndividualsChart.fromBasePeriod(values.subList(0, baseChecks)).signals(values);
            }
            case MEAN_RANGE -> MeanRangeChart.fromBasePeriod(series.subList(0, baseChecks)).signals(series);
        };
        return all.stream().filter(s -> s.index() == last).toList();
    }

    /**
     * Whether control limits follow from a base period: they do not when its checks show no scatter at all (all
     * equal), and then no check is judged by a chart until the plan is given a new base period.
     */
    public static boolean limitsFollow(ChartKind chart, List<List<BigDecimal>> base) {
        if (chart == ChartKind.INDIVIDUALS) {
            List<BigDecimal> values = base.stream().map(r -> new Measured(r, null).mean()).toList();
            return IndividualsChart.movingRanges(values).stream().anyMatch(r -> r.signum() != 0);
        }
        return MeanRangeChart.ranges(base).stream().anyMatch(r -> r.signum() != 0);
    }
}
