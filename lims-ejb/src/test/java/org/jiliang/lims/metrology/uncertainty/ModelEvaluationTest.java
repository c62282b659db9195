package org.jiliang.lims.metrology.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The engine evaluates the model and computes the sensitivity coefficients itself; checked against the published
 * worked examples of JCGM 100:2008 Annex H (sources of the digits as in {@link PublishedWorkedExamplesTest}).
 */
class ModelEvaluationTest {

    private static final MathContext MC = MathContext.DECIMAL128;

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal sig(BigDecimal value, int digits) {
        return value.round(new MathContext(digits, RoundingMode.HALF_UP));
    }

    /**
     * JCGM 100:2008 Annex H.1, end gauge: l = l_s + d − l_s(δα·θ + α_s·δθ) written as the model; the engine finds
     * c(δα) = −l_s·θ and c(δθ) = −l_s·α_s. Published: contributions 2.9 nm and 16.6 nm, u_c(l) = 32 nm, ν_eff = 16,
     * t_99(16) = 2.92, U_99 = 93 nm (H.1.6); with the second-order terms u_c(l) = 34 nm (H.1.7: the term
     * l_s·u(δα)·u(θ) dominates).
     */
    @Nested
    class GumH1EndGauge {

        private final BigDecimal ls = d("50000623");

        private final MeasurementModel model = MeasurementModel.of("l", "nm", x -> x.get("l_s").add(x.get("d"))
                .subtract(x.get("l_s").multiply(x.get("δα").multiply(x.get("θ"))
                        .add(x.get("α_s").multiply(x.get("δθ"))), MC)));

        private ModelEvaluation.Builder inputs() {
            UncertaintyBudget d = UncertaintyBudget.builder("d", "nm").estimate(d("215"))
                    .add(InputQuantity.standardUncertainty("d̄", "nm", d("215"), d("5.8"), DegreesOfFreedom.of(24),
                            EvaluationType.A, "s(d̄), GUM H.1.3.2"))
                    .add(InputQuantity.normal("d_random", "nm", BigDecimal.ZERO, d("10"),
                            StudentTDistribution.quantile(d("0.95"), DegreesOfFreedom.of(5)))
                            .withDegreesOfFreedom(DegreesOfFreedom.of(5)))
                    .add(InputQuantity.normal("d_systematic", "nm", BigDecimal.ZERO, d("20"), d("3"))
                            .withDegreesOfFreedom(DegreesOfFreedom.of(8)))
                    .build();
            UncertaintyBudget theta = UncertaintyBudget.builder("θ", "°C").estimate(d("-0.1"))
                    .add(InputQuantity.standardUncertainty("θ̄", "°C", d("-0.1"), d("0.2"),
                            DegreesOfFreedom.infinite(), EvaluationType.A, "mean temperature of the bed"))
                    .add(InputQuantity.uShaped("Δ", "°C", BigDecimal.ZERO, d("0.5")))
                    .build();
            return ModelEvaluation.of(model).coverage(Coverage.studentT(d("0.99")))
                    .input(InputQuantity.normal("l_s", "nm", ls, d("75"), d("3"))
                            .withDegreesOfFreedom(DegreesOfFreedom.of(18)))
                    .input(d.asInputQuantity())
                    .input(InputQuantity.rectangular("α_s", "1/°C", d("11.5E-6"), d("2E-6")))
                    .input(theta.asInputQuantity())
                    .input(InputQuantity.rectangular("δα", "1/°C", BigDecimal.ZERO, d("1E-6"))
                            .withDegreesOfFreedom(DegreesOfFreedom.of(50)))
                    .input(InputQuantity.rectangular("δθ", "°C", BigDecimal.ZERO, d("0.05"))
                            .withDegreesOfFreedom(DegreesOfFreedom.of(2)));
        }

        @Test
        void theEngineFindsTheSensitivityCoefficientsOfGumTableH1() {
            ModelEvaluation e = inputs().evaluate();

            // 34-digit arithmetic on l ≈ 5·10⁷ nm with steps near 10⁻⁵ nm leaves about 22 digits in a difference
            assertThat(sig(e.sensitivityCoefficient("l", "l_s"), 20)).isEqualByComparingTo("1");
            assertThat(sig(e.sensitivityCoefficient("l", "d"), 20)).isEqualByComparingTo("1");
            assertThat(e.sensitivityCoefficient("l", "α_s")).isEqualByComparingTo("0");
            assertThat(e.sensitivityCoefficient("l", "θ")).isEqualByComparingTo("0");
            // −l_s·θ and −l_s·α_s: the model is bilinear, so the central difference is exact to the working precision
            assertThat(sig(e.sensitivityCoefficient("l", "δα"), 20)).isEqualByComparingTo(ls.multiply(d("0.1")));
            assertThat(sig(e.sensitivityCoefficient("l", "δθ"), 20)).isEqualByComparingTo(ls.multiply(d("-11.5E-6")));
            assertThat(e.derivativeError("l", "δθ")).isLessThan(d("1E-20"));
        }

        @Test
        void lengthHasThePublishedBudget() {
            UncertaintyBudget l = inputs().evaluate().budget("l");

            assertThat(l.estimate()).isEqualByComparingTo("50000838");
            assertThat(sig(l.component("δα").orElseThrow().contribution(), 2)).isEqualByComparingTo("2.9");
            assertThat(sig(l.component("δθ").orElseThrow().contribution(), 3)).isEqualByComparingTo("16.6");
            assertThat(sig(l.combinedStandardUncertainty(), 2)).isEqualByComparingTo("32");
            assertThat(l.effectiveDegreesOfFreedom().orElseThrow().truncated()).isEqualTo(DegreesOfFreedom.of(16));
            assertThat(l.coverageFactor()).isEqualByComparingTo("2.92");
            // from the unrounded u_c = 31.67 nm: 2.92 × 31.67 = 92.5, rounded half up 92 (the default basis)
            assertThat(l.expandedUncertainty()).isLessThan(d("92.5"));
            assertThat(l.reported().expandedUncertainty()).isEqualByComparingTo("92");
        }

        @Test
        void thePublished93NanometresComeFromTheCombinedUncertaintyRoundedTo32First() {
            // GUM H.1.6 prints U_99 = t_99(16)·u_c(l) = 2.92 × (32 nm) = 93 nm
            UncertaintyBudget l = inputs().basis(ExpandedUncertaintyBasis.COMBINED_ROUNDED_TO_TWO_DIGITS).evaluate()
                    .budget("l");

            assertThat(l.expandedUncertainty()).isEqualByComparingTo("93.44");
            assertThat(l.reported().expandedUncertainty()).isEqualByComparingTo("93");
            assertThat(l.reported().roundingStatement()).isEqualTo("U = k·u_c from u_c rounded to two significant"
                    + " digits; U rounded half up to two significant digits");
            assertThat(UncertaintyBudget.fromCsv(l.toCsv()).reported()).isEqualTo(l.reported());
        }

        @Test
        void secondOrderTermsRaiseTheCombinedUncertaintyTo34Nanometres() {
            UncertaintyBudget l = inputs().secondOrder().evaluate().budget("l");

            // [C] l_s·u(δα)·u(θ) = 50 000 623 nm × 0.577·10⁻⁶ × 0.406 = 11.7 nm, l_s·u(α_s)·u(δθ) = 1.7 nm
            assertThat(sig(l.component(ModelEvaluation.SECOND_ORDER_COMPONENT).orElseThrow().contribution(), 3))
                    .isEqualByComparingTo("11.8");
            assertThat(sig(l.combinedStandardUncertainty(), 2)).isEqualByComparingTo("34");
        }
    }

    /**
     * JCGM 100:2008 Annex H.2, resistance and reactance from V, I, φ, approach 1 (means with their correlations):
     * one model with three outputs. Published (H.2.4, Table H.3): R = 127.732 Ω, u = 0.071 Ω; X = 219.847 Ω,
     * u = 0.295 Ω; Z = 254.260 Ω, u = 0.236 Ω; r(R, X) = −0.588, r(R, Z) = −0.485, r(X, Z) = 0.993. The three-digit
     * correlations are quoted from memory of GUM Table H.3 [unconfirmed]; MSLNZ/GTC docs/API/GUM_H2.rst (commit
     * 6d606b1) prints them to two digits, −0.59, −0.49, +0.99, from rounded inputs. The model uses
     * {@code Math.cos}, so its derivatives carry double rounding (bounded by {@link ModelEvaluation#derivativeError}).
     */
    @Nested
    class GumH2ResistanceReactanceImpedance {

        private final Readings volts = Readings.of("5.007", "4.994", "5.005", "4.990", "4.999");
        private final Readings amperes = new Readings(Readings.of("19.663", "19.639", "19.640", "19.685", "19.678")
                .values().stream().map(ma -> ma.movePointLeft(3)).toList());
        private final Readings radians = Readings.of("1.0456", "1.0438", "1.0468", "1.0428", "1.0433");

        private static BigDecimal v(Map<String, BigDecimal> x) {
            return x.get("V").divide(x.get("I"), MC);
        }

        private final MeasurementModel model = MeasurementModel.builder()
                .output("R", "Ω", x -> v(x).multiply(new BigDecimal(Math.cos(x.get("φ").doubleValue())), MC))
                .output("X", "Ω", x -> v(x).multiply(new BigDecimal(Math.sin(x.get("φ").doubleValue())), MC))
                .output("Z", "Ω", GumH2ResistanceReactanceImpedance::v)
                .build();

        private ModelEvaluation evaluate() {
            return ModelEvaluation.of(model).coverage(Coverage.factor(d("2")))
                    .input(InputQuantity.typeA("V", "V", volts))
                    .input(InputQuantity.typeA("I", "A", amperes))
                    .input(InputQuantity.typeA("φ", "rad", radians))
                    .correlate("V", "I", volts.correlationWith(amperes))
                    .correlate("V", "φ", volts.correlationWith(radians))
                    .correlate("I", "φ", amperes.correlationWith(radians))
                    .evaluate();
        }

        @Test
        void threeOutputsHaveThePublishedValuesAndUncertainties() {
            ModelEvaluation e = evaluate();

            assertThat(e.outputs()).containsExactly("R", "X", "Z");
            assertThat(e.outputs()).extracting(o -> e.budget(o).estimate().setScale(3, RoundingMode.HALF_UP)
                    .toPlainString()).containsExactly("127.732", "219.847", "254.260");
            assertThat(e.budget("R").combinedStandardUncertainty().setScale(3, RoundingMode.HALF_UP))
                    .isEqualByComparingTo("0.071");
            assertThat(e.budget("Z").combinedStandardUncertainty().setScale(3, RoundingMode.HALF_UP))
                    .isEqualByComparingTo("0.236");
            // 0.29558 Ω, one unit in the last digit above the published 0.295 (see PublishedWorkedExamplesTest)
            assertThat(e.budget("X").combinedStandardUncertainty().setScale(5, RoundingMode.HALF_UP))
                    .isEqualByComparingTo("0.29558");
        }

        @Test
        void theOutputsHaveThePublishedCorrelationMatrix() {
            ModelEvaluation e = evaluate();

            assertThat(e.correlationMatrix()).extracting(row -> row.stream()
                    .map(r -> r.setScale(3, RoundingMode.HALF_UP).toPlainString()).toList())
                    .containsExactly(List.of("1.000", "-0.588", "-0.485"), List.of("-0.588", "1.000", "0.993"),
                            List.of("-0.485", "0.993", "1.000"));
            assertThat(e.covariance("R", "X")).isEqualByComparingTo(e.covariance("X", "R"));
            assertThat(e.covariance("R", "R")).isEqualByComparingTo(
                    e.budget("R").combinedStandardUncertainty().pow(2, MC));
        }

        @Test
        void theDerivativeErrorOfAModelThroughDoubleIsSmallAgainstThePublishedDigits() {
            ModelEvaluation e = evaluate();

            for (String out : List.of("R", "X")) {
                for (String in : List.of("V", "I", "φ")) {
                    BigDecimal c = e.sensitivityCoefficient(out, in).abs();
                    assertThat(e.derivativeError(out, in)).as("%s/%s", out, in).isLessThan(c.movePointLeft(5));
                }
            }
        }
    }

    @Test
    void aModelThatReadsAnUndeclaredInputIsRefusedByName() {
        MeasurementModel m = MeasurementModel.of("y", "", x -> x.get("a").add(x.get("b")));

        assertThatThrownBy(() -> ModelEvaluation.of(m)
                .input(InputQuantity.rectangular("a", "", BigDecimal.ONE, BigDecimal.ONE)).evaluate())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asks for b");
    }

    @Test
    void secondOrderTermsAreRefusedWithCorrelatedInputs() {
        MeasurementModel m = MeasurementModel.of("y", "", x -> x.get("a").multiply(x.get("b")));

        assertThatThrownBy(() -> ModelEvaluation.of(m)
                .input(InputQuantity.rectangular("a", "", BigDecimal.ONE, BigDecimal.ONE))
                .input(InputQuantity.rectangular("b", "", BigDecimal.ONE, BigDecimal.ONE))
                .correlate("a", "b", d("0.5")).secondOrder().evaluate())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uncorrelated");
    }

    /** EA-4/02 M:2022 S2 (10 kg weight) through the engine: the additive model gives c = 1 and the same 29.3 mg. */
    @Test
    void ea402S2WeightModelGivesThePublishedCombinedUncertainty() {
        MeasurementModel m = MeasurementModel.of("m_X", "g", x -> x.get("m_S").add(x.get("δm_D")).add(x.get("δm"))
                .add(x.get("δm_C")).add(x.get("δB")));
        UncertaintyBudget b = ModelEvaluation.of(m).coverage(Coverage.factor(d("2")))
                .input(InputQuantity.normal("m_S", "g", d("10000.005"), d("0.045"), d("2")))
                .input(InputQuantity.rectangular("δm_D", "g", BigDecimal.ZERO, d("0.015")))
                .input(InputQuantity.typeAPooled("δm", "g", d("0.020"), d("0.025"), 3, DegreesOfFreedom.infinite()))
                .input(InputQuantity.rectangular("δm_C", "g", BigDecimal.ZERO, d("0.010")))
                .input(InputQuantity.rectangular("δB", "g", BigDecimal.ZERO, d("0.010")))
                .evaluate().budget("m_X");

        assertThat(b.components()).allSatisfy(c -> assertThat(sig(c.sensitivityCoefficient(), 20))
                .isEqualByComparingTo("1"));
        assertThat(sig(b.combinedStandardUncertainty().movePointRight(3), 3)).isEqualByComparingTo("29.3");
        assertThat(b.reported()).hasToString("10000.025 g ± 0.059 g (k = 2)");
    }
}
