package org.jiliang.lims.standard.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jiliang.lims.metrology.spc.RunRule;
import org.junit.jupiter.api.Test;

class CheckEvaluationTest {

    /** A 1 kg check weight's conventional mass as found at each check (in g), the base period of five. */
    private static final List<String> BASE = List.of("1000.0012", "1000.0015", "1000.0011", "1000.0014",
            "1000.0013");
    private static final CheckEvaluation.Reference REFERENCE = new CheckEvaluation.Reference(
            new BigDecimal("1000.0013"), new BigDecimal("0.0008"));

    private static List<BigDecimal> readings(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static CheckEvaluation.Outcome evaluate(CheckCriterion criterion, List<String> earlier, String now,
            String u) {
        List<List<BigDecimal>> history = new ArrayList<>();
        earlier.forEach(v -> history.add(readings(v)));
        return CheckEvaluation.evaluate(criterion, ChartKind.INDIVIDUALS, 5, List.of(REFERENCE), List.of(history),
                List.of(new CheckEvaluation.Measured(readings(now), u == null ? null : new BigDecimal(u))));
    }

    @Test
    void theNormalizedErrorIsTheDeviationOverTheCombinedExpandedUncertainties() {
        // E_n = (1000.0023 − 1000.0013) / √(0.0006² + 0.0008²) = 0.0010 / 0.0010 = 1.00: still within |E_n| ≤ 1
        CheckEvaluation.Outcome atOne = evaluate(CheckCriterion.NORMALIZED_ERROR, List.of(), "1000.0023", "0.0006");
        assertThat(atOne.points().get(0).normalizedError()).isEqualByComparingTo("1");
        assertThat(atOne.outcome()).isEqualTo(CheckOutcome.BASE_PERIOD);

        CheckEvaluation.Outcome beyond = evaluate(CheckCriterion.NORMALIZED_ERROR, List.of(), "1000.0024",
                "0.0006");
        assertThat(beyond.points().get(0).normalizedError().setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("1.10");
        assertThat(beyond.outcome()).isEqualTo(CheckOutcome.OUT_OF_TOLERANCE);
        assertThat(beyond.points().get(0).outOfTolerance()).isTrue();
    }

    @Test
    void noChartJudgesACheckUntilTheBasePeriodIsComplete() {
        // the fifth check completes the base period; a wild value in it is part of the base, not judged by it
        assertThat(evaluate(CheckCriterion.CONTROL_LIMITS, BASE.subList(0, 4), "1000.0030", null).outcome())
                .isEqualTo(CheckOutcome.BASE_PERIOD);
        assertThat(evaluate(CheckCriterion.CONTROL_LIMITS, BASE, "1000.0013", null).outcome())
                .isEqualTo(CheckOutcome.IN_CONTROL);
    }

    @Test
    void underTheControlLimitsCriterionAPointBeyondThemIsOutOfTolerance() {
        // base: x̄ = 1000.0013 g, MR̄ = 0.000275 g, limits x̄ ± 3·MR̄/1.128 = x̄ ± 0.000731 g
        CheckEvaluation.Outcome outside = evaluate(CheckCriterion.CONTROL_LIMITS, BASE, "1000.0021", null);
        assertThat(outside.outcome()).isEqualTo(CheckOutcome.OUT_OF_TOLERANCE);
        assertThat(outside.points().get(0).signals()).extracting(s -> s.rule()).contains(RunRule.BEYOND_LIMITS);

        CheckEvaluation.Outcome inside = evaluate(CheckCriterion.CONTROL_LIMITS, BASE, "1000.0018", null);
        assertThat(inside.outcome()).isEqualTo(CheckOutcome.IN_CONTROL);
    }

    @Test
    void underTheNormalizedErrorCriterionASignalOpensACaseButPasses() {
        // inside |E_n| ≤ 1 against the reference, beyond the base period's control limits: out of control only
        CheckEvaluation.Outcome o = evaluate(CheckCriterion.NORMALIZED_ERROR, BASE, "1000.0021", "0.0006");
        assertThat(o.points().get(0).normalizedError().abs()).isLessThan(BigDecimal.ONE);
        assertThat(o.outcome()).isEqualTo(CheckOutcome.OUT_OF_CONTROL);
        assertThat(o.outcome().passed()).isTrue();
    }

    @Test
    void aZoneTestSignalsAnOutOfControlPatternInsideTheLimits() {
        // nine checks in a row above the centre line (test 2), each inside the limits
        List<String> earlier = new ArrayList<>(BASE);
        for (int i = 0; i < 8; i++) {
            earlier.add("1000.0015");
        }
        CheckEvaluation.Outcome o = evaluate(CheckCriterion.CONTROL_LIMITS, earlier, "1000.0015", null);
        assertThat(o.outcome()).isEqualTo(CheckOutcome.OUT_OF_CONTROL);
        assertThat(o.points().get(0).signals()).extracting(s -> s.rule()).contains(RunRule.NINE_ON_ONE_SIDE)
                .doesNotContain(RunRule.BEYOND_LIMITS);
    }

    @Test
    void aBasePeriodWithoutScatterSetsNoLimitsAndJudgesNothing() {
        List<String> flat = List.of("1000.0013", "1000.0013", "1000.0013", "1000.0013", "1000.0013");
        assertThat(evaluate(CheckCriterion.CONTROL_LIMITS, flat, "1000.0100", null).outcome())
                .isEqualTo(CheckOutcome.IN_CONTROL);
        assertThat(CheckEvaluation.limitsFollow(ChartKind.INDIVIDUALS, flat.stream().map(v -> readings(v)).toList()))
                .isFalse();
    }
}
