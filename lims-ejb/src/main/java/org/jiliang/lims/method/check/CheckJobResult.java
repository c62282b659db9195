package org.jiliang.lims.method.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.spc.Signal;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.standard.check.CheckEvaluation;
import org.jiliang.lims.standard.check.CheckOutcome;
import org.jiliang.lims.standard.check.IntermediateChecks;

/**
 * What a check made at the bench shows while it runs: each point's readings and their mean and, once every point has
 * its readings, what the plan's criterion and control chart will find when the check is recorded at approval (the
 * same evaluation, on the checks recorded so far). A check out of tolerance "fails": the job still goes through
 * review and approval — a finding is a result too — and its approval suspends the standard.
 */
final class CheckJobResult implements JobResult {

    /** The words of each outcome, as the record and the job's page print them. */
    static final Map<CheckOutcome, String> OUTCOME = Map.of(
            CheckOutcome.BASE_PERIOD, "合格，计入基期（控制限尚未确定） / passed, part of the base period (no control limits"
                    + " yet)",
            CheckOutcome.IN_CONTROL, "合格，受控 / passed, in control",
            CheckOutcome.OUT_OF_CONTROL, "合格但失控：判异准则报警，立案 / passed but out of control: a test for special"
                    + " causes signals, a case opens",
            CheckOutcome.OUT_OF_TOLERANCE, "超差：计量标准停用并立案 / out of tolerance: the standard is suspended and a"
                    + " case opens");

    /** A point as the job's page shows it. */
    public record PointLine(String point, String readings, String mean, String judgement, Boolean passed) {
    }

    /** What the job's details fragment shows. */
    public record CheckJobView(String standard, List<PointLine> points, String outcome) {
    }

    private final String standard;
    private final List<TestPoint> points;
    private final CheckEvaluation.Outcome preview;

    private CheckJobResult(String standard, List<TestPoint> points, CheckEvaluation.Outcome preview) {
        this.standard = standard;
        this.points = points;
        this.preview = preview;
    }

    static CheckJobResult of(VerificationJob job, String standard, IntermediateChecks checks) {
        List<TestPoint> points = job.testPoints();
        boolean complete = !points.isEmpty() && points.stream().allMatch(TestPoint::captured);
        return new CheckJobResult(standard, points, complete
                ? checks.preview(standard, IntermediateCheckMethod.entries(job)) : null);
    }

    /** A point's mean and judgement, once every point has its readings (the chart judges the check as a whole). */
    @Override
    public Optional<PointOutcome> point(TestPoint point) {
        Optional<Quantity> mean = mean(point);
        CheckEvaluation.PointOutcome o = outcome(point);
        if (mean.isEmpty() || o == null) {
            return Optional.empty();
        }
        return Optional.of(new PointOutcome(mean.get(), !o.outOfTolerance(), judgement(o), "x̄ = " + mean.get()));
    }

    @Override
    public Optional<Boolean> passed() {
        return preview == null ? Optional.empty() : Optional.of(preview.outcome().passed());
    }

    @Override
    public Optional<String> conclusion() {
        return preview == null ? Optional.empty() : Optional.of("核查结论 / outcome: " + OUTCOME.get(preview.outcome()));
    }

    @Override
    public List<String> nonConformities() {
        List<String> lines = new ArrayList<>();
        for (TestPoint p : points) {
            CheckEvaluation.PointOutcome o = outcome(p);
            if (o != null && o.outOfTolerance()) {
                lines.add("核查点 " + p.label() + "：" + judgement(o) + " / check point " + p.label());
            }
        }
        return lines;
    }

    @Override
    public CheckJobView details() {
        return new CheckJobView(standard, points.stream().map(p -> {
            CheckEvaluation.PointOutcome o = outcome(p);
            return new PointLine(p.label(), p.currentReadings().isEmpty() ? "—"
                    : IntermediateCheckMethod.readings(p) + " " + p.quantityUnit().symbol(),
                    mean(p).map(Quantity::toString).orElse("—"), o == null ? "—" : judgement(o),
                    o == null ? null : !o.outOfTolerance());
        }).toList(), preview == null ? null : OUTCOME.get(preview.outcome()));
    }

    /** The outcome of the check, once every point has its readings. */
    Optional<CheckOutcome> outcome() {
        return preview == null ? Optional.empty() : Optional.of(preview.outcome());
    }

    private CheckEvaluation.PointOutcome outcome(TestPoint point) {
        int i = point.ordinal() - 1;
        return preview == null || i < 0 || i >= preview.points().size() ? null : preview.points().get(i);
    }

    private static Optional<Quantity> mean(TestPoint point) {
        var readings = point.currentReadings();
        if (readings.isEmpty()) {
            return Optional.empty();
        }
        List<BigDecimal> values = IntermediateCheckMethod.values(point);
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Quantity(stated(sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64),
                values), point.quantityUnit()));
    }

    /** A mean with one decimal more than its most precise reading: 1000.00011, …13, …12 give 1000.000120. */
    static BigDecimal stated(BigDecimal mean, List<BigDecimal> readings) {
        int scale = readings.stream().mapToInt(BigDecimal::scale).max().orElse(0) + 1;
        return mean.setScale(Math.max(scale, 0), java.math.RoundingMode.HALF_EVEN);
    }

    /** "控制限内 / within the control limits", "判异准则 1 / test 1 signals", "E_n = 0.42". */
    static String judgement(CheckEvaluation.PointOutcome o) {
        String en = o.normalizedError() == null ? "" : "E_n = " + o.normalizedError()
                .setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + "; ";
        if (!o.signals().isEmpty()) {
            String tests = o.signals().stream().map(CheckJobResult::test).distinct().collect(Collectors.joining(", "));
            return en + "判异准则 " + tests + " / tests " + tests + (o.outOfTolerance() ? "（超出控制限 beyond the limits）"
                    : "");
        }
        return en + (o.outOfTolerance() ? "超差 / out of tolerance" : "未见异常 / no signal");
    }

    private static String test(Signal s) {
        return (s.statistic() == Signal.Statistic.RANGE || s.statistic() == Signal.Statistic.MOVING_RANGE ? "R" : "")
                + s.rule().number();
    }
}
