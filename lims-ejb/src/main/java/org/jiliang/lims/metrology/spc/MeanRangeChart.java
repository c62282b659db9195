package org.jiliang.lims.metrology.spc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mean and range chart pair (X̄–R, ISO 7870-2:2013 §9.1): the chart for a standard checked with n repeated
 * readings per check. Its limits are fixed from a base period of subgroups: centre X̄̄, limits X̄̄ ± A2·R̄; the range
 * chart's D3·R̄ and D4·R̄, the factors for n from ISO 7870-2 Table 2.
 */
public final class MeanRangeChart {

    private final Limits means;
    private final Limits ranges;
    private final int subgroupSize;
    private final int baseSubgroups;

    private MeanRangeChart(Limits means, Limits ranges, int subgroupSize, int baseSubgroups) {
        this.means = means;
        this.ranges = ranges;
        this.subgroupSize = subgroupSize;
        this.baseSubgroups = baseSubgroups;
    }

    /**
     * The chart whose limits come from these subgroups, all of the same size.
     *
     * @throws IllegalArgumentException fewer than two subgroups, subgroups of different or untabulated sizes, or
     *                                  no variation within them
     */
    public static MeanRangeChart fromBasePeriod(List<List<BigDecimal>> base) {
        if (base.size() < 2) {
            throw new IllegalArgumentException("A mean and range chart needs at least two subgroups in its base"
                    + " period, had " + base.size());
        }
        int n = base.get(0).size();
        ChartFactors f = ChartFactors.forSubgroupsOf(n);
        requireSize(base, n);
        BigDecimal grandMean = IndividualsChart.sum(means(base)).divide(BigDecimal.valueOf(base.size()), Limits.MC);
        BigDecimal meanRange = IndividualsChart.sum(ranges(base)).divide(BigDecimal.valueOf(base.size()),
                Limits.MC);
        if (meanRange.signum() == 0) {
            throw new IllegalArgumentException("The base period's subgroups show no variation: no control limits"
                    + " follow from them (record the readings to the resolution that shows their scatter)");
        }
        BigDecimal halfWidth = f.a2().multiply(meanRange);
        return new MeanRangeChart(new Limits(grandMean.subtract(halfWidth), grandMean, grandMean.add(halfWidth)),
                new Limits(f.d3().multiply(meanRange), meanRange, f.d4().multiply(meanRange)), n, base.size());
    }

    /** Each subgroup's mean. */
    public static List<BigDecimal> means(List<List<BigDecimal>> subgroups) {
        return subgroups.stream().map(g -> IndividualsChart.sum(g).divide(BigDecimal.valueOf(g.size()), Limits.MC))
                .toList();
    }

    /** Each subgroup's range, largest reading less smallest. */
    public static List<BigDecimal> ranges(List<List<BigDecimal>> subgroups) {
        return subgroups.stream().map(g -> Collections.max(g).subtract(Collections.min(g))).toList();
    }

    public Limits means() {
        return means;
    }

    public Limits ranges() {
        return ranges;
    }

    public int subgroupSize() {
        return subgroupSize;
    }

    public int baseSubgroups() {
        return baseSubgroups;
    }

    /**
     * The out-of-control signals of a series of subgroups of this chart's size: all eight tests on the means, test 1
     * on the ranges.
     */
    public List<Signal> signals(List<List<BigDecimal>> subgroups) {
        requireSize(subgroups, subgroupSize);
        List<Signal> signals = new ArrayList<>(SpecialCauses.find(means(subgroups), 0, means, SpecialCauses.ALL,
                Signal.Statistic.MEAN));
        signals.addAll(SpecialCauses.find(ranges(subgroups), 0, ranges, SpecialCauses.LIMITS_ONLY,
                Signal.Statistic.RANGE));
        return signals;
    }

    private static void requireSize(List<List<BigDecimal>> subgroups, int n) {
        for (int i = 0; i < subgroups.size(); i++) {
            if (subgroups.get(i).size() != n) {
                throw new IllegalArgumentException("Subgroup " + (i + 1) + " has " + subgroups.get(i).size()
                        + " readings; this chart's subgroups have " + n);
            }
        }
    }
}
