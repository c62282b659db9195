package org.jiliang.lims.metrology.spc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each test for special causes on a chart with centre 0 and σ = 1 (limits ±3): the pattern completed signals at its
 * last point; one point short of it, nothing.
 */
class RunRuleTest {

    private static final Limits UNIT = new Limits(new BigDecimal("-3"), BigDecimal.ZERO, new BigDecimal("3"));

    private static List<Integer> signalled(RunRule rule, String series) {
        return SpecialCauses.find(PublishedChartsTest.decimals(series), 0, UNIT, EnumSet.of(rule),
                Signal.Statistic.VALUE).stream().map(Signal::index).toList();
    }

    @ParameterizedTest(name = "test {0}")
    @CsvSource(delimiter = '|', value = {
            // test | completes the pattern (signals at its last point) | one short of it, or broken
            "BEYOND_LIMITS        | 0 0 3.1                              | 0 0 3 -3",
            "NINE_ON_ONE_SIDE     | 0.5 0.1 0.2 0.3 1 2 0.1 0.4 0.2       | 0.5 0.1 0.2 0.3 1 2 0.1 0.4 0 0.2",
            "SIX_TRENDING         | -2 -1 -0.5 0 0.5 1                    | -2 -1 -0.5 -0.5 0.5 1",
            "FOURTEEN_ALTERNATING | 1 -1 1 -1 1 -1 1 -1 1 -1 1 -1 1 -1     | 1 -1 1 -1 1 -1 1 -1 1 -1 1 -1 1 1",
            "TWO_OF_THREE_IN_A    | 2.5 0 2.1                             | 2.5 0 -2.1",
            "FOUR_OF_FIVE_IN_B    | 1.5 0 1.2 2 1.1                       | 1.5 0 1.2 -2 1.1",
            "FIFTEEN_IN_C         | 0.1 -0.2 0.3 -0.4 0.5 -0.6 0.7 -0.8 0.9 -1 0.1 0.2 0.3 0.4 0.5"
                    + " | 0.1 -0.2 0.3 -0.4 0.5 -0.6 0.7 -0.8 0.9 -1 0.1 0.2 0.3 0.4 1.5",
            "EIGHT_OUTSIDE_C      | 1.5 -1.5 2 -2 1.1 -1.1 2.5 -2.5       | 1.5 -1.5 2 -2 1.1 -1 2.5 -2.5"
    })
    void signalsWhereThePatternCompletesAndNotOneShort(RunRule rule, String completes, String shortOfIt) {
        int last = completes.trim().split("\\s+").length - 1;
        assertThat(signalled(rule, completes)).containsExactly(last);
        assertThat(signalled(rule, shortOfIt)).isEmpty();
    }

    @Test
    void aLongerPatternSignalsAtEveryPointThatCompletesIt() {
        assertThat(signalled(RunRule.NINE_ON_ONE_SIDE, "1 1 1 1 1 1 1 1 1 1 1")).containsExactly(8, 9, 10);
    }

    @Test
    void aPointOnALimitIsInside() {
        assertThat(signalled(RunRule.BEYOND_LIMITS, "3 -3 3.0001")).containsExactly(2);
    }

    @Test
    void theTestsAreNumberedAsInTheStandard() {
        assertThat(RunRule.BEYOND_LIMITS.number()).isEqualTo(1);
        assertThat(RunRule.EIGHT_OUTSIDE_C.number()).isEqualTo(8);
    }
}
