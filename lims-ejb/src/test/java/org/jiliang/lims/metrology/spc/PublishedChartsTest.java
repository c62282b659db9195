package org.jiliang.lims.metrology.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control charts against published example data sets and the limits published with them. */
class PublishedChartsTest {

    /**
     * NIST/SEMATECH e-Handbook of Statistical Methods, §6.3.2.2 "Individuals Control Charts": the flow rate of the
     * first ten batches of a new process. Published: x̄ = 50.81, MR̄ = 1.8778, UCL = 55.8041, LCL = 45.8159.
     */
    @Test
    void individualsChartOfTheNistFlowRateExample() {
        List<BigDecimal> flowRate = decimals("49.6 47.6 49.9 51.3 47.8 51.2 52.6 52.4 53.6 52.1");

        IndividualsChart chart = IndividualsChart.fromBasePeriod(flowRate);

        assertThat(round(chart.values().centre(), 2)).isEqualByComparingTo("50.81");
        assertThat(round(chart.movingRanges().centre(), 4)).isEqualByComparingTo("1.8778");
        assertThat(round(chart.values().upper(), 4)).isEqualByComparingTo("55.8041");
        assertThat(round(chart.values().lower(), 4)).isEqualByComparingTo("45.8159");
        // the moving range chart: D4·MR̄ = 3.267 × 1.8778 (e-Handbook §6.3.2.2 gives UCL = 6.13)
        assertThat(round(chart.movingRanges().upper(), 2)).isEqualByComparingTo("6.13");
        assertThat(chart.movingRanges().lower()).isEqualByComparingTo("0");
        assertThat(chart.signals(flowRate)).as("the example's process is in control").isEmpty();
    }

    /**
     * Montgomery, Introduction to Statistical Quality Control, Example 6.1 (Table 6.3, also the data set
     * {@code pistonrings} of the R package qcc): the inside diameter of piston rings, 25 subgroups of five as the base
     * period, then 15 more. Published: X̄̄ = 74.001, R̄ = 0.023, X̄ chart limits 73.988 and 74.014, R chart upper limit
     * 0.049 (from the rounded R̄; 0.0481 from R̄ = 0.02276, as qcc gives it), and the base period in control.
     */
    @Test
    void meanAndRangeChartOfMontgomerysPistonRings() {
        List<List<BigDecimal>> base = PISTON_RINGS.subList(0, 25);

        MeanRangeChart chart = MeanRangeChart.fromBasePeriod(base);

        assertThat(chart.subgroupSize()).isEqualTo(5);
        assertThat(round(chart.means().centre(), 3)).isEqualByComparingTo("74.001");
        assertThat(round(chart.ranges().centre(), 3)).isEqualByComparingTo("0.023");
        assertThat(round(chart.means().upper(), 3)).isEqualByComparingTo("74.014");
        assertThat(round(chart.means().lower(), 3)).isEqualByComparingTo("73.988");
        assertThat(round(chart.ranges().upper(), 4)).isEqualByComparingTo("0.0481");
        assertThat(chart.ranges().lower()).isEqualByComparingTo("0");
        assertThat(chart.signals(base)).filteredOn(s -> s.rule() == RunRule.BEYOND_LIMITS)
                .as("the base period: every point inside its limits on both charts").isEmpty();
    }

    /**
     * The piston rings' last fifteen subgroups against the base period's limits: the process mean has moved up.
     * Subgroups 37, 38 and 39 (means 74.0166, 74.0196, 74.0234) are above the upper limit 74.0143; the ranges stay
     * inside theirs; the zone tests see the shift coming from subgroup 35 (34 and 35 both beyond two sigma).
     */
    @Test
    void thePistonRingsLaterSubgroupsSignalTheShiftedMean() {
        MeanRangeChart chart = MeanRangeChart.fromBasePeriod(PISTON_RINGS.subList(0, 25));

        List<Signal> signals = chart.signals(PISTON_RINGS);

        assertThat(signals).filteredOn(s -> s.rule() == RunRule.BEYOND_LIMITS).extracting(s -> s.index() + 1)
                .containsExactly(37, 38, 39);
        assertThat(signals).filteredOn(s -> s.statistic() == Signal.Statistic.RANGE).isEmpty();
        assertThat(signals).filteredOn(s -> s.rule() == RunRule.TWO_OF_THREE_IN_A).extracting(s -> s.index() + 1)
                .startsWith(35);
    }

    @Test
    void aBasePeriodWithoutScatterOrOfUntabulatedSizeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> IndividualsChart.fromBasePeriod(decimals("1.000 1.000 1.000")))
                .hasMessageContaining("all equal");
        assertThatThrownBy(() -> IndividualsChart.fromBasePeriod(decimals("1.000")))
                .hasMessageContaining("at least two readings");
        assertThatThrownBy(() -> MeanRangeChart.fromBasePeriod(List.of(decimals("1 2 3 4 5 6 7 8 9 10 11"),
                decimals("1 2 3 4 5 6 7 8 9 10 11")))).hasMessageContaining("2 to 10 readings, not 11");
        assertThatThrownBy(() -> MeanRangeChart.fromBasePeriod(List.of(decimals("1 2 3"), decimals("1 2"))))
                .hasMessageContaining("Subgroup 2 has 2 readings");
    }

    private static BigDecimal round(BigDecimal value, int places) {
        return value.setScale(places, RoundingMode.HALF_UP);
    }

    static List<BigDecimal> decimals(String values) {
        return Arrays.stream(values.trim().split("\\s+")).map(BigDecimal::new).toList();
    }

    private static final List<List<BigDecimal>> PISTON_RINGS = Arrays.stream(new String[] {
        "74.030 74.002 74.019 73.992 74.008", "73.995 73.992 74.001 74.011 74.004",
        "73.988 74.024 74.021 74.005 74.002", "74.002 73.996 73.993 74.015 74.009",
        "73.992 74.007 74.015 73.989 74.014", "74.009 73.994 73.997 73.985 73.993",
        "73.995 74.006 73.994 74.000 74.005", "73.985 74.003 73.993 74.015 73.988",
        "74.008 73.995 74.009 74.005 74.004", "73.998 74.000 73.990 74.007 73.995",
        "73.994 73.998 73.994 73.995 73.990", "74.004 74.000 74.007 74.000 73.996",
        "73.983 74.002 73.998 73.997 74.012", "74.006 73.967 73.994 74.000 73.984",
        "74.012 74.014 73.998 73.999 74.007", "74.000 73.984 74.005 73.998 73.996",
        "73.994 74.012 73.986 74.005 74.007", "74.006 74.010 74.018 74.003 74.000",
        "73.984 74.002 74.003 74.005 73.997", "74.000 74.010 74.013 74.020 74.003",
        "73.988 74.001 74.009 74.005 73.996", "74.004 73.999 73.990 74.006 74.009",
        "74.010 73.989 73.990 74.009 74.014", "74.015 74.008 73.993 74.000 74.010",
        "73.982 73.984 73.995 74.017 74.013", "74.012 74.015 74.030 73.986 74.000",
        "73.995 74.010 73.990 74.015 74.001", "73.987 73.999 73.985 74.000 73.990",
        "74.008 74.010 74.003 73.991 74.006", "74.003 74.000 74.001 73.986 73.997",
        "73.994 74.003 74.015 74.020 74.004", "74.008 74.002 74.018 73.995 74.005",
        "74.001 74.004 73.990 73.996 73.998", "74.015 74.000 74.016 74.025 74.000",
        "74.030 74.005 74.000 74.016 74.012", "74.001 73.990 73.995 74.010 74.024",
        "74.015 74.020 74.024 74.005 74.019", "74.035 74.010 74.012 74.015 74.026",
        "74.017 74.013 74.036 74.025 74.026", "74.010 74.005 74.029 74.000 74.020"})
            .map(PublishedChartsTest::decimals).toList();
}
