package org.jiliang.lims.metrology.dmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.lims.metrology.dmm.DmmTestPlanTest.q;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;
import org.junit.jupiter.api.Test;

class ResistorSubstitutionTest {

    /**
     * EA-4/02 M:2022 S3, calibration of a 10 kΩ standard resistor by substitution with a 7½-digit multimeter,
     * both resistors in an oil bath at 23 °C. Inputs as S3 gives them: R_S = 10 000.053 Ω, U = 5 mΩ (k = 2) at
     * 23 °C; drift since calibration +20 mΩ within ±10 mΩ; α_S = 5·10⁻⁶/K, the bath temperature within ±0.055 K,
     * so ±2.75 mΩ for the reference; the unknown's α_X = 10·10⁻⁶/K (manufacturer), ±5.5 mΩ; the meter's transfer
     * ±1·10⁻⁶ (triangular, u = 0.41·10⁻⁶, the resolution included); five observed ratios
     * 1.000 0104, 1.000 0107, 1.000 0106, 1.000 0103, 1.000 0105.
     * Published: R_X = 10 000.178 Ω, u = 8.3 mΩ, k = 2, U = 0.017 Ω.
     *
     * <p>By hand: r̄ = 1.000 0105, s = √(10/4)·10⁻⁷ = 1.581·10⁻⁷, u(r̄) = s/√5 = 0.0707·10⁻⁶, ν = 4;
     * R_X = (10 000.053 + 0.020)·1.000 0105 = 10 000.178 000 766 5 Ω. Contributions (mΩ): R_S 2.5000, δR_D
     * 10/√3 = 5.7736, t 10 000.053·5·10⁻⁶·0.055/√3 = 1.5877, r_C 10 000.178·10⁻⁶/√6 = 4.0826, r 10 000.073 ×
     * 0.070 71·10⁻⁶ = 0.7071, δR_TX 5.5/√3 = 3.1754; u_c = √69.356 = 8.3280 mΩ (the GUM Workbench file of this
     * example, metrodata.de S03, gives 8.328 00 mΩ and 10 000.178 000 766 5 Ω). U = 2.00 × 8.328 = 16.66 mΩ →
     * 0.017 Ω.
     */
    @Test
    void ea402S3TenKiloohmStandardResistor() {
        ReferenceResistor reference = new ReferenceResistor(q("10000.053 Ω"), q("0.005 Ω"), new BigDecimal("2"),
                q("23 °C"), q("0.020 Ω"), q("0.010 Ω"), new BigDecimal("5E-6"), BigDecimal.ZERO);

        ResistorSubstitution s = ResistorSubstitution.against(reference)
                .temperature(q("23 °C"), q("0.055 K"))
                .unknownTemperatureCoefficient(new BigDecimal("10E-6"))
                .transfer(new BigDecimal("1E-6"))
                .ratios(List.of(d("1.0000104"), d("1.0000107"), d("1.0000106"), d("1.0000103"), d("1.0000105")))
                .evaluate();
        UncertaintyBudget b = s.budget();

        assertThat(s.value()).isEqualByComparingTo("10000.1780007665");
        String[][] expected = {
            // name, c_i to 6 significant digits, u_i(y) in mΩ to 5 significant digits
            {"R_S", "1.00001", "2.5000"},
            {"δR_D", "1.00001", "5.7736"},
            {"α_S", "0", "0"},
            {"t", "0.0500008", "1.5877"},
            {"r_C", "10000.2", "4.0826"},
            {"r", "10000.1", "0.70711"},
            {"δR_TX", "-1", "3.1754"},
        };
        assertThat(b.components()).extracting(UncertaintyBudget.Component::name)
                .containsExactly("R_S", "δR_D", "α_S", "t", "r_C", "r", "δR_TX");
        for (String[] line : expected) {
            UncertaintyBudget.Component c = b.component(line[0]).orElseThrow();
            assertThat(c.sensitivityCoefficient().round(new MathContext(6))).as(line[0] + " c")
                    .isEqualByComparingTo(line[1]);
            assertThat(c.contribution().movePointRight(3).round(new MathContext(5))).as(line[0] + " u_i(y)")
                    .isEqualByComparingTo(line[2]);
        }
        assertThat(b.combinedStandardUncertainty().movePointRight(3).round(new MathContext(5)))
                .isEqualByComparingTo("8.3280");
        assertThat(b.coverageFactor()).isEqualByComparingTo("2.00");
        assertThat(s.reported()).hasToString("10000.178 Ω ± 0.017 Ω (k = 2.00)");
    }

    /**
     * A 1 kΩ resistor in air, measured with a 6½-digit meter (last digit 1 mΩ on the 1 kΩ range) at 21.5 °C
     * within ±0.3 K; the reference certified at 20 °C: R_S = 1000.0120 Ω, U = 4.0 mΩ (k = 2), drift 0 within
     * ±3 mΩ, α_S = (2.0 ± 0.5)·10⁻⁶/K; unknown α_X = 5·10⁻⁶/K; transfer ±2·10⁻⁶. Five pairs of indications.
     *
     * <p>By hand (to 5 digits): R_S(t) = 1000.0120·(1 + 2·10⁻⁶·1.5) = 1000.0150 Ω; differences x − s =
     * 35, 35, 34, 36, 35 mΩ, so r̄ ≈ 1 + 35.0/1000.011·10⁻³ = 1.000 035 00, s(r) ≈ √(2/4)·10⁻⁶ = 0.7071·10⁻⁶,
     * u(r̄) = 0.3162·10⁻⁶; R_X = 1000.0150 × 1.000 035 00 = 1000.0500 Ω. Contributions (mΩ): R_S 2.0/1 = 2.0001;
     * δR_D 3/√3 = 1.7321; α_S 1000·1.5·0.5·10⁻⁶/√3 = 0.43303; t 1000·2·10⁻⁶·0.3/√3 = 0.34643; r_C 1000.05·2·10⁻⁶/√6
     * = 0.81654; r 1000.015·0.3162·10⁻⁶ = 0.31623; δr_res 1000.05·(0.001/1000.012)/√6 = 0.40826; δR_TX
     * 5·10⁻⁶·0.3·1000.012/√3 = 0.86604; u_c = 2.9986 mΩ; ν_eff ≈ 32 000, k = 2.00, U = 5.997 mΩ → 0.0060 Ω.
     */
    @Test
    void aKiloohmSubstitutionWithTemperatureCorrectionAndResolution() {
        ReferenceResistor reference = new ReferenceResistor(q("1000.0120 Ω"), q("0.0040 Ω"), new BigDecimal("2"),
                q("20 °C"), q("0 Ω"), q("0.003 Ω"), new BigDecimal("2.0E-6"), new BigDecimal("0.5E-6"));
        Indications x = Indications.of(Units.of("Ω"), "1000.046", "1000.047", "1000.045", "1000.046", "1000.046");
        Indications s = Indications.of(Units.of("kΩ"), "1.000011", "1.000012", "1.000011", "1.000010", "1.000011");

        ResistorSubstitution r = ResistorSubstitution.against(reference)
                .temperature(q("21.5 °C"), q("0.3 K"))
                .unknownTemperatureCoefficient(new BigDecimal("5E-6"))
                .transfer(new BigDecimal("2E-6"))
                .resolution(new DisplayDigits(6).resolution(q("1 kΩ")))
                .readings(x, s)
                .evaluate();
        UncertaintyBudget b = r.budget();

        assertThat(r.value().round(new MathContext(9))).isEqualByComparingTo("1000.05000");
        String[][] expected = {
            {"R_S", "2.0001"}, {"δR_D", "1.7321"}, {"α_S", "0.43303"}, {"t", "0.34643"}, {"r_C", "0.81654"},
            {"r", "0.31623"}, {"δr_res", "0.40826"}, {"δR_TX", "0.86604"},
        };
        for (String[] line : expected) {
            assertThat(b.component(line[0]).orElseThrow().contribution().movePointRight(3).round(new MathContext(5)))
                    .as(line[0]).isEqualByComparingTo(line[1]);
        }
        assertThat(b.combinedStandardUncertainty().movePointRight(3).round(new MathContext(5)))
                .isEqualByComparingTo("2.9986");
        assertThat(r.reported()).hasToString("1000.0500 Ω ± 0.0060 Ω (k = 2.00)");
        assertThat(r.lines()).extracting(BudgetLine::name).contains("δr_res");
    }

    @Test
    void unpairedOrTooFewOrWrongUnitReadingsAreRefused() {
        ReferenceResistor reference = new ReferenceResistor(q("1000.0120 Ω"), q("0.0040 Ω"), new BigDecimal("2"),
                q("20 °C"), q("0 Ω"), q("0.003 Ω"), new BigDecimal("2.0E-6"), BigDecimal.ZERO);
        Indications three = Indications.of(Units.of("Ω"), "1000.046", "1000.047", "1000.045");
        Indications two = Indications.of(Units.of("Ω"), "1000.011", "1000.012");
        Indications one = Indications.of(Units.of("Ω"), "1000.046");
        Indications volts = Indications.of(Units.of("V"), "1.000011", "1.000012", "1.000011");

        assertThatThrownBy(() -> ResistorSubstitution.against(reference).readings(three, two))
                .isInstanceOfSatisfying(DmmRefusal.class,
                        e -> assertThat(e.key()).isEqualTo("error.dmm.unpairedReadings"));
        assertThatThrownBy(() -> ResistorSubstitution.against(reference).readings(one, one))
                .isInstanceOfSatisfying(DmmRefusal.class, e -> assertThat(e.key()).isEqualTo("error.dmm.tooFewReadings"));
        assertThatThrownBy(() -> ResistorSubstitution.against(reference).readings(three, volts))
                .isInstanceOfSatisfying(DmmRefusal.class, e -> assertThat(e.key()).isEqualTo("error.dmm.readingUnit"));
    }

    /**
     * Issue 11: five pairs whose ratios agree exactly gave u(r) = 0. Without the meter's records they are refused;
     * with them, u(r) = s_p/√5 with ν of s_p; a series that scatters more than s_p keeps its own s.
     */
    @Test
    void ratiosThatAgreeExactlyTakeTheMetersPooledStandardDeviationOrAreRefused() {
        ReferenceResistor reference = new ReferenceResistor(q("10000.053 Ω"), q("0.005 Ω"), new BigDecimal("2"),
                q("23 °C"), q("0.020 Ω"), q("0.010 Ω"), new BigDecimal("5E-6"), BigDecimal.ZERO);
        List<BigDecimal> agreeing = List.of(d("1.0000105"), d("1.0000105"), d("1.0000105"), d("1.0000105"),
                d("1.0000105"));
        var records = new org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation(new BigDecimal("2E-7"), "",
                30, "DMM-01 ratio check records");

        assertThatThrownBy(() -> ResistorSubstitution.against(reference).temperature(q("23 °C"), q("0.055 K"))
                .ratios(agreeing).evaluate())
                .isInstanceOfSatisfying(DmmRefusal.class, e -> assertThat(e.key()).isEqualTo("error.resistor.zeroScatter"));

        var pooled = ResistorSubstitution.against(reference).temperature(q("23 °C"), q("0.055 K"))
                .ratios(agreeing).ratioProcess(records).evaluate().budget().component("r").orElseThrow().quantity();
        // u(r̄) = 2·10⁻⁷/√5 = 0.894 43·10⁻⁷, ν = 30
        assertThat(pooled.standardUncertainty().round(new MathContext(5))).isEqualByComparingTo("8.9443E-8");
        assertThat(pooled.degreesOfFreedom().toString()).isEqualTo("30");

        // EA-4/02 S3's five ratios scatter more (s = 1.58·10⁻⁷) than a record of 1·10⁻⁷: their own s is kept, ν = 4
        var own = ResistorSubstitution.against(reference).temperature(q("23 °C"), q("0.055 K"))
                .ratios(List.of(d("1.0000104"), d("1.0000107"), d("1.0000106"), d("1.0000103"), d("1.0000105")))
                .ratioProcess(new org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation(new BigDecimal("1E-7"),
                        "", 30, "a quieter meter"))
                .evaluate().budget().component("r").orElseThrow().quantity();
        assertThat(own.degreesOfFreedom().toString()).isEqualTo("4");
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}
