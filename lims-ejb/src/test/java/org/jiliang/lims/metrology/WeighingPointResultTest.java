package org.jiliang.lims.metrology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeighingPointResultTest {

    @ParameterizedTest(name = "L = {0}, I = {1}, MPE ±{2}: E = {3}, {4}")
    @CsvSource({
            "20000 g, 20010 g,   10 g, 10 g,   PASS",
            "20000 g, 19990 g,   10 g, -10 g,  PASS",
            "20000 g, 20020 g,   10 g, 20 g,   FAIL",
            "20000 g, 19980 g,   10 g, -20 g,  FAIL",
            "20000 g, 20011 g,   10 g, 11 g,   FAIL",
            "2500 g,  2502.5 g,  2.5 g, 2.5 g, PASS",
            "2500 g,  2503 g,    2.5 g, 3 g,   FAIL",
            "2500 g,  2497.5 g,  2.5 g, -2.5 g, PASS",
            "2500 g,  2497 g,    2.5 g, -3 g,  FAIL",
            "0 g,     0 g,       5 g,  0 g,    PASS"
    })
    void passesUpToTheMpeAndFailsOneStepBeyond(String load, String indication, String mpe, String error,
            Verdict verdict) {
        WeighingPointResult result =
                WeighingPointResult.evaluate(Mass.parse(load), Mass.parse(indication), Mass.parse(mpe));

        assertThat(result.error()).isEqualTo(Mass.parse(error));
        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.passed()).isEqualTo(verdict == Verdict.PASS);
    }

    @Test
    void recordsTheDecisionRuleAndItsSource() {
        WeighingPointResult result = WeighingPointResult.evaluate(
                Mass.parse("20000 g"), Mass.parse("20010 g"), Mass.parse("10 g"));

        assertThat(result.decisionRule()).isEqualTo(DecisionRule.SIMPLE_ACCEPTANCE);
        assertThat(result.decisionRule().citation())
                .isEqualTo("ILAC-G8:09/2019 §4.2.1; OIML R 76-1:2006 3.5 (MPE as acceptance limit)");
        assertThat(result.decisionRule().boundaryConvention()).startsWith("|E| ≤ MPE passes");
    }

    @Test
    void expressesTheErrorInTheUnitOfTheMpe() {
        WeighingPointResult result = WeighingPointResult.evaluate(
                Mass.parse("20 kg"), Mass.parse("20.01 kg"), Mass.parse("10 g"));

        assertThat(result.error()).hasToString("10 g");
        assertThat(result.error().unit()).isEqualTo(MassUnit.G);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void refusesANegativeMpe() {
        assertThatThrownBy(() -> WeighingPointResult.evaluate(Mass.parse("1 kg"), Mass.parse("1 kg"),
                Mass.parse("-5 g")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void refusesAVerdictThatContradictsTheRule() {
        assertThatThrownBy(() -> new WeighingPointResult(Mass.parse("1000 g"), Mass.parse("1020 g"),
                Mass.parse("20 g"), Mass.parse("5 g"), Verdict.PASS, DecisionRule.SIMPLE_ACCEPTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contradicts simple acceptance");
    }

    @Test
    void comparesACorrectedChangePointErrorWithTheMpe() {
        Mass e = Mass.parse("5 g");
        Mass zeroError = new ChangePointError(Mass.parse("50 g"), Mass.parse("50 g"), Mass.parse("2 g"), e).error();
        Mass corrected = new ChangePointError(Mass.parse("1000 g"), Mass.parse("1000 g"), Mass.parse("1.5 g"), e)
                .correctedError(zeroError);

        assertThat(DecisionRule.SIMPLE_ACCEPTANCE.verdict(corrected, Mass.parse("2.5 g"))).isEqualTo(Verdict.PASS);
        assertThat(DecisionRule.SIMPLE_ACCEPTANCE.verdict(corrected, Mass.parse("0.4 g"))).isEqualTo(Verdict.FAIL);
    }
}
