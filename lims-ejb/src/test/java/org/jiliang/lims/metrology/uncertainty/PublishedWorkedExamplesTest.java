package org.jiliang.lims.metrology.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The engine against published worked examples. Where the published text itself was not available, the test says
 * where its digits were read instead; digits computed here rather than read are marked [C].
 */
class PublishedWorkedExamplesTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal sig(BigDecimal value, int digits) {
        return value.round(new MathContext(digits, RoundingMode.HALF_UP));
    }

    /**
     * JCGM 100:2008 (GUM) Annex H.1, "End-gauge calibration": l = l_s + d − l_s(δα·θ + α_s·δθ), first-order terms.
     *
     * <p>The GUM text itself was not readable in the stored sources. Inputs as in GUM H.1.3 from three independent
     * re-implementations: MSLNZ/GTC docs/API/GUM_H1.rst (commit 6d606b1), sandialabs/suncal test/ex_endgauge.yaml
     * (commit 70db5a1) and the METAS UncLib example "Example Gum H1 - End-gauge calibration". Published results
     * matched: u(d) = 9.7 nm with ν(d) = 25.6 (H.1.3.2; suncal test_GUMH1 asserts both, the propagate R package cites
     * "GUM H.1.6: ui = 25, 9.7, 2.9, 16.6, df = 18, 25.6, 50, 2, uc = 32"), u(θ) = 0.41 °C, contributions 2.9 nm
     * and 16.6 nm, u_c(l) = 32 nm, ν_eff → 16, t_99(16) = 2.92 (GUM Table G.2, read in NIST TN 1297 Table B.1),
     * l = 50 000 838 nm (GTC prints "50000838(32)").
     */
    @Nested
    class GumH1EndGauge {

        private final BigDecimal ls = d("50000623");
        private final BigDecimal alphaS = d("11.5E-6");

        private UncertaintyBudget comparatorDifference() {
            BigDecimal t95of5 = StudentTDistribution.quantile(d("0.95"), DegreesOfFreedom.of(5));
            return UncertaintyBudget.builder("d", "nm").estimate(d("215"))
                    .add(InputQuantity.standardUncertainty("d̄", "nm", d("215"), d("5.8"), DegreesOfFreedom.of(24),
                            EvaluationType.A, "s(d̄) of repeated observations, GUM H.1.3.2"))
                    .add(InputQuantity.normal("d_random", "nm", BigDecimal.ZERO, d("10"), t95of5)
                            .withDegreesOfFreedom(DegreesOfFreedom.of(5)))
                    .add(InputQuantity.normal("d_systematic", "nm", BigDecimal.ZERO, d("20"), d("3"))
                            .withDegreesOfFreedom(DegreesOfFreedom.of(8)))
                    .build();
        }

        private UncertaintyBudget temperatureOfTestBed() {
            return UncertaintyBudget.builder("θ", "°C").estimate(d("-0.1"))
                    .add(InputQuantity.standardUncertainty("θ̄", "°C", d("-0.1"), d("0.2"),
                            DegreesOfFreedom.infinite(), EvaluationType.A, "mean temperature of the bed"))
                    .add(InputQuantity.uShaped("Δ", "°C", BigDecimal.ZERO, d("0.5")))
                    .build();
        }

        private UncertaintyBudget length() {
            InputQuantity theta = temperatureOfTestBed().asInputQuantity();
            BigDecimal deltaAlphaCoefficient = ls.negate().multiply(theta.estimate());
            BigDecimal deltaThetaCoefficient = ls.negate().multiply(alphaS);
            return UncertaintyBudget.builder("l", "nm").estimate(ls.add(d("215")))
                    .coverage(Coverage.studentT(d("0.99")))
                    .add(InputQuantity.normal("l_s", "nm", ls, d("75"), d("3"))
                            .withDegreesOfFreedom(DegreesOfFreedom.of(18)))
                    .add(comparatorDifference().asInputQuantity())
                    .add(InputQuantity.rectangular("α_s", "1/°C", alphaS, d("2E-6")), BigDecimal.ZERO)
                    .add(theta, BigDecimal.ZERO)
                    .add(InputQuantity.rectangular("δα", "1/°C", BigDecimal.ZERO, d("1E-6"))
                            .withDegreesOfFreedom(DegreesOfFreedom.of(50)), deltaAlphaCoefficient)
                    .add(InputQuantity.rectangular("δθ", "°C", BigDecimal.ZERO, d("0.05"))
                            .withDegreesOfFreedom(DegreesOfFreedom.of(2)), deltaThetaCoefficient)
                    .build();
        }

        @Test
        void comparatorDifferenceHasThePublishedUncertaintyAndDegreesOfFreedom() {
            UncertaintyBudget d = comparatorDifference();

            assertThat(sig(d.combinedStandardUncertainty(), 2)).isEqualByComparingTo("9.7");
            assertThat(sig(d.effectiveDegreesOfFreedom().orElseThrow().value(), 3)).isEqualByComparingTo("25.6");
        }

        @Test
        void temperatureOfTheBedCombinesANormalAndAUShapedComponent() {
            assertThat(sig(temperatureOfTestBed().combinedStandardUncertainty(), 2)).isEqualByComparingTo("0.41");
        }

        @Test
        void lengthHasThePublishedCombinedUncertaintyAndCoverageFactor() {
            UncertaintyBudget l = length();

            assertThat(l.estimate()).isEqualByComparingTo("50000838");
            assertThat(sig(l.component("δα").orElseThrow().contribution(), 2)).isEqualByComparingTo("2.9");
            assertThat(sig(l.component("δθ").orElseThrow().contribution(), 3)).isEqualByComparingTo("16.6");
            assertThat(l.component("α_s").orElseThrow().contribution()).isEqualByComparingTo("0");
            assertThat(l.component("θ").orElseThrow().contribution()).isEqualByComparingTo("0");
            assertThat(sig(l.combinedStandardUncertainty(), 2)).isEqualByComparingTo("32");
            assertThat(l.effectiveDegreesOfFreedom().orElseThrow().truncated()).isEqualTo(DegreesOfFreedom.of(16));
            assertThat(l.coverageFactor()).isEqualByComparingTo("2.92");
        }
    }

    /**
     * JCGM 100:2008 (GUM) Annex H.2, "Simultaneous resistance and reactance measurement", approach 1 (means of the
     * five sets of V, I, φ with their correlation coefficients, GUM 5.2.3).
     *
     * <p>The GUM text was not readable in the stored sources. Readings (GUM Table H.2) from sandialabs/suncal
     * test/test_GUMH2.csv (commit 70db5a1), identical to the GUM.H.2 data sets of the R packages errors and
     * propagate; published results from suncal's test_GUMH2, which asserts them "within 3 decimal places given in the
     * GUM": R = 127.732 Ω, u = 0.071 Ω; X = 219.847 Ω, u = 0.295 Ω; Z = 254.260 Ω, u = 0.236 Ω. The model is
     * evaluated in binary floating point here (cos, sin), which is far below the published digits.
     */
    @Nested
    class GumH2ResistanceAndReactance {

        private final Readings volts = Readings.of("5.007", "4.994", "5.005", "4.990", "4.999");
        private final Readings amperes = new Readings(Readings.of("19.663", "19.639", "19.640", "19.685", "19.678")
                .values().stream().map(ma -> ma.movePointLeft(3)).toList());
        private final Readings radians = Readings.of("1.0456", "1.0438", "1.0468", "1.0428", "1.0433");

        private UncertaintyBudget budget(String measurand, BigDecimal y, BigDecimal cV, BigDecimal cI,
                BigDecimal cPhi) {
            return UncertaintyBudget.builder(measurand, "Ω").estimate(y).coverage(Coverage.factor(d("2")))
                    .add(InputQuantity.typeA("V", "V", volts), cV)
                    .add(InputQuantity.typeA("I", "A", amperes), cI)
                    .add(InputQuantity.typeA("φ", "rad", radians), cPhi)
                    .correlate("V", "I", volts.correlationWith(amperes))
                    .correlate("V", "φ", volts.correlationWith(radians))
                    .correlate("I", "φ", amperes.correlationWith(radians))
                    .build();
        }

        private List<UncertaintyBudget> results() {
            double v = volts.mean().doubleValue();
            double i = amperes.mean().doubleValue();
            double phi = radians.mean().doubleValue();
            double cos = Math.cos(phi);
            double sin = Math.sin(phi);
            return List.of(
                    budget("R", decimal(v / i * cos), decimal(cos / i), decimal(-v * cos / (i * i)),
                            decimal(-v * sin / i)),
                    budget("X", decimal(v / i * sin), decimal(sin / i), decimal(-v * sin / (i * i)),
                            decimal(v * cos / i)),
                    budget("Z", decimal(v / i), decimal(1 / i), decimal(-v / (i * i)), BigDecimal.ZERO));
        }

        private BigDecimal decimal(double value) {
            return new BigDecimal(value);
        }

        @Test
        void resistanceReactanceAndImpedanceHaveThePublishedValuesAndUncertainties() {
            List<UncertaintyBudget> budgets = results();

            assertThat(budgets).extracting(b -> b.estimate().setScale(3, RoundingMode.HALF_UP).toPlainString())
                    .containsExactly("127.732", "219.847", "254.260");
            assertThat(budgets.get(0).combinedStandardUncertainty().setScale(3, RoundingMode.HALF_UP))
                    .isEqualByComparingTo("0.071");
            assertThat(budgets.get(2).combinedStandardUncertainty().setScale(3, RoundingMode.HALF_UP))
                    .isEqualByComparingTo("0.236");
        }

        @Test
        void uncertaintyOfTheReactanceIsOneUnitInTheLastDigitAboveThePublished0Point295() {
            // Exact propagation gives 0.29558 Ω, which rounds to 0.296, not the published 0.295; the rounding of
            // intermediate values that leads to 0.295 is not in the stored sources, so the difference is recorded.
            BigDecimal uX = results().get(1).combinedStandardUncertainty();

            assertThat(uX.setScale(5, RoundingMode.HALF_UP)).isEqualByComparingTo("0.29558");
            assertThat(uX.subtract(d("0.295")).abs()).isLessThan(d("0.001"));
        }

        @Test
        void withoutTheCorrelationsTheUncertaintyOfRWouldBeWrong() {
            double v = volts.mean().doubleValue();
            double i = amperes.mean().doubleValue();
            double phi = radians.mean().doubleValue();
            UncertaintyBudget uncorrelated = UncertaintyBudget.builder("R", "Ω").estimate(BigDecimal.ONE)
                    .coverage(Coverage.factor(d("2")))
                    .add(InputQuantity.typeA("V", "V", volts), decimal(Math.cos(phi) / i))
                    .add(InputQuantity.typeA("I", "A", amperes), decimal(-v * Math.cos(phi) / (i * i)))
                    .add(InputQuantity.typeA("φ", "rad", radians), decimal(-v * Math.sin(phi) / i))
                    .build();

            assertThat(uncorrelated.combinedStandardUncertainty().setScale(3, RoundingMode.HALF_UP))
                    .isNotEqualByComparingTo("0.071");
        }
    }

    /**
     * EA-4/02 M (1999, reissued 2013 and 2022), Supplement 1 example S2, "Calibration of a weight of nominal value
     * 10 kg": m_X = m_S + δm_D + δm + δm_C + δB, all with c = 1, k = 2 (S2.1 to S2.8; page not verified).
     *
     * <p>The EA-4/02 text itself was not readable in the stored sources. Inputs from the GUM Workbench rendering of
     * the example at metrodata.de/examples/s02_en.html: m_S = 10 000.005 g with U = 45 mg (k = 2); drift zero within
     * ±15 mg; δm = 0.020 g, mean of three observations with a pooled standard deviation from a previous
     * evaluation; δm_C and δB zero within ±10 mg. Published budget from lmbacelar/uncertain
     * spec/lib/measurement_manager_spec.rb (commit 1ea579d): u = 22.5, 8.95, 14.4, 5.77, 5.77 mg, u(m_X) = 29.3 mg.
     * Two discrepancies are recorded rather than hidden: (1) that transcription lists 8.95 mg for the drift, which
     * ±15 mg/√3 = 8.66 mg does not give (GUM Workbench uses 8.66 mg); both give u(m_X) = 29.3 mg. (2) The pooled
     * standard deviation is cut off in the stored copy; s_p = 25 mg is inferred [C] from the published
     * 14.4 mg = s_p/√3. U = 0.059 g is [C]: 2 × 29.26 mg rounded to two significant digits.
     */
    @Nested
    class Ea402S2WeightOf10Kilograms {

        private UncertaintyBudget budget() {
            return UncertaintyBudget.builder("m_X", "g").estimate(d("10000.025"))
                    .coverage(Coverage.factor(d("2")))
                    .add(InputQuantity.normal("m_S", "g", d("10000.005"), d("0.045"), d("2")))
                    .add(InputQuantity.rectangular("δm_D", "g", BigDecimal.ZERO, d("0.015")))
                    .add(InputQuantity.typeAPooled("δm", "g", d("0.020"), d("0.025"), 3, DegreesOfFreedom.infinite()))
                    .add(InputQuantity.rectangular("δm_C", "g", BigDecimal.ZERO, d("0.010")))
                    .add(InputQuantity.rectangular("δB", "g", BigDecimal.ZERO, d("0.010")))
                    .build();
        }

        @Test
        void budgetHasThePublishedContributions() {
            UncertaintyBudget b = budget();

            assertThat(b.components()).extracting(c -> sig(c.contribution().movePointRight(3), 3).toPlainString())
                    .containsExactly("22.5", "8.66", "14.4", "5.77", "5.77");
        }

        @Test
        void combinedStandardUncertaintyIsThePublished29Point3Milligrams() {
            assertThat(sig(budget().combinedStandardUncertainty().movePointRight(3), 3)).isEqualByComparingTo("29.3");
        }

        @Test
        void theDriftEntryOf8Point95MilligramsGivesTheSameCombinedUncertainty() {
            UncertaintyBudget withPrintedDrift = UncertaintyBudget.builder("m_X", "g").estimate(d("10000.025"))
                    .coverage(Coverage.factor(d("2")))
                    .add(InputQuantity.normal("m_S", "g", d("10000.005"), d("0.045"), d("2")))
                    .add(InputQuantity.standardUncertainty("δm_D", "g", BigDecimal.ZERO, d("0.00895"),
                            DegreesOfFreedom.infinite(), EvaluationType.B, "as printed in the transcribed budget"))
                    .add(InputQuantity.typeAPooled("δm", "g", d("0.020"), d("0.025"), 3, DegreesOfFreedom.infinite()))
                    .add(InputQuantity.rectangular("δm_C", "g", BigDecimal.ZERO, d("0.010")))
                    .add(InputQuantity.rectangular("δB", "g", BigDecimal.ZERO, d("0.010")))
                    .build();

            assertThat(sig(withPrintedDrift.combinedStandardUncertainty().movePointRight(3), 3))
                    .isEqualByComparingTo("29.3");
        }

        @Test
        void reportedResultIsTheValueToTheMilligramWithUToTwoSignificantDigits() {
            assertThat(budget().reported()).hasToString("10000.025 g ± 0.059 g (k = 2)");
        }
    }
}
