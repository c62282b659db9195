package org.jiliang.lims.standard.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jiliang.lims.standard.check.AnnualEvaluation.Group;
import org.jiliang.lims.standard.check.AnnualEvaluation.Verdict;
import org.junit.jupiter.api.Test;

/**
 * JJF 1033's yearly evaluations from a year's checks of one point, worked by hand: four checks of three readings of
 * a 10 g check weight (g).
 *
 * <pre>
 * check   readings                      mean      Σ(x − x̄)²
 * Feb     10.0001 10.0003 10.0002       10.0002   2·10⁻⁸
 * May     10.0004 10.0004 10.0004       10.0004   0
 * Aug      9.9999 10.0001 10.0000       10.0000   2·10⁻⁸
 * Nov     10.0003 10.0005 10.0004       10.0004   2·10⁻⁸
 * stability = 10.0004 − 10.0000 = 0.0004 g
 * s_p = √(6·10⁻⁸ / (4 · 2)) = √(7.5·10⁻⁹) = 0.0000866025 g, ν = 8
 * </pre>
 */
class AnnualEvaluationTest {

    private static final List<Group> YEAR = List.of(
            group("2026-02-10", "10.0001 10.0003 10.0002"),
            group("2026-05-12", "10.0004 10.0004 10.0004"),
            group("2026-08-11", "9.9999 10.0001 10.0000"),
            group("2026-11-10", "10.0003 10.0005 10.0004"));

    @Test
    void theStabilityIsTheRangeOfTheChecksMeansAndMustBeSmallerThanTheLimit() {
        var s = AnnualEvaluation.stability(YEAR, new BigDecimal("0.0005"));
        assertThat(s.groups()).isEqualTo(4);
        assertThat(s.smallest()).isEqualByComparingTo("10.0000");
        assertThat(s.largest()).isEqualByComparingTo("10.0004");
        assertThat(s.range()).isEqualByComparingTo("0.0004");
        assertThat(s.verdict()).isEqualTo(Verdict.PASS);
        // a 1 kg check weight: the group values keep every digit (six significant digits would make both 1000)
        var kilogram = AnnualEvaluation.stability(List.of(group("2026-02-10", "1000.00011 1000.00013"),
                group("2026-05-12", "1000.00012"), group("2026-08-11", "1000.00010"),
                group("2026-11-10", "1000.00032")),
                new BigDecimal("0.0016"));
        assertThat(kilogram.smallest()).isEqualByComparingTo("1000.00010");
        assertThat(kilogram.largest()).isEqualByComparingTo("1000.00032");
        assertThat(kilogram.range()).isEqualByComparingTo("0.00022");
        // "smaller than the MPE": a range equal to the limit does not pass
        assertThat(AnnualEvaluation.stability(YEAR, new BigDecimal("0.0004")).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(AnnualEvaluation.stability(YEAR, new BigDecimal("0.00041")).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void fewerThanFourChecksInTheYearAreNotEnoughWhateverTheirRange() {
        var three = AnnualEvaluation.stability(YEAR.subList(0, 3), new BigDecimal("1"));
        assertThat(three.groups()).isEqualTo(3);
        assertThat(three.range()).isEqualByComparingTo("0.0004");
        assertThat(three.verdict()).isEqualTo(Verdict.INSUFFICIENT);
        assertThat(AnnualEvaluation.stability(List.of(), BigDecimal.ONE).verdict()).isEqualTo(Verdict.INSUFFICIENT);
    }

    @Test
    void theRepeatabilityIsThePooledStandardDeviationOfTheChecksReadings() {
        var r = AnnualEvaluation.repeatability(YEAR, new BigDecimal("0.0001"));
        assertThat(r.readings()).isEqualTo(12);
        assertThat(r.degreesOfFreedom()).isEqualTo(8);
        assertThat(r.standardDeviation()).isEqualByComparingTo("0.0000866025");
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        // not above the budget's repeatability: equal passes, a hair below the figure fails
        assertThat(AnnualEvaluation.repeatability(YEAR, new BigDecimal("0.0000866025")).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(AnnualEvaluation.repeatability(YEAR, new BigDecimal("0.0000866")).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void checksOfSingleReadingsGiveNoRepeatability() {
        List<Group> singles = List.of(group("2026-01-05", "1.000"), group("2026-04-05", "1.002"),
                group("2026-07-05", "1.001"), group("2026-10-05", "0.999"));
        var r = AnnualEvaluation.repeatability(singles, BigDecimal.ONE);
        assertThat(r.degreesOfFreedom()).isZero();
        assertThat(r.standardDeviation()).isNull();
        assertThat(r.verdict()).isEqualTo(Verdict.INSUFFICIENT);
        // their stability is still the range of the values
        assertThat(AnnualEvaluation.stability(singles, new BigDecimal("0.005")).range()).isEqualByComparingTo("0.003");
    }

    private static Group group(String day, String readings) {
        return new Group(LocalDate.parse(day), Arrays.stream(readings.split(" ")).map(BigDecimal::new).toList());
    }
}
