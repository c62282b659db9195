package org.jiliang.lims.method.weight;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.metrology.uncertainty.Evaluation;
import org.jiliang.lims.metrology.weight.WeightCalibration;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.VerificationJob;

/**
 * A weight calibration's result computed from what was recorded: m_ct, U, k and the budget once every input is
 * there, the conformity to the weight's class; no per-point verdict (a comparator indication is not judged alone).
 */
final class WeightJobResult implements JobResult {

    private final WeightCalibrationRun run;
    private final WeightCalibration result;

    private WeightJobResult(VerificationJob job) {
        run = WeightCalibrationRun.of(job);
        result = run.result().orElse(null);
    }

    static WeightJobResult of(VerificationJob job) {
        return new WeightJobResult(job);
    }

    Optional<WeightCalibration> calibration() {
        return Optional.ofNullable(result);
    }

    WeightCalibrationRun run() {
        return run;
    }

    @Override
    public Optional<PointOutcome> point(TestPoint point) {
        return Optional.empty();
    }

    /** Whether the weight conforms to its class (U ≤ δm/3 and the guarded acceptance decision). */
    @Override
    public Optional<Boolean> passed() {
        return calibration().map(WeightCalibration::conforms);
    }

    @Override
    public Optional<String> conclusion() {
        return calibration().map(w -> w.conforms()
                ? "符合 " + w.weightClass().symbol() + " 级要求 / conforms to class " + w.weightClass().symbol()
                : "不符合 " + w.weightClass().symbol() + " 级要求 / does not conform to class "
                        + w.weightClass().symbol());
    }

    @Override
    public List<String> nonConformities() {
        return List.of();
    }

    @Override
    public WeightCalibrationView details() {
        String reference = run.referenceStandard().map(s -> s.code() + " " + s.name()).orElse(null);
        String airDensity = run.conditions().map(c -> c.airDensity().round(new MathContext(5)).toPlainString()
                + " kg/m³").orElse(null);
        if (result == null) {
            String missing = run.missing().map(e -> e.getMessage(Locale.CHINESE) + " / " + e.getMessage(Locale.ENGLISH))
                    .orElse(null);
            return new WeightCalibrationView(reference, airDensity, null, null, null, null, null, null, false, null, null,
                    null, List.of(), missing);
        }
        var budget = result.budget();
        String unit = " " + budget.unit();
        List<WeightCalibrationView.BudgetLine> lines = budget.components().stream().map(c -> new WeightCalibrationView.BudgetLine(
                WeightCalibrationProcedure.componentLabel(c.name()).toString(), c.name(),
                plain(c.quantity().estimate(), 9) + unit, plain(c.quantity().standardUncertainty(), 3) + unit,
                plain(c.sensitivityCoefficient(), 4), plain(c.contribution(), 3) + unit,
                c.quantity().degreesOfFreedom().toString(), evaluation(c.quantity().evaluation())
                        + ("ΔI".equals(c.name()) ? " (R 111-1 C.6.1)" : ""))).toList();
        var reported = budget.reported();
        return new WeightCalibrationView(reference, airDensity, reported.value().toPlainString() + unit,
                reported.expandedUncertainty().toPlainString() + unit, reported.coverageFactor().toPlainString(),
                budget.effectiveDegreesOfFreedom().map(Object::toString).orElse("—"),
                "±" + result.maximumPermissibleError(), plain(result.uncertaintyLimit().value(), 3) + unit,
                result.uncertaintyWithinLimit(), result.conformity().decision().labelZh() + " / "
                        + result.conformity().decision().labelEn(),
                result.conformity().statementZh(), result.conformity().statementEn(), lines, null);
    }

    private static String evaluation(Evaluation e) {
        return e.type() + ", " + e.distribution() + ": " + e.basis();
    }

    /** A value to a few significant digits, or to the given decimal places for estimates. */
    private static String plain(BigDecimal value, int digits) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
