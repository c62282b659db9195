package org.jiliang.lims.metrology.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConformityAssessmentTest {

    private static final BigDecimal U = new BigDecimal("0.100");
    private static final ToleranceLimits UPPER = ToleranceLimits.upper(new BigDecimal("1.000"), "");

    private static Decision decide(AcceptanceRule rule, String x, ToleranceLimits limits) {
        return ConformityAssessment.assess(rule, new BigDecimal(x), U, limits).decision();
    }

    /** The test vectors of the project reference §6: upper limit TL = 1.000, U = w = 0.100. */
    @ParameterizedTest(name = "{0}: simple {1}, binary w = U {2}, non-binary {3}")
    @CsvSource({
            "0.85, PASS, PASS, PASS",
            "0.95, PASS, FAIL, CONDITIONAL_PASS",
            "1.05, FAIL, FAIL, CONDITIONAL_FAIL",
            "1.15, FAIL, FAIL, FAIL"
    })
    void followsTheReferenceTestVectorsForAnUpperLimit(String x, Decision simple, Decision guarded,
            Decision nonBinary) {
        assertThat(decide(AcceptanceRule.SIMPLE_ACCEPTANCE, x, UPPER)).isEqualTo(simple);
        assertThat(decide(AcceptanceRule.GUARDED_ACCEPTANCE, x, UPPER)).isEqualTo(guarded);
        assertThat(decide(AcceptanceRule.NON_BINARY, x, UPPER)).isEqualTo(nonBinary);
    }

    @ParameterizedTest(name = "exactly at {0} ({1}): simple {2}, binary w = U {3}, non-binary {4}")
    @CsvSource({
            "0.900, AL = TL − w, PASS, PASS, PASS",
            "0.9001, just above AL, PASS, FAIL, CONDITIONAL_PASS",
            "1.000, TL, PASS, FAIL, CONDITIONAL_PASS",
            "1.0001, just above TL, FAIL, FAIL, CONDITIONAL_FAIL",
            "1.100, TL + w, FAIL, FAIL, CONDITIONAL_FAIL",
            "1.1001, just above TL + w, FAIL, FAIL, FAIL"
    })
    void decidesValuesExactlyAtALimitByTheDocumentedConvention(String x, String where, Decision simple,
            Decision guarded, Decision nonBinary) {
        assertThat(decide(AcceptanceRule.SIMPLE_ACCEPTANCE, x, UPPER)).isEqualTo(simple);
        assertThat(decide(AcceptanceRule.GUARDED_ACCEPTANCE, x, UPPER)).isEqualTo(guarded);
        assertThat(decide(AcceptanceRule.NON_BINARY, x, UPPER)).isEqualTo(nonBinary);
    }

    @ParameterizedTest(name = "lower limit 1.000, value {0}: simple {1}, binary w = U {2}, non-binary {3}")
    @CsvSource({
            "1.15,  PASS, PASS, PASS",
            "1.100, PASS, PASS, PASS",
            "1.05,  PASS, FAIL, CONDITIONAL_PASS",
            "1.000, PASS, FAIL, CONDITIONAL_PASS",
            "0.95,  FAIL, FAIL, CONDITIONAL_FAIL",
            "0.900, FAIL, FAIL, CONDITIONAL_FAIL",
            "0.85,  FAIL, FAIL, FAIL"
    })
    void mirrorsTheRulesForALowerLimit(String x, Decision simple, Decision guarded, Decision nonBinary) {
        ToleranceLimits lower = ToleranceLimits.lower(new BigDecimal("1.000"), "");

        assertThat(decide(AcceptanceRule.SIMPLE_ACCEPTANCE, x, lower)).isEqualTo(simple);
        assertThat(decide(AcceptanceRule.GUARDED_ACCEPTANCE, x, lower)).isEqualTo(guarded);
        assertThat(decide(AcceptanceRule.NON_BINARY, x, lower)).isEqualTo(nonBinary);
    }

    @ParameterizedTest(name = "10 ± 0.5, value {0}: simple {1}, binary w = U {2}, non-binary {3}")
    @CsvSource({
            "10.0,  PASS, PASS, PASS",
            "10.4,  PASS, PASS, PASS",
            "9.6,   PASS, PASS, PASS",
            "10.45, PASS, FAIL, CONDITIONAL_PASS",
            "9.5,   PASS, FAIL, CONDITIONAL_PASS",
            "10.55, FAIL, FAIL, CONDITIONAL_FAIL",
            "9.4,   FAIL, FAIL, CONDITIONAL_FAIL",
            "10.65, FAIL, FAIL, FAIL",
            "9.35,  FAIL, FAIL, FAIL"
    })
    void appliesTheRulesToBothSidesOfATwoSidedTolerance(String x, Decision simple, Decision guarded,
            Decision nonBinary) {
        ToleranceLimits twoSided = ToleranceLimits.symmetric(BigDecimal.TEN, new BigDecimal("0.5"), "g");

        assertThat(decide(AcceptanceRule.SIMPLE_ACCEPTANCE, x, twoSided)).isEqualTo(simple);
        assertThat(decide(AcceptanceRule.GUARDED_ACCEPTANCE, x, twoSided)).isEqualTo(guarded);
        assertThat(decide(AcceptanceRule.NON_BINARY, x, twoSided)).isEqualTo(nonBinary);
    }

    @Test
    void aGuardBandWiderThanHalfTheToleranceLeavesNothingToAcceptInTheBinaryRule() {
        ToleranceLimits narrow = ToleranceLimits.symmetric(BigDecimal.TEN, new BigDecimal("0.05"), "g");

        assertThat(decide(AcceptanceRule.GUARDED_ACCEPTANCE, "10", narrow)).isEqualTo(Decision.FAIL);
        assertThat(decide(AcceptanceRule.NON_BINARY, "10", narrow)).isEqualTo(Decision.CONDITIONAL_PASS);
    }

    @Test
    void outcomeCarriesRuleGuardBandAndBothSetsOfLimits() {
        ConformityOutcome outcome = ConformityAssessment.assess(AcceptanceRule.GUARDED_ACCEPTANCE,
                new BigDecimal("10.2"), new BigDecimal("0.1"), ToleranceLimits.symmetric(BigDecimal.TEN,
                        new BigDecimal("0.5"), "g"));

        assertThat(outcome.rule()).isEqualTo(AcceptanceRule.GUARDED_ACCEPTANCE);
        assertThat(outcome.guardBand()).isEqualByComparingTo("0.1");
        assertThat(outcome.toleranceLimits().lower()).isEqualByComparingTo("9.5");
        assertThat(outcome.toleranceLimits().upper()).isEqualByComparingTo("10.5");
        assertThat(outcome.acceptanceLimits().lower()).isEqualByComparingTo("9.6");
        assertThat(outcome.acceptanceLimits().upper()).isEqualByComparingTo("10.4");
        assertThat(outcome.expandedUncertaintyIfStated()).contains(new BigDecimal("0.1"));
    }

    @Test
    void simpleAcceptanceNeedsNoUncertainty() {
        ConformityOutcome outcome = ConformityAssessment.simpleAcceptance(new BigDecimal("-5"),
                ToleranceLimits.symmetric(BigDecimal.ZERO, new BigDecimal("5"), "g"));

        assertThat(outcome.decision()).isEqualTo(Decision.PASS);
        assertThat(outcome.guardBand()).isEqualByComparingTo("0");
        assertThat(outcome.expandedUncertaintyIfStated()).isEmpty();
    }

    @Test
    void statementNamesDecisionValueLimitsRuleAndBoundaryConventionInEnglish() {
        ConformityOutcome outcome = ConformityAssessment.assess(AcceptanceRule.NON_BINARY, new BigDecimal("0.95"),
                U, UPPER);

        assertThat(outcome.statementEn()).isEqualTo("Conditional pass: measured value 0.95 (U = 0.100),"
                + " tolerance limit ≤ 1.000, acceptance limit ≤ 0.900 (guard band w = 0.100), decision rule:"
                + " non-binary statement with guard band w = U (ILAC-G8:09/2019 §4.2.3); "
                + ConformityOutcome.BOUNDARY_CONVENTION_EN + ".");
    }

    @Test
    void statementNamesDecisionValueLimitsRuleAndBoundaryConventionInChinese() {
        ConformityOutcome outcome = ConformityAssessment.assess(AcceptanceRule.GUARDED_ACCEPTANCE,
                new BigDecimal("10.2"), new BigDecimal("0.1"), ToleranceLimits.symmetric(BigDecimal.TEN,
                        new BigDecimal("0.5"), "g"));

        assertThat(outcome.statementZh()).isEqualTo("合格：测得值 10.2 g（U = 0.1 g），容许限 9.5 g … 10.5 g，"
                + "接受限 9.6 g … 10.4 g（保护带 w = 0.1 g），判定规则：带保护带的二元判定（w = U）"
                + "（ILAC-G8:09/2019 §4.2.2）；" + ConformityOutcome.BOUNDARY_CONVENTION_ZH + "。");
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource({"PASS, 合格, pass", "CONDITIONAL_PASS, 有条件合格, conditional pass",
            "CONDITIONAL_FAIL, 有条件不合格, conditional fail", "FAIL, 不合格, fail"})
    void decisionsAreBilingual(Decision decision, String zh, String en) {
        assertThat(decision.labelZh()).isEqualTo(zh);
        assertThat(decision.labelEn()).isEqualTo(en);
    }

    @Test
    void aBinaryRuleCannotCarryAConditionalDecision() {
        assertThatThrownBy(() -> new ConformityOutcome(AcceptanceRule.GUARDED_ACCEPTANCE, BigDecimal.ONE, U, U,
                UPPER, UPPER, Decision.CONDITIONAL_PASS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is binary");
    }

    @Test
    void refusesANegativeExpandedUncertainty() {
        assertThatThrownBy(() -> ConformityAssessment.assess(AcceptanceRule.GUARDED_ACCEPTANCE, BigDecimal.ONE,
                new BigDecimal("-0.1"), UPPER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void refusesTwoSidedLimitsInTheWrongOrder() {
        assertThatThrownBy(() -> ToleranceLimits.between(BigDecimal.TEN, BigDecimal.ONE, "g"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is above the upper limit");
    }
}
