package org.jiliang.lims.metrology.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.decision.AcceptanceRule;
import org.jiliang.lims.metrology.decision.Decision;
import org.jiliang.lims.metrology.uncertainty.Coverage;
import org.jiliang.lims.metrology.uncertainty.DegreesOfFreedom;
import org.jiliang.lims.metrology.uncertainty.InputQuantity;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightCalibrationTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Mass m(String text) {
        return Mass.parse(text);
    }

    /**
     * EA-4/02 M, Supplement 1 example S2, "Calibration of a weight of nominal value 10 kg" (class M1 against an F2
     * reference, comparator, k = 2), as a weight calibration end to end. Sources and the two recorded discrepancies
     * are as in PublishedWorkedExamplesTest.Ea402S2WeightOf10Kilograms: inputs from the GUM Workbench rendering
     * (metrodata.de/examples/s02_en.html), budget and u(m_X) = 29.3 mg from lmbacelar/uncertain (commit 1ea579d),
     * s_p = 25 mg inferred [C], U = 59 mg [C]. The conformity check against M1 10 kg (δm = 500 mg) is [C].
     */
    private static WeightCalibration ea402S2() {
        return WeightCalibration.builder(WeightClass.M1, m("10 kg"))
                .unit(MassUnit.G)
                .coverage(Coverage.factor(d("2")))
                .referenceWeight(m("10000.005 g"), m("45 mg"), d("2"))
                .referenceInstability(m("15 mg"))
                .weighing(m("0.020 g"), 3, m("25 mg"), DegreesOfFreedom.infinite())
                .balance(InputQuantity.rectangular("δm_C", "g", BigDecimal.ZERO, d("0.010")))
                .airBuoyancyWithin(m("10 mg"))
                .build();
    }

    @Test
    void ea402S2GivesThePublishedMassAndCombinedUncertainty() {
        WeightCalibration calibration = ea402S2();

        assertThat(calibration.conventionalMass()).isEqualTo(m("10000.025 g"));
        assertThat(calibration.budget().combinedStandardUncertainty().movePointRight(3).round(new MathContext(3)))
                .isEqualByComparingTo("29.3");
        assertThat(calibration.budget().components()).extracting(UncertaintyBudget.Component::name)
                .containsExactly("m_cr", "Δm_inst", "ΔI", "δm_b", "δm_C");
    }

    @Test
    void ea402S2IsReportedAs10000Point025GramsPlusMinus59Milligrams() {
        WeightCalibration calibration = ea402S2();

        assertThat(calibration.reportedConventionalMass()).hasToString("10000.025 g");
        assertThat(calibration.expandedUncertainty()).hasToString("0.059 g");
        assertThat(calibration.budget().reported()).hasToString("10000.025 g ± 0.059 g (k = 2)");
    }

    @Test
    void ea402S2MeetsTheUncertaintyConditionAndConformsToClassM1() {
        WeightCalibration calibration = ea402S2();

        assertThat(calibration.maximumPermissibleError()).isEqualTo(m("500 mg"));
        assertThat(calibration.uncertaintyLimit().value().round(new MathContext(6))).isEqualByComparingTo("0.166667");
        assertThat(calibration.uncertaintyWithinLimit()).isTrue();
        assertThat(calibration.conformity().rule()).isEqualTo(AcceptanceRule.GUARDED_ACCEPTANCE);
        assertThat(calibration.conformity().acceptanceLimits().lower()).isEqualByComparingTo("9999.559");
        assertThat(calibration.conformity().acceptanceLimits().upper()).isEqualByComparingTo("10000.441");
        assertThat(calibration.conformity().decision()).isEqualTo(Decision.PASS);
        assertThat(calibration.conforms()).isTrue();
        assertThat(calibration.conformity().statementEn()).startsWith("Pass: measured value 10000.025 g (U = 0.059 g)")
                .contains("ILAC-G8:09/2019 §4.2.2");
    }

    /**
     * The reference's worked conformity example [C] (§2.2): F1, 1 kg, δm = 5.0 mg, U = 1.6 mg: the weight conforms if
     * |m_c − 1 kg| ≤ 3.4 mg. The reference weight alone gives U = 1.6 mg (u = 0.8 mg, k = 2).
     */
    @ParameterizedTest(name = "ΔĪ = {0}: {1}")
    @CsvSource({"3.4 mg, PASS", "-3.4 mg, PASS", "3.5 mg, FAIL", "-3.5 mg, FAIL", "0 mg, PASS"})
    void conformityIsTheMpeLessUAroundTheNominalValue(String difference, Decision decision) {
        WeightCalibration calibration = WeightCalibration.builder(WeightClass.F1, m("1 kg"))
                .coverage(Coverage.factor(d("2")))
                .referenceWeight(m("1000.0000 g"), m("1.6 mg"), d("2"))
                .weighing(m(difference), 1, m("0 mg"), DegreesOfFreedom.infinite())
                .build();

        assertThat(calibration.expandedUncertainty()).isEqualTo(m("1.6 mg"));
        assertThat(calibration.uncertaintyWithinLimit()).isTrue();
        assertThat(calibration.conformity().decision()).isEqualTo(decision);
    }

    @Test
    void anUncertaintyAboveAThirdOfTheMpeFailsTheWeightEvenIfItsMassIsNominal() {
        WeightCalibration calibration = WeightCalibration.builder(WeightClass.F1, m("1 kg"))
                .coverage(Coverage.factor(d("2")))
                .referenceWeight(m("1000.0000 g"), m("1.8 mg"), d("2"))
                .weighing(m("0 mg"), 1, m("0 mg"), DegreesOfFreedom.infinite())
                .build();

        assertThat(calibration.expandedUncertainty()).isEqualTo(m("1.8 mg"));
        assertThat(calibration.uncertaintyWithinLimit()).isFalse();
        assertThat(calibration.conformity().decision()).isEqualTo(Decision.PASS);
        assertThat(calibration.conforms()).isFalse();
    }

    /**
     * A full R 111 budget [C]: ABBA cycles, air buoyancy from densities, comparator sensitivity and resolution.
     * m_ct = m_cr + ΔĪ + m_cr·C exactly, and every source appears in the budget.
     */
    @Test
    void fullBudgetCombinesCyclesBuoyancySensitivityAndResolution() {
        WeighingSeries series = WeighingSeries.of(
                new WeighingCycle.Abba(m("0.000 mg"), m("0.120 mg"), m("0.124 mg"), m("0.004 mg")),
                new WeighingCycle.Abba(m("0.002 mg"), m("0.118 mg"), m("0.122 mg"), m("0.002 mg")),
                new WeighingCycle.Abba(m("0.001 mg"), m("0.121 mg"), m("0.125 mg"), m("0.003 mg")));
        AirBuoyancy buoyancy = new AirBuoyancy(d("1.18"), d("0.001"), d("7950"), d("30"), d("8000"), d("20"),
                d("1.2"));
        WeightCalibration calibration = WeightCalibration.builder(WeightClass.E2, m("100 g"))
                .unit(MassUnit.MG)
                .referenceWeight(m("100000.020 mg"), m("0.016 mg"), d("2"))
                .referenceInstability(m("0.010 mg"))
                .weighing(series)
                .airBuoyancy(buoyancy)
                .sensitivity(m("1 mg"), m("0.002 mg"), m("1.000 mg"), m("0.001 mg"))
                .displayResolution(m("0.001 mg"))
                .build();

        BigDecimal meanDifference = series.meanDifference(1).value();
        BigDecimal correction = d("100000.020").multiply(buoyancy.correctionFactor());
        assertThat(calibration.conventionalMass().value())
                .isEqualByComparingTo(d("100000.020").add(meanDifference).add(correction));
        assertThat(calibration.budget().components()).extracting(UncertaintyBudget.Component::name)
                .containsExactly("m_cr", "Δm_inst", "ΔI", "δm_b", "δI_s", "δI_d");
        // display resolution: (d/2)/√3 · √2 = d/√6
        assertThat(calibration.budget().component("δI_d").orElseThrow().contribution().round(new MathContext(6)))
                .isEqualByComparingTo("0.000408248");
        assertThat(calibration.budget().component("ΔI").orElseThrow().quantity().degreesOfFreedom())
                .isEqualTo(DegreesOfFreedom.of(2));
        assertThat(calibration.budget().effectiveDegreesOfFreedom()).isPresent();
    }

    @Test
    void refusesAClassAndNominalValueTheMpeTableDoesNotHave() {
        assertThatThrownBy(() -> WeightCalibration.builder(WeightClass.E1, m("100 kg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E1 has no weight of nominal value 100 kg");
    }

    @Test
    void refusesAComponentInAnotherUnitThanTheBudget() {
        WeightCalibration.Builder builder = WeightCalibration.builder(WeightClass.M1, m("10 kg"))
                .referenceWeight(m("10000.005 g"), m("45 mg"), d("2"))
                .weighing(m("0.020 g"), 3, m("25 mg"), DegreesOfFreedom.infinite())
                .balance(InputQuantity.rectangular("δm_C", "mg", BigDecimal.ZERO, d("10")));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input δm_C is in mg; the budget of the weight is in g: give every component in g");
    }

    @Test
    void refusesACalibrationWithoutAReferenceWeight() {
        assertThatThrownBy(() -> WeightCalibration.builder(WeightClass.M1, m("10 kg"))
                .weighing(m("0.020 g"), 3, m("25 mg"), DegreesOfFreedom.infinite()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reference weight");
    }
}
