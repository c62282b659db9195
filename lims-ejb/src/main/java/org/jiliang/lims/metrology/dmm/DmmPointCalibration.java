package org.jiliang.lims.metrology.dmm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jiliang.lims.metrology.decision.AcceptanceRule;
import org.jiliang.lims.metrology.decision.ConformityAssessment;
import org.jiliang.lims.metrology.decision.ConformityOutcome;
import org.jiliang.lims.metrology.decision.ToleranceLimits;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.uncertainty.Coverage;
import org.jiliang.lims.metrology.uncertainty.ExpandedUncertaintyBasis;
import org.jiliang.lims.metrology.uncertainty.InputQuantity;
import org.jiliang.lims.metrology.uncertainty.MeasurementModel;
import org.jiliang.lims.metrology.uncertainty.ModelEvaluation;
import org.jiliang.lims.metrology.uncertainty.Readings;
import org.jiliang.lims.metrology.uncertainty.ReportedResult;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;

/**
 * The error of a multimeter at one point, measured directly against a multifunction calibrator (EA-4/02 M:2022 S9,
 * the practice of JJF 1587-2016 and EURAMET cg-15):
 *
 * <pre>
 * E = X̄_x + δX_res − X_s − δX_drift − δX_temp
 * </pre>
 *
 * X̄_x the mean of n indications (repeatability, Type A), δX_res the rounding of the display (rectangular, half the
 * last digit), X_s the calibrator's value (its certificate: normal, U/k; or its specification: rectangular), δX_drift
 * and δX_temp the calibrator's drift since calibration and temperature effect (rectangular). X is V for DC voltage
 * and R for resistance. The engine evaluates the model and finds every sensitivity coefficient; ν_eff and k follow
 * the engine's rule (Welch–Satterthwaite, Student t at 95.45 % unless a coverage is stated).
 */
public final class DmmPointCalibration {

    /** Readings needed for the Type A evaluation of repeatability (s needs two). */
    public static final int MINIMUM_READINGS = 2;

    private static final MathContext MC = MathContext.DECIMAL128;

    private final DmmPoint point;
    private final ModelEvaluation evaluation;
    private final UncertaintyBudget budget;
    private final List<BudgetLine> lines;
    private final ConformityOutcome conformity;

    private DmmPointCalibration(Builder b) {
        this.point = b.point;
        Unit unit = point.range().unit();
        String x = point.function() == DmmFunction.DC_VOLTAGE ? "V" : "R";
        String what = "the " + point.nominal() + " point on the " + point.range() + " range";
        b.readings.requireAtLeast(MINIMUM_READINGS, what);
        List<BigDecimal> indications = b.readings.in(unit, what);
        Quantity largest = point.largestDisplay();
        for (BigDecimal v : indications) {
            if (v.abs().compareTo(largest.value()) > 0) {
                throw DmmPoint.outsideRange(new Quantity(v, unit), point.range(), largest);
            }
        }
        CalibratorOutput cal = b.calibrator;
        Quantity applied = convert(cal.value(), unit, "the calibrator's value for " + what);
        if (applied.value().abs().compareTo(largest.value()) > 0) {
            throw DmmPoint.outsideRange(applied, point.range(), largest);
        }
        String u = unit.symbol();
        String xMean = x + "_x";
        String res = "δ" + x + "_res";
        String std = x + "_s";
        String drift = "δ" + x + "_drift";
        String temp = "δ" + x + "_temp";

        InputQuantity repeatability = InputQuantity.typeA(xMean, u, new Readings(indications));
        BigDecimal lastDigit = point.resolution().value();
        InputQuantity resolution = InputQuantity.rectangular(res, u, BigDecimal.ZERO,
                lastDigit.divide(BigDecimal.valueOf(2)));
        BigDecimal calU = convert(cal.uncertainty(), unit, "the calibrator's uncertainty").value();
        InputQuantity standard = cal.fromCertificate()
                ? InputQuantity.normal(std, u, applied.value(), calU, cal.coverageFactor())
                : InputQuantity.rectangular(std, u, applied.value(), calU);
        InputQuantity driftLine = InputQuantity.rectangular(drift, u, BigDecimal.ZERO,
                convert(cal.driftLimits(), unit, "the calibrator's drift limits").value());
        InputQuantity tempLine = InputQuantity.rectangular(temp, u, BigDecimal.ZERO,
                convert(cal.temperatureLimits(), unit, "the calibrator's temperature limits").value());

        MeasurementModel model = MeasurementModel.of("E", u, v -> v.get(xMean).add(v.get(res), MC)
                .subtract(v.get(std), MC).subtract(v.get(drift), MC).subtract(v.get(temp), MC));
        this.evaluation = ModelEvaluation.of(model).input(repeatability).input(resolution).input(standard)
                .input(driftLine).input(tempLine).coverage(b.coverage).basis(b.basis).evaluate();
        this.budget = evaluation.budget("E");

        Map<String, String[]> explain = Map.of(
                xMean, new String[] {"被校表 " + indications.size() + " 次示值的平均值（重复性，A 类）",
                        "mean of " + indications.size() + " indications of the meter (repeatability, Type A)"},
                res, new String[] {"被校表分辨力：末位一个字 " + point.resolution() + " 的一半，均匀分布",
                        "resolution of the meter: half its last digit " + point.resolution() + ", rectangular"},
                std, cal.fromCertificate()
                        ? new String[] {"校准器输出值，不确定度取自其校准证书（U/k，正态分布）",
                                "calibrator output, uncertainty from its calibration certificate (U/k, normal)"}
                        : new String[] {"校准器输出值，不确定度取自其技术指标（均匀分布）",
                                "calibrator output, uncertainty from its specification (limits, rectangular)"},
                drift, new String[] {"校准器自上次校准以来的漂移，均匀分布",
                        "drift of the calibrator since its calibration, rectangular"},
                temp, new String[] {"环境温度对校准器输出的影响，均匀分布",
                        "effect of the laboratory temperature on the calibrator output, rectangular"});
        List<BudgetLine> l = new ArrayList<>();
        for (UncertaintyBudget.Component c : budget.components()) {
            String[] text = explain.get(c.name());
            l.add(new BudgetLine(c, text[0], text[1]));
        }
        this.lines = List.copyOf(l);

        if (b.specification != null) {
            ReportedResult r = budget.reported();
            BigDecimal tolerance = b.specification.tolerance(point, applied.value());
            this.conformity = ConformityAssessment.assess(b.rule, r.value(), r.expandedUncertainty(),
                    ToleranceLimits.symmetric(BigDecimal.ZERO, tolerance, u));
        } else {
            this.conformity = null;
        }
    }

    private static Quantity convert(Quantity q, Unit unit, String what) {
        if (!q.unit().sameKindAs(unit)) {
            throw new DmmRefusal("error.dmm.readingUnit", q + " (" + q.kind() + ") cannot be " + what + " in "
                    + unit.symbol() + " (" + unit.kind() + ")", q.unit().symbol(), unit.symbol());
        }
        return q.to(unit);
    }

    /** Starts the evaluation of one point with the calibrator's output and the meter's indications. */
    public static Builder of(DmmPoint point, CalibratorOutput calibrator, Indications readings) {
        return new Builder(point, calibrator, readings);
    }

    public DmmPoint point() {
        return point;
    }

    /** The error E = X̄_x − X_s, unrounded, in the range's unit. */
    public BigDecimal error() {
        return budget.estimate();
    }

    public UncertaintyBudget budget() {
        return budget;
    }

    /** The engine's evaluation: sensitivity coefficients and their numerical error. */
    public ModelEvaluation evaluation() {
        return evaluation;
    }

    /** The budget lines in the model's order, each explained. */
    public List<BudgetLine> lines() {
        return lines;
    }

    /** E ± U as the certificate prints it. */
    public ReportedResult reported() {
        return budget.reported();
    }

    /** The statement of conformity, when a specification was given: the reported E and U against ±tolerance. */
    public Optional<ConformityOutcome> conformity() {
        return Optional.ofNullable(conformity);
    }

    /** The choices of one evaluation; only the point, the calibrator and the readings are required. */
    public static final class Builder {

        private final DmmPoint point;
        private final CalibratorOutput calibrator;
        private final Indications readings;
        private Coverage coverage = Coverage.studentT95();
        private ExpandedUncertaintyBasis basis = ExpandedUncertaintyBasis.UNROUNDED_COMBINED;
        private AccuracySpecification specification;
        private AcceptanceRule rule;

        private Builder(DmmPoint point, CalibratorOutput calibrator, Indications readings) {
            this.point = Objects.requireNonNull(point, "point");
            this.calibrator = Objects.requireNonNull(calibrator, "calibrator");
            this.readings = Objects.requireNonNull(readings, "readings");
        }

        public Builder coverage(Coverage c) {
            this.coverage = Objects.requireNonNull(c, "coverage");
            return this;
        }

        public Builder basis(ExpandedUncertaintyBasis b) {
            this.basis = Objects.requireNonNull(b, "basis");
            return this;
        }

        /** Judge the error against the meter's specification by an ILAC-G8 rule. */
        public Builder specification(AccuracySpecification spec, AcceptanceRule acceptanceRule) {
            this.specification = Objects.requireNonNull(spec, "specification");
            this.rule = Objects.requireNonNull(acceptanceRule, "rule");
            return this;
        }

        public DmmPointCalibration evaluate() {
            return new DmmPointCalibration(this);
        }
    }
}
