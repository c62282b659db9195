package org.jiliang.lims.metrology.dmm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.uncertainty.Coverage;
import org.jiliang.lims.metrology.uncertainty.DegreesOfFreedom;
import org.jiliang.lims.metrology.uncertainty.EvaluationType;
import org.jiliang.lims.metrology.uncertainty.InputQuantity;
import org.jiliang.lims.metrology.uncertainty.MeasurementModel;
import org.jiliang.lims.metrology.uncertainty.ModelEvaluation;
import org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation;
import org.jiliang.lims.metrology.uncertainty.Readings;
import org.jiliang.lims.metrology.uncertainty.ReportedResult;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;

/**
 * A standard resistor R_X calibrated by substitution against a reference resistor R_S of the same nominal value,
 * a long-scale multimeter reading each in turn as a comparator (EA-4/02 M:2022 S3):
 *
 * <pre>
 * R_X = (R_S + δR_D + R_S·α_S·(t − t_0)) · r_C · r · (1 + δr_res) − δR_TX
 * </pre>
 *
 * R_S, U, t_0 from the reference's certificate; δR_D its drift since; α_S·(t − t_0) its temperature correction,
 * t the temperature of the bath or room, known within ±a_t (rectangular); r the mean of the ratios r_k = R_iX/R_iS of
 * n pairs of indications (Type A, ν = n − 1: taking ratios of readings close in time cancels the meter's
 * short-term drift); r_C the meter's transfer correction (short-term stability and linearity over the small
 * difference, triangular as S3 takes it); δr_res the display's rounding of both indications (the difference of two
 * rectangular roundings of half-width d/2 each: triangular of half-width d/R); δR_TX the unknown's own temperature
 * effect, ±R·α_X·a_t (rectangular). The two temperature effects come from the same t but are taken as uncorrelated,
 * as S3 does (the unknown's α_X is a manufacturer's bound, not a value). The engine computes every coefficient.
 */
public final class ResistorSubstitution {

    private static final MathContext MC = MathContext.DECIMAL128;

    private final ModelEvaluation evaluation;
    private final UncertaintyBudget budget;
    private final List<BudgetLine> lines;

    private ResistorSubstitution(Builder b) {
        ReferenceResistor ref = b.reference;
        Unit ohm = ref.certifiedValue().unit();
        String u = ohm.symbol();
        if (b.temperature == null) {
            throw new IllegalStateException("The temperature of the resistors is needed (temperature(t, a_t))");
        }
        if (b.ratio == null) {
            throw new IllegalStateException("The ratio of indications is needed (readings(x, s) or ratio(...))");
        }
        Unit celsius = Units.of("°C");
        BigDecimal t0 = ref.certificateTemperature().to(celsius).value();
        BigDecimal t = b.temperature.to(celsius).value();
        BigDecimal tLimits = b.temperatureLimits.to(Units.of("K")).value();
        BigDecimal rs = ref.certifiedValue().value();

        Map<String, InputQuantity> in = new LinkedHashMap<>();
        Map<String, String[]> explain = new LinkedHashMap<>();
        in.put("R_S", InputQuantity.normal("R_S", u, rs, ref.expandedUncertainty().to(ohm).value(),
                ref.coverageFactor()));
        explain.put("R_S", new String[] {"参考电阻的证书值（" + ref.certificateTemperature() + "），U/k，正态分布",
                "reference resistor, certified value at " + ref.certificateTemperature() + ", U/k, normal"});
        in.put("δR_D", InputQuantity.rectangular("δR_D", u, ref.driftEstimate().to(ohm).value(),
                ref.driftLimits().to(ohm).value()));
        explain.put("δR_D", new String[] {"参考电阻自上次校准以来的漂移（由其历史预测），均匀分布",
                "drift of the reference since its calibration, predicted from its history, rectangular"});
        in.put("α_S", InputQuantity.rectangular("α_S", "1/K", ref.temperatureCoefficient(),
                ref.temperatureCoefficientLimits()));
        explain.put("α_S", new String[] {"参考电阻的温度系数", "temperature coefficient of the reference"});
        in.put("t", InputQuantity.rectangular("t", "°C", t, tLimits));
        explain.put("t", new String[] {"电阻所处温度（油槽或室温）及其界限，均匀分布",
                "temperature of the resistors (bath or room) within its limits, rectangular"});
        in.put("r_C", InputQuantity.triangular("r_C", "", BigDecimal.ONE, b.transferLimits));
        explain.put("r_C", new String[] {"数字多用表作比较器的传递修正（短期稳定性与线性），三角分布",
                "transfer correction of the multimeter as comparator (short-term stability, linearity), triangular"});
        in.put("r", b.ratio);
        explain.put("r", new String[] {"被校电阻与参考电阻示值之比的平均值（A 类）",
                "mean ratio of the indications of the unknown and the reference (Type A)"});
        if (b.resolution != null) {
            BigDecimal d = b.resolution.to(ohm).value();
            in.put("δr_res", InputQuantity.triangular("δr_res", "", BigDecimal.ZERO, d.divide(rs, MC)));
            explain.put("δr_res", new String[] {"两次示值的分辨力（末位 " + b.resolution + "），三角分布",
                    "resolution of both indications (last digit " + b.resolution + "), triangular"});
        }
        BigDecimal txLimits = b.unknownTemperatureCoefficient.abs().multiply(tLimits).multiply(rs);
        in.put("δR_TX", InputQuantity.rectangular("δR_TX", u, BigDecimal.ZERO, txLimits));
        explain.put("δR_TX", new String[] {"被校电阻自身的温度影响 ±R·α_X·a_t，均匀分布",
                "temperature effect on the unknown itself, ±R·α_X·a_t, rectangular"});

        boolean withResolution = b.resolution != null;
        MeasurementModel model = MeasurementModel.of("R_X", u, v -> {
            BigDecimal reference = v.get("R_S").add(v.get("δR_D"), MC).add(v.get("R_S").multiply(v.get("α_S"), MC)
                    .multiply(v.get("t").subtract(t0, MC), MC), MC);
            BigDecimal ratio = v.get("r_C").multiply(v.get("r"), MC);
            if (withResolution) {
                ratio = ratio.multiply(BigDecimal.ONE.add(v.get("δr_res"), MC), MC);
            }
            return reference.multiply(ratio, MC).subtract(v.get("δR_TX"), MC);
        });
        ModelEvaluation.Builder e = ModelEvaluation.of(model).coverage(b.coverage);
        in.values().forEach(e::input);
        this.evaluation = e.evaluate();
        this.budget = evaluation.budget("R_X");
        List<BudgetLine> l = new ArrayList<>();
        for (UncertaintyBudget.Component c : budget.components()) {
            String[] text = explain.get(c.name());
            l.add(new BudgetLine(c, text[0], text[1]));
        }
        this.lines = List.copyOf(l);
    }

    /** Starts the substitution against this reference. */
    public static Builder against(ReferenceResistor reference) {
        return new Builder(reference);
    }

    /** R_X, unrounded, in the reference's unit. */
    public BigDecimal value() {
        return budget.estimate();
    }

    public UncertaintyBudget budget() {
        return budget;
    }

    public ModelEvaluation evaluation() {
        return evaluation;
    }

    public List<BudgetLine> lines() {
        return lines;
    }

    public ReportedResult reported() {
        return budget.reported();
    }

    /** The inputs of one substitution. */
    public static final class Builder {

        private final ReferenceResistor reference;
        private Quantity temperature;
        private Quantity temperatureLimits;
        private BigDecimal unknownTemperatureCoefficient = BigDecimal.ZERO;
        private BigDecimal transferLimits = BigDecimal.ZERO;
        private Quantity resolution;
        private InputQuantity ratio;
        private Readings observedRatios;
        private PooledStandardDeviation ratioProcess;
        private Coverage coverage = Coverage.studentT95();

        private Builder(ReferenceResistor reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
        }

        /** t, the temperature of both resistors during the measurement, and the half-width a_t of its limits. */
        public Builder temperature(Quantity t, Quantity halfWidth) {
            Objects.requireNonNull(t, "t");
            Objects.requireNonNull(halfWidth, "halfWidth");
            if (!t.kind().equals("temperature") || !halfWidth.kind().equals("temperature")
                    || halfWidth.value().signum() < 0) {
                throw new IllegalArgumentException("The temperature " + t + " ± " + halfWidth
                        + " must be a temperature with non-negative limits");
            }
            this.temperature = t;
            this.temperatureLimits = halfWidth;
            return this;
        }

        /** α_X, the bound of the unknown's temperature coefficient in 1/K (its manufacturer's figure). */
        public Builder unknownTemperatureCoefficient(BigDecimal alphaX) {
            this.unknownTemperatureCoefficient = Objects.requireNonNull(alphaX, "alphaX");
            return this;
        }

        /** Half-width of the meter's transfer correction r_C, relative (1E-6 for ±1 ppm). */
        public Builder transfer(BigDecimal relativeHalfWidth) {
            Objects.requireNonNull(relativeHalfWidth, "relativeHalfWidth");
            if (relativeHalfWidth.signum() < 0) {
                throw new IllegalArgumentException("The transfer limits must not be negative");
            }
            this.transferLimits = relativeHalfWidth;
            return this;
        }

        /**
         * The last digit of the meter on the range used; leave it out when the transfer limits already include
         * the resolution (as S3 does).
         */
        public Builder resolution(Quantity lastDigit) {
            this.resolution = Objects.requireNonNull(lastDigit, "lastDigit");
            return this;
        }

        /**
         * The n indications of the unknown and of the reference, taken in pairs close in time; r_k = x_k/s_k.
         *
         * @throws DmmRefusal for indications that are no resistances, unequal counts or fewer than two pairs
         */
        public Builder readings(Indications unknown, Indications reference) {
            Objects.requireNonNull(unknown, "unknown");
            Objects.requireNonNull(reference, "reference");
            Unit ohm = this.reference.certifiedValue().unit();
            List<BigDecimal> x = unknown.in(ohm, "the unknown resistor");
            List<BigDecimal> s = reference.in(ohm, "the reference resistor");
            if (x.size() != s.size()) {
                throw new DmmRefusal("error.dmm.unpairedReadings", "The unknown has " + x.size()
                        + " indications and the reference " + s.size() + "; a substitution needs them in pairs",
                        x.size(), s.size());
            }
            unknown.requireAtLeast(DmmPointCalibration.MINIMUM_READINGS, "the unknown resistor");
            List<BigDecimal> ratios = new ArrayList<>();
            for (int k = 0; k < x.size(); k++) {
                if (s.get(k).signum() <= 0) {
                    throw new DmmRefusal("error.dmm.nonPositiveReading", "Indication " + s.get(k).toPlainString()
                            + " " + ohm.symbol() + " of the reference resistor is not a positive resistance",
                            s.get(k).toPlainString() + " " + ohm.symbol());
                }
                ratios.add(x.get(k).divide(s.get(k), MC));
            }
            return ratios(ratios);
        }

        /**
         * The observed ratios r_k = R_iX/R_iS themselves (a meter in ratio mode, or a published example); r is their
         * mean, Type A, ν = n − 1.
         */
        public Builder ratios(List<BigDecimal> observed) {
            Objects.requireNonNull(observed, "observed");
            if (observed.size() < DmmPointCalibration.MINIMUM_READINGS) {
                throw new DmmRefusal("error.dmm.tooFewReadings", observed.size() + " ratio(s) observed; the model"
                        + " needs at least " + DmmPointCalibration.MINIMUM_READINGS
                        + " for the Type A evaluation of repeatability", observed.size(),
                        DmmPointCalibration.MINIMUM_READINGS);
            }
            this.observedRatios = new Readings(observed);
            return this;
        }

        /**
         * The meter's pooled s_p of the ratio from its control records: u(r) = s_p/√n with the degrees of freedom of
         * s_p, or the pairs' own scatter where it is larger. Without it, pairs whose ratios agree exactly are refused:
         * their s is 0 and no result may claim a zero Type A component.
         */
        public Builder ratioProcess(PooledStandardDeviation pooled) {
            this.ratioProcess = pooled;
            return this;
        }

        /**
         * A ratio already evaluated elsewhere (a published example, a bridge's own statistics): mean, s(r̄) and ν.
         */
        public Builder ratio(BigDecimal mean, BigDecimal standardUncertainty, DegreesOfFreedom nu, String basis) {
            this.ratio = InputQuantity.standardUncertainty("r", "", mean, standardUncertainty, nu, EvaluationType.A,
                    basis);
            this.observedRatios = null;
            return this;
        }

        private InputQuantity observedRatioQuantity() {
            if (ratioProcess != null) {
                return ratioProcess.typeA("r", observedRatios);
            }
            if (observedRatios.experimentalStandardDeviation().signum() == 0) {
                throw new DmmRefusal("error.resistor.zeroScatter", "The " + observedRatios.count() + " ratios R_X/R_S"
                        + " agree exactly: s = 0 gives no Type A uncertainty; record the meter's pooled standard"
                        + " deviation of the ratio, or take more pairs", observedRatios.count());
            }
            return InputQuantity.typeA("r", "", observedRatios);
        }

        public Builder coverage(Coverage c) {
            this.coverage = Objects.requireNonNull(c, "coverage");
            return this;
        }

        public ResistorSubstitution evaluate() {
            if (observedRatios != null) {
                ratio = observedRatioQuantity();
            }
            return new ResistorSubstitution(this);
        }
    }
}
