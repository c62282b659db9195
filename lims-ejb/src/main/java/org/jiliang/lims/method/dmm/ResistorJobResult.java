package org.jiliang.lims.method.dmm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.PointReading;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;

/**
 * A standard resistor's calibration computed from the pairs of indications: R_X with U, k and its budget once both
 * points have all their indications. A calibration without a specification gives no verdict.
 */
final class ResistorJobResult implements JobResult {

    private final VerificationJob job;
    private final Optional<SubstitutionRun.Evaluated> evaluated;

    private ResistorJobResult(VerificationJob job) {
        this.job = job;
        this.evaluated = SubstitutionRun.evaluate(job);
    }

    static ResistorJobResult of(VerificationJob job) {
        return new ResistorJobResult(job);
    }

    Optional<SubstitutionRun.Evaluated> evaluated() {
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
        return evaluated.map(e -> "校准完成，给出被校电阻的值及其扩展不确定度 / calibrated: the value of the resistor with its"
                + " expanded uncertainty");
    }

    @Override
    public List<String> nonConformities() {
        return List.of();
    }

    @Override
    public ResistorCalibrationView details() {
        List<PointReading> x = job.testPoint(1).currentReadings();
        List<PointReading> s = job.testPoint(2).currentReadings();
        List<ResistorCalibrationView.Pair> pairs = new ArrayList<>();
        for (int k = 0; k < job.testPoint(1).readingsNeeded(); k++) {
            BigDecimal xk = k < x.size() ? x.get(k).indicationValue() : null;
            BigDecimal sk = k < s.size() ? s.get(k).indicationValue() : null;
            String ratio = xk == null || sk == null || sk.signum() == 0 ? null
                    : xk.divide(sk, new MathContext(10)).toPlainString();
            String unit = " " + job.testPoint(1).quantityUnit().symbol();
            pairs.add(new ResistorCalibrationView.Pair(k + 1,
                    xk == null ? null : xk.stripTrailingZeros().toPlainString() + unit,
                    sk == null ? null : sk.stripTrailingZeros().toPlainString() + unit, ratio));
        }
        if (evaluated.isEmpty()) {
            String missing = SubstitutionRun.zeroScatter(job)
                    .map(r -> r.getMessage(java.util.Locale.CHINESE) + " / " + r.getMessage(java.util.Locale.ENGLISH))
                    .orElse(null);
            return new ResistorCalibrationView(pairs, null, null, null, null, null, null, null, null, List.of(),
                    missing);
        }
        SubstitutionRun.Evaluated e = evaluated.get();
        var budget = e.substitution().budget();
        var reported = e.substitution().reported();
        String unit = " " + budget.unit();
        BigDecimal meanRatio = budget.component("r").orElseThrow().quantity().estimate();
        return new ResistorCalibrationView(pairs, e.reference().standard().code(), e.reference().value().toString(),
                e.temperature().toString(), meanRatio.round(new MathContext(10)).toPlainString(),
                reported.value().toPlainString() + unit, reported.expandedUncertainty().toPlainString() + unit,
                reported.coverageFactor().toPlainString(),
                budget.effectiveDegreesOfFreedom().map(Object::toString).orElse("—"),
                e.substitution().lines().stream().map(l -> MultimeterJobResult.line(l, unit)).toList(), null);
    }
}
