package org.jiliang.lims.method.dmm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.metrology.dmm.BudgetLine;
import org.jiliang.lims.metrology.dmm.DmmPointCalibration;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;

/**
 * A multimeter calibration's results computed from the readings: the error E at each point with U, k and the
 * budget, as soon as the point has all its indications. A calibration without a specification gives no verdict:
 * no pass or fail per point or overall.
 */
final class MultimeterJobResult implements JobResult {

    private final List<MultimeterRun.Evaluated> evaluated;
    private final List<TestPoint> points;

    private MultimeterJobResult(VerificationJob job) {
        this.points = job.testPoints();
        List<MultimeterRun.Evaluated> e = new ArrayList<>();
        for (TestPoint p : points) {
            MultimeterRun.evaluate(p).ifPresent(e::add);
        }
        this.evaluated = List.copyOf(e);
    }

    static MultimeterJobResult of(VerificationJob job) {
        return new MultimeterJobResult(job);
    }

    /** Every point's result, in the plan's order; complete once every point has its indications. */
    List<MultimeterRun.Evaluated> evaluated() {
        return evaluated;
    }

    @Override
    public Optional<PointOutcome> point(TestPoint point) {
        return Optional.empty();
    }

    @Override
    public Optional<Boolean> passed() {
        return Optional.empty();
    }

    @Override
    public Optional<String> conclusion() {
        return evaluated.size() == points.size() && !points.isEmpty()
                ? Optional.of("校准完成，给出各点示值误差及其扩展不确定度 / calibrated: the error of indication at every"
                        + " point with its expanded uncertainty")
                : Optional.empty();
    }

    @Override
    public List<String> nonConformities() {
        return List.of();
    }

    @Override
    public MultimeterCalibrationView details() {
        List<MultimeterCalibrationView.PointResult> rows = new ArrayList<>();
        for (TestPoint p : points) {
            Optional<MultimeterRun.Evaluated> e = evaluated.stream().filter(x -> x.testPoint() == p).findFirst();
            if (e.isEmpty()) {
                rows.add(new MultimeterCalibrationView.PointResult(p.ordinal(), p.label(), null, null, null, null,
                        null, null, null, List.of()));
                continue;
            }
            DmmPointCalibration c = e.get().calibration();
            var budget = c.budget();
            var reported = c.reported();
            String unit = " " + budget.unit();
            List<MultimeterCalibrationView.BudgetLine> lines = c.lines().stream().map(l -> line(l, unit)).toList();
            BigDecimal mean = budget.component(budget.components().get(0).name()).orElseThrow().quantity().estimate();
            rows.add(new MultimeterCalibrationView.PointResult(p.ordinal(), p.label(),
                    e.get().standard().standard().code(), e.get().standard().value().value().toString(),
                    new Quantity(mean.stripTrailingZeros(), p.quantityUnit()).toString(),
                    reported.value().toPlainString() + unit, reported.expandedUncertainty().toPlainString() + unit,
                    reported.coverageFactor().toPlainString(),
                    budget.effectiveDegreesOfFreedom().map(Object::toString).orElse("—"), lines));
        }
        return new MultimeterCalibrationView(rows);
    }

    static MultimeterCalibrationView.BudgetLine line(BudgetLine l, String unit) {
        var q = l.component().quantity();
        // each input in its own unit (a ratio has none, a temperature coefficient is in 1/K), the contribution in
        // the result's
        String own = q.unit() == null || q.unit().isBlank() ? "" : " " + q.unit();
        return new MultimeterCalibrationView.BudgetLine(l.name(), l.explanationZh() + " / " + l.explanationEn(),
                plain(q.estimate(), 9) + own, plain(q.standardUncertainty(), 3) + own,
                // the basis says which s a Type A line rests on (the readings' own, or a pooled s_p: issue 11)
                q.evaluation().type() + ", " + q.evaluation().distribution() + ": " + q.evaluation().basis(),
                plain(l.component().sensitivityCoefficient(), 4), plain(l.component().contribution(), 3) + unit,
                q.degreesOfFreedom().toString());
    }

    private static String plain(BigDecimal value, int digits) {
        return value.signum() == 0 ? "0" : value.round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
