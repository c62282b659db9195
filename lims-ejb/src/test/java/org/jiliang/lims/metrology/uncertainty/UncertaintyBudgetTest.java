package org.jiliang.lims.metrology.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UncertaintyBudgetTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal sig(BigDecimal value, int digits) {
        return value.round(new MathContext(digits));
    }

    private static InputQuantity q(String name, String u, DegreesOfFreedom nu) {
        return InputQuantity.standardUncertainty(name, "mm", BigDecimal.ZERO, d(u), nu, EvaluationType.B, "given");
    }

    private static UncertaintyBudget.Builder twoInputs() {
        return UncertaintyBudget.builder("y", "mm").estimate(d("1"))
                .add(q("a", "3", DegreesOfFreedom.infinite()), d("2"))
                .add(q("b", "4", DegreesOfFreedom.infinite()), d("-1"))
                .coverage(Coverage.factor(d("2")));
    }

    @ParameterizedTest(name = "r(a, b) = {0}: u_c = {1}")
    @CsvSource({
            "0,    7.211102551",
            "1,    2",
            "-1,   10",
            "0.5,  5.291502622"
    })
    void combinesContributionsByTheLawOfPropagationIncludingCorrelations(BigDecimal r, BigDecimal uc) {
        UncertaintyBudget.Builder builder = twoInputs();
        if (r.signum() != 0) {
            builder.correlate("a", "b", r);
        }

        UncertaintyBudget budget = builder.build();

        assertThat(sig(budget.combinedStandardUncertainty(), 10)).isEqualByComparingTo(uc);
    }

    @Test
    void listsEachComponentWithItsContributionAbsCTimesU() {
        UncertaintyBudget budget = twoInputs().build();

        assertThat(budget.components()).extracting(UncertaintyBudget.Component::name).containsExactly("a", "b");
        assertThat(budget.component("a").orElseThrow().contribution()).isEqualByComparingTo("6");
        assertThat(budget.component("b").orElseThrow().contribution()).isEqualByComparingTo("4");
        assertThat(budget.component("b").orElseThrow().sensitivityCoefficient()).isEqualByComparingTo("-1");
    }

    @Test
    void effectiveDegreesOfFreedomFollowWelchSatterthwaite() {
        UncertaintyBudget budget = UncertaintyBudget.builder("y", "nm").estimate(BigDecimal.ZERO)
                .add(q("a", "25", DegreesOfFreedom.of(18)))
                .add(q("b", "16", DegreesOfFreedom.of(2)))
                .add(q("c", "10", DegreesOfFreedom.infinite()))
                .build();

        // u_c² = 625 + 256 + 100 = 981; ν = 981² / (25⁴/18 + 16⁴/2) = 962361 / 54469.3889 = 17.6679
        assertThat(sig(budget.effectiveDegreesOfFreedom().orElseThrow().value(), 6)).isEqualByComparingTo("17.6679");
        assertThat(budget.coverageFactor()).isEqualByComparingTo("2.16");
    }

    @Test
    void onlyInfiniteDegreesOfFreedomGiveInfiniteEffectiveDegreesOfFreedomAndKTwo() {
        UncertaintyBudget budget = UncertaintyBudget.builder("y", "mm").estimate(BigDecimal.ZERO)
                .add(q("a", "1", DegreesOfFreedom.infinite())).build();

        assertThat(budget.effectiveDegreesOfFreedom()).contains(DegreesOfFreedom.infinite());
        assertThat(budget.coverageFactor()).isEqualByComparingTo("2.00");
    }

    @Test
    void correlatedInputsWithFiniteDegreesOfFreedomHaveNoWelchSatterthwaiteResult() {
        UncertaintyBudget.Builder builder = UncertaintyBudget.builder("y", "mm").estimate(BigDecimal.ZERO)
                .add(q("a", "1", DegreesOfFreedom.of(4)))
                .add(q("b", "1", DegreesOfFreedom.of(4)))
                .correlate("a", "b", d("0.5"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Welch–Satterthwaite formula (GUM G.4.1) needs independent input quantities");
        UncertaintyBudget withK = builder.coverage(Coverage.factor(d("2"))).build();
        assertThat(withK.effectiveDegreesOfFreedom()).isEmpty();
        assertThat(withK.coverageFactor()).isEqualByComparingTo("2");
    }

    @ParameterizedTest(name = "U = {1} ({0}): y = {3} ± {4}")
    @CsvSource({
            "HALF_UP, 0.033060, 1.234567, 1.235,    0.066",
            "UP,      0.033060, 1.234567, 1.235,    0.067",
            "HALF_UP, 0.0497,   1.234567, 1.235,    0.099",
            "HALF_UP, 0.04985,  1.234567, 1.23,     0.10",
            "HALF_UP, 617,      50000838, 50000800, 1200",
            "HALF_UP, 29.26175, 10000.025, 10000,   59"
    })
    void reportsUWithTwoSignificantDigitsAndTheValueToTheSameDecimalPlace(UncertaintyRounding rounding,
            BigDecimal uc, BigDecimal y, String value, String expanded) {
        UncertaintyBudget budget = UncertaintyBudget.builder("y", "g").estimate(y)
                .add(q("a", uc.toPlainString(), DegreesOfFreedom.infinite()))
                .coverage(Coverage.factor(d("2"))).rounding(rounding).build();

        ReportedResult reported = budget.reported();

        assertThat(reported.value().toPlainString()).isEqualTo(value);
        assertThat(reported.expandedUncertainty().toPlainString()).isEqualTo(expanded);
    }

    @Test
    void reportedResultPrintsValueUncertaintyAndCoverageFactor() {
        UncertaintyBudget budget = UncertaintyBudget.builder("m_X", "g").estimate(d("10000.025"))
                .add(q("a", "0.0292617", DegreesOfFreedom.infinite())).coverage(Coverage.factor(d("2"))).build();

        assertThat(budget.reported()).hasToString("10000.025 g ± 0.059 g (k = 2)");
    }

    @Test
    void aSubBudgetEntersTheNextBudgetAsOneInputWithItsEffectiveDegreesOfFreedom() {
        UncertaintyBudget d = UncertaintyBudget.builder("d", "nm").estimate(d("215"))
                .add(q("d1", "5.8", DegreesOfFreedom.of(24)))
                .add(q("d2", "6.7", DegreesOfFreedom.of(8))).build();

        InputQuantity asInput = d.asInputQuantity();

        assertThat(asInput.name()).isEqualTo("d");
        assertThat(asInput.estimate()).isEqualByComparingTo("215");
        assertThat(asInput.standardUncertainty()).isEqualByComparingTo(d.combinedStandardUncertainty());
        assertThat(asInput.degreesOfFreedom()).isEqualTo(d.effectiveDegreesOfFreedom().orElseThrow());
        assertThat(asInput.evaluation().type()).isEqualTo(EvaluationType.COMBINED);
    }

    @Test
    void storedFormReadsBackToTheSameBudget() {
        UncertaintyBudget budget = twoInputs().correlate("a", "b", d("0.25")).build();

        String csv = budget.toCsv();
        UncertaintyBudget read = UncertaintyBudget.fromCsv(csv);

        assertThat(read.toCsv()).isEqualTo(csv);
        assertThat(read.combinedStandardUncertainty()).isEqualByComparingTo(budget.combinedStandardUncertainty());
        assertThat(read.reported()).isEqualTo(budget.reported());
        assertThat(csv).startsWith("# uncertainty budget, format 1\nbudget,y,mm,1,factor:2,HALF_UP\n")
                .contains("\ncorrelation,a,b,0.25\n");
    }

    @Test
    void storedFormWhoseResultWasAlteredIsRefused() {
        String csv = twoInputs().build().toCsv();
        String altered = csv.replaceFirst("\nresult,[^,\n]*", "\nresult,99");

        assertThatThrownBy(() -> UncertaintyBudget.fromCsv(altered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not follow from its components");
    }

    @Test
    void storedFormKeepsCommasAndQuotesInsideFields() {
        UncertaintyBudget budget = UncertaintyBudget.builder("y", "g").estimate(BigDecimal.ONE)
                .add(InputQuantity.standardUncertainty("a", "g", BigDecimal.ONE, d("0.1"), DegreesOfFreedom.of(9),
                        EvaluationType.A, "from \"series 7\", pooled"))
                .build();

        UncertaintyBudget read = UncertaintyBudget.fromCsv(budget.toCsv());

        assertThat(read.components().get(0).quantity().evaluation().basis()).isEqualTo("from \"series 7\", pooled");
    }

    @Test
    void refusesTwoComponentsWithTheSameName() {
        assertThatThrownBy(() -> twoInputs().add(q("a", "1", DegreesOfFreedom.infinite())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The budget for y already has a component a");
    }

    @Test
    void refusesACorrelationWithAnUnknownComponent() {
        assertThatThrownBy(() -> twoInputs().correlate("a", "z", d("0.1")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names z, which is not a component");
    }

    @Test
    void refusesACorrelationCoefficientBeyondOne() {
        assertThatThrownBy(() -> twoInputs().correlate("a", "b", d("1.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must lie between −1 and 1");
    }

    @Test
    void refusesCorrelationsThatMakeTheVarianceNegative() {
        UncertaintyBudget.Builder builder = UncertaintyBudget.builder("y", "mm").estimate(BigDecimal.ZERO)
                .add(q("a", "1", DegreesOfFreedom.infinite()))
                .add(q("b", "1", DegreesOfFreedom.infinite()))
                .add(q("c", "1", DegreesOfFreedom.infinite()))
                .correlate("a", "b", d("-1")).correlate("a", "c", d("-1")).correlate("b", "c", d("-1"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inconsistent");
    }

    @Test
    void refusesABudgetWithoutAnEstimate() {
        assertThatThrownBy(() -> UncertaintyBudget.builder("y", "mm").add(q("a", "1", DegreesOfFreedom.infinite()))
                .build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("output estimate y of y is missing");
    }

    @ParameterizedTest
    @CsvSource({
            "UNROUNDED_COMBINED,             0.01449, 0.029",
            "COMBINED_ROUNDED_TO_TWO_DIGITS, 0.01449, 0.028",
            "UNROUNDED_COMBINED,             0.01551, 0.031",
            "COMBINED_ROUNDED_TO_TWO_DIGITS, 0.01551, 0.032"
    })
    void aProcedureChoosesWhetherUComesFromTheUnroundedOrTheRoundedCombinedUncertainty(
            ExpandedUncertaintyBasis basis, BigDecimal uc, String expanded) {
        UncertaintyBudget budget = UncertaintyBudget.builder("y", "g").estimate(d("1.000"))
                .add(q("a", uc.toPlainString(), DegreesOfFreedom.infinite()))
                .coverage(Coverage.factor(d("2"))).basis(basis).build();

        assertThat(budget.reported().expandedUncertainty().toPlainString()).isEqualTo(expanded);
        assertThat(budget.reported().basis()).isEqualTo(basis);
        assertThat(UncertaintyBudget.fromCsv(budget.toCsv()).reported()).isEqualTo(budget.reported());
    }

    @Test
    void theDefaultBasisIsTheUnroundedCombinedUncertaintyAndKeepsTheStoredFormat() {
        UncertaintyBudget budget = UncertaintyBudget.builder("y", "g").estimate(d("1.000"))
                .add(q("a", "0.01449", DegreesOfFreedom.infinite())).coverage(Coverage.factor(d("2"))).build();

        assertThat(budget.basis()).isEqualTo(ExpandedUncertaintyBasis.UNROUNDED_COMBINED);
        assertThat(budget.toCsv()).contains("\nbudget,y,g,1.000,factor:2,HALF_UP\n");
    }
}
