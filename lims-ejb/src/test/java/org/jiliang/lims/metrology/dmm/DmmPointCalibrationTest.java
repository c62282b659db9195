package org.jiliang.lims.metrology.dmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.lims.metrology.dmm.DmmTestPlanTest.q;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.stream.Stream;
import org.jiliang.lims.metrology.decision.AcceptanceRule;
import org.jiliang.lims.metrology.decision.Decision;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.uncertainty.Coverage;
import org.jiliang.lims.metrology.uncertainty.ExpandedUncertaintyBasis;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DmmPointCalibrationTest {

    /** The 9 V point of the basic range of a 6½-digit meter: resolution 10 µV. */
    private static final DmmPoint NINE_VOLTS = new DmmPoint(DmmFunction.DC_VOLTAGE, q("10 V"), q("9 V"),
            new DisplayDigits(6), DmmPoint.Polarity.POSITIVE, true, "worked example", true);

    /** Calibrator at 9 V: certificate U = 30 µV (k = 2); drift ±2 ppm of output = ±18 µV; temperature ±9 µV. */
    private static final CalibratorOutput CALIBRATOR = CalibratorOutput.fromCertificate(q("9.000000 V"),
            q("0.000030 V"), new BigDecimal("2"),
            CalibratorOutput.limits(q("9 V"), new BigDecimal("2"), q("10 V"), BigDecimal.ZERO), q("0.000009 V"));

    /** Ten indications; in units of 10 µV above 9 V: 2 4 3 5 1 3 4 2 3 3. */
    private static final Indications READINGS = Indications.of(Units.of("V"), "9.00002", "9.00004", "9.00003",
            "9.00005", "9.00001", "9.00003", "9.00004", "9.00002", "9.00003", "9.00003");

    /**
     * Worked by hand (µV):
     * <pre>
     * V̄_x = 9 V + 10 µV·(2+4+3+5+1+3+4+2+3+3)/10 = 9.000030 V; E = V̄_x − V_s = 30 µV
     * deviations (10 µV): −1 1 0 2 −2 0 1 −1 0 0, Σd² = 12 → s² = 12/9·100 = 133.33 µV², s = 11.547 µV
     * u(V̄_x) = s/√10 = 3.6515 µV, ν = 9                    c = +1   u² = 13.333
     * δV_res: a = 10 µV/2 = 5 µV, u = 5/√3 = 2.8868 µV       c = +1   u² =  8.333
     * V_s: u = 30/2 = 15 µV                                c = −1   u² = 225
     * δV_drift: a = 2·10⁻⁶·9 V = 18 µV, u = 18/√3 = 10.392   c = −1   u² = 108
     * δV_temp: a = 9 µV, u = 9/√3 = 5.1962 µV              c = −1   u² =  27
     * u_c² = 381.667 µV², u_c = 19.536 µV
     * ν_eff = u_c⁴/(u_A⁴/9) = 145 669/(177.78/9) = 7374.5 → k = t_95.45(7374) = 2.00
     * U = 2.00 × 19.536 = 39.07 µV → reported E = 0.000030 V ± 0.000039 V (k = 2.00)
     * </pre>
     */
    @Test
    void aWorkedPointBudgetByHand() {
        DmmPointCalibration c = DmmPointCalibration.of(NINE_VOLTS, CALIBRATOR, READINGS).evaluate();
        UncertaintyBudget b = c.budget();

        assertThat(c.error()).isEqualByComparingTo("0.000030");
        assertThat(b.components()).extracting(UncertaintyBudget.Component::name)
                .containsExactly("V_x", "δV_res", "V_s", "δV_drift", "δV_temp");
        String[][] expected = {
            // name, c_i, u_i(y) in µV to 5 significant digits
            {"V_x", "1", "3.6515"},
            {"δV_res", "1", "2.8868"},
            {"V_s", "-1", "15.000"},
            {"δV_drift", "-1", "10.392"},
            {"δV_temp", "-1", "5.1962"},
        };
        for (String[] line : expected) {
            UncertaintyBudget.Component comp = b.component(line[0]).orElseThrow();
            assertThat(comp.sensitivityCoefficient().round(new MathContext(12))).as(line[0] + " c")
                    .isEqualByComparingTo(line[1]);
            assertThat(comp.contribution().movePointRight(6).round(new MathContext(5))).as(line[0] + " u_i(y)")
                    .isEqualByComparingTo(line[2]);
        }
        assertThat(b.combinedStandardUncertainty().movePointRight(6).round(new MathContext(5)))
                .isEqualByComparingTo("19.536");
        assertThat(b.effectiveDegreesOfFreedom().orElseThrow().value().round(new MathContext(4)))
                .isEqualByComparingTo("7375");
        assertThat(b.coverageFactor()).isEqualByComparingTo("2.00");
        assertThat(c.reported()).hasToString("0.000030 V ± 0.000039 V (k = 2.00)");
        assertThat(c.lines()).extracting(BudgetLine::explanationEn).first().asString()
                .contains("mean of 10 indications");
    }

    @Test
    void readingsInMillivoltsForAVoltPointAreConvertedExactly() {
        Indications inMillivolts = Indications.of(Units.of("mV"), "9000.02", "9000.04", "9000.03", "9000.05",
                "9000.01", "9000.03", "9000.04", "9000.02", "9000.03", "9000.03");

        DmmPointCalibration c = DmmPointCalibration.of(NINE_VOLTS, CALIBRATOR, inMillivolts).evaluate();

        assertThat(c.reported()).hasToString("0.000030 V ± 0.000039 V (k = 2.00)");
    }

    /**
     * Conformity of E = 30 µV, U = 39 µV. A 34401A-like specification on 10 V, ±(0.0035 % of reading + 0.0005 % of
     * range) = 315 + 50 = 365 µV, passes under every rule; a tight ±5 ppm of reading = 45 µV leaves the result
     * inside the tolerance but within w = U of it: simple acceptance passes, the guarded binary rule fails, the
     * non-binary rule says conditional pass (acceptance limit 45 − 39 = 6 µV &lt; 30 µV ≤ 45 µV).
     */
    static Stream<Arguments> conformity() {
        AccuracySpecification wide = AccuracySpecification.ppm("35", "5");
        AccuracySpecification tight = AccuracySpecification.ppm("5", "0");
        return Stream.of(
                Arguments.of(wide, AcceptanceRule.SIMPLE_ACCEPTANCE, "0.000365", Decision.PASS),
                Arguments.of(wide, AcceptanceRule.GUARDED_ACCEPTANCE, "0.000365", Decision.PASS),
                Arguments.of(wide, AcceptanceRule.NON_BINARY, "0.000365", Decision.PASS),
                Arguments.of(tight, AcceptanceRule.SIMPLE_ACCEPTANCE, "0.000045", Decision.PASS),
                Arguments.of(tight, AcceptanceRule.GUARDED_ACCEPTANCE, "0.000045", Decision.FAIL),
                Arguments.of(tight, AcceptanceRule.NON_BINARY, "0.000045", Decision.CONDITIONAL_PASS));
    }

    @ParameterizedTest(name = "{1}: tolerance {2} V gives {3}")
    @MethodSource("conformity")
    void theErrorIsJudgedAgainstTheSpecificationByTheIlacG8Rule(AccuracySpecification spec, AcceptanceRule rule,
            String tolerance, Decision decision) {
        DmmPointCalibration c = DmmPointCalibration.of(NINE_VOLTS, CALIBRATOR, READINGS).specification(spec, rule)
                .evaluate();

        assertThat(c.conformity()).hasValueSatisfying(o -> {
            assertThat(o.toleranceLimits().upper()).isEqualByComparingTo(tolerance);
            assertThat(o.measuredValue()).isEqualByComparingTo("0.000030");
            assertThat(o.expandedUncertainty()).isEqualByComparingTo("0.000039");
            assertThat(o.decision()).isEqualTo(decision);
        });
    }

    @Test
    void withoutASpecificationThereIsNoStatementOfConformity() {
        assertThat(DmmPointCalibration.of(NINE_VOLTS, CALIBRATOR, READINGS).evaluate().conformity()).isEmpty();
    }

    /**
     * EA-4/02 M:2022 S9, calibration of a hand-held digital multimeter at 100 V DC against a multifunction
     * calibrator. Inputs as S9 gives them: indication V_iX = 100.1 V, resolution 0.1 V; calibrator 100 V with
     * U = 0.002 V (k = 2) from its certificate, u = 1.0 mV; its other deviations (drift and the rest) within
     * ±0.011 V, u = 6.4 mV, rectangular. Published: E_X = 0.1 V, u(E_X) = 0.030 V, and since the rectangular
     * resolution term dominates, k = 1.65 and U = 0.05 V.
     *
     * <p>S9 reads the meter once; we give the engine three equal indications (no scatter is visible at 0.1 V
     * resolution), so the Type A line contributes zero and the published budget is unchanged. A 200 V range of a
     * 3½-digit meter resolves 0.1 V.
     *
     * <p>Digits. The engine's u_c is 0.029 575 V (√(1.0² + 28.868² + 6.351²) mV), printed by S9 as 0.030 V. With the
     * engine's default coverage (Student t, ν_eff = ∞) k = 2.00 and U = 0.059 V — not S9's figure, because S9 uses
     * the dominant-rectangular rule instead. With k = 1.65 stated: 1.65 × 0.029 575 = 0.048 80 → 0.049 V at two
     * significant digits; S9 multiplies the rounded 0.030 V (1.65 × 0.030 = 0.0495) and prints 0.05 V. The
     * engine's basis "from u_c rounded to two digits" reproduces that: 0.0495 → 0.050 V half up.
     */
    @Test
    void ea402S9HandHeldMultimeterAt100Volts() {
        DmmPoint point = new DmmPoint(DmmFunction.DC_VOLTAGE, q("200 V"), q("100 V"), new DisplayDigits(3),
                DmmPoint.Polarity.POSITIVE, false, "EA-4/02 S9", true);
        CalibratorOutput calibrator = CalibratorOutput.fromCertificate(q("100.000 V"), q("0.002 V"),
                new BigDecimal("2"), q("0.011 V"), q("0 V"));
        Indications reading = Indications.of(Units.of("V"), "100.1", "100.1", "100.1");

        DmmPointCalibration byDefault = DmmPointCalibration.of(point, calibrator, reading).evaluate();
        UncertaintyBudget b = byDefault.budget();
        assertThat(byDefault.error()).isEqualByComparingTo("0.1");
        assertThat(b.component("V_s").orElseThrow().contribution().movePointRight(3).round(new MathContext(2)))
                .isEqualByComparingTo("1.0");
        assertThat(b.component("δV_res").orElseThrow().contribution().round(new MathContext(2)))
                .isEqualByComparingTo("0.029");
        assertThat(b.component("δV_drift").orElseThrow().contribution().movePointRight(3).round(new MathContext(2)))
                .isEqualByComparingTo("6.4");
        assertThat(b.component("V_x").orElseThrow().contribution()).isEqualByComparingTo("0");
        assertThat(b.combinedStandardUncertainty().round(new MathContext(5))).isEqualByComparingTo("0.029575");
        assertThat(b.combinedStandardUncertainty().round(new MathContext(2))).isEqualByComparingTo("0.030");
        assertThat(byDefault.reported()).hasToString("0.100 V ± 0.059 V (k = 2.00)");

        DmmPointCalibration published = DmmPointCalibration.of(point, calibrator, reading)
                .coverage(Coverage.factor(new BigDecimal("1.65"))).evaluate();
        assertThat(published.reported()).hasToString("0.100 V ± 0.049 V (k = 1.65)");

        DmmPointCalibration fromRoundedU = DmmPointCalibration.of(point, calibrator, reading)
                .coverage(Coverage.factor(new BigDecimal("1.65")))
                .basis(ExpandedUncertaintyBasis.COMBINED_ROUNDED_TO_TWO_DIGITS).evaluate();
        assertThat(fromRoundedU.reported()).hasToString("0.100 V ± 0.050 V (k = 1.65)");
    }

    @Test
    void aCalibratorSpecificationGivesARectangularLineOfAPpmOfOutputPlusAPpmOfRange() {
        // 5 ppm of 9 V + 1 ppm of the 10 V range = 45 + 10 = 55 µV; u = 55/√3 = 31.754 µV
        CalibratorOutput fromSpec = CalibratorOutput.fromSpecification(q("9 V"),
                CalibratorOutput.limits(q("9 V"), new BigDecimal("5"), q("10 V"), new BigDecimal("1")), q("0 V"),
                q("0 V"));
        assertThat(fromSpec.uncertainty()).hasToString("0.000055 V");

        UncertaintyBudget.Component line = DmmPointCalibration.of(NINE_VOLTS, fromSpec, READINGS).evaluate().budget()
                .component("V_s").orElseThrow();
        assertThat(line.quantity().evaluation().distribution()).isEqualTo("rectangular");
        assertThat(line.contribution().movePointRight(6).round(new MathContext(5))).isEqualByComparingTo("31.754");
    }

    @Test
    void aReadingOfTheWrongUnitIsRefused() {
        Indications ohms = Indications.of(Units.of("Ω"), "9.00002", "9.00004");

        assertThatThrownBy(() -> DmmPointCalibration.of(NINE_VOLTS, CALIBRATOR, ohms).evaluate())
                .isInstanceOfSatisfying(DmmRefusal.class, r -> {
                    assertThat(r.key()).isEqualTo("error.dmm.readingUnit");
                    assertThat(r.arguments()).containsExactly("Ω", "V");
                })
                .hasMessageContaining("Indications in Ω (resistance) cannot be readings of the 9 V point");
    }

    @Test
    void aReadingOrCalibratorValueBeyondTheRangeIsRefused() {
        Indications overload = Indications.of(Units.of("V"), "9.00002", "20.00001");
        assertThatThrownBy(() -> DmmPointCalibration.of(NINE_VOLTS, CALIBRATOR, overload).evaluate())
                .isInstanceOfSatisfying(DmmRefusal.class, r -> assertThat(r.key()).isEqualTo("error.dmm.outsideRange"))
                .hasMessage("20.00001 V lies outside the 10 V range, whose display ends at ±19.99999 V");

        CalibratorOutput tooHigh = CalibratorOutput.fromCertificate(q("25 V"), q("0.0001 V"), new BigDecimal("2"),
                q("0 V"), q("0 V"));
        assertThatThrownBy(() -> DmmPointCalibration.of(NINE_VOLTS, tooHigh, READINGS).evaluate())
                .isInstanceOfSatisfying(DmmRefusal.class, r -> assertThat(r.key()).isEqualTo("error.dmm.outsideRange"));
    }

    @Test
    void fewerReadingsThanTheTypeAEvaluationNeedsAreRefused() {
        Indications one = Indications.of(Units.of("V"), "9.00003");

        assertThatThrownBy(() -> DmmPointCalibration.of(NINE_VOLTS, CALIBRATOR, one).evaluate())
                .isInstanceOfSatisfying(DmmRefusal.class, r -> {
                    assertThat(r.key()).isEqualTo("error.dmm.tooFewReadings");
                    assertThat(r.arguments()).containsExactly(1, 2);
                })
                .hasMessageContaining("has 1 indication(s); the model needs at least 2");
    }
}
