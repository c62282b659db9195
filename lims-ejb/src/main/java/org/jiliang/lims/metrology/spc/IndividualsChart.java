package org.jiliang.lims.metrology.spc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The individuals and moving range chart pair (ISO 7870-2:2013 §9.3; NIST/SEMATECH e-Handbook §6.3.2.2): the chart
 * for a standard checked once per interval with one result per check. Its limits are fixed from a base period of
 * readings and then judge every reading after it: centre x̄, limits x̄ ± 3·MR̄/d2 with d2 for n = 2; the moving
 * range chart's upper limit D4·MR̄.
 */
public final class IndividualsChart {

    private final Limits values;
    private final Limits movingRanges;
    private final int basePoints;

    private IndividualsChart(Limits values, Limits movingRanges, int basePoints) {
        this.values = values;
        this.movingRanges = movingRanges;
        this.basePoints = basePoints;
    }

    /**
     * The chart whose limits come from these readings.
     *
     * @throws IllegalArgumentException fewer than two readings, or no variation among them (no limits follow)
     */
    public static IndividualsChart fromBasePeriod(List<BigDecimal> base) {
        if (base.size() < 2) {
            throw new IllegalArgumentException("An individuals chart needs at least two readings in its base period,"
                    + " had " + base.size());
        }
        BigDecimal mean = sum(base).divide(BigDecimal.valueOf(base.size()), Limits.MC);
        List<BigDecimal> ranges = movingRanges(base);
        BigDecimal meanRange = sum(ranges).divide(BigDecimal.valueOf(ranges.size()), Limits.MC);
        if (meanRange.signum() == 0) {
            throw new IllegalArgumentException("The base period's readings are all equal: no control limits follow"
                    + " from them (record the readings to the resolution that shows their scatter)");
        }
        ChartFactors f = ChartFactors.forSubgroupsOf(2);
        BigDecimal halfWidth = meanRange.multiply(BigDecimal.valueOf(3)).divide(f.d2(), Limits.MC);
        return new IndividualsChart(new Limits(mean.subtract(halfWidth), mean, mean.add(halfWidth)),
                new Limits(f.d3().multiply(meanRange), meanRange, f.d4().multiply(meanRange)), base.size());
    }

    /** The moving ranges |x_i − x_(i−1)| of a series: one fewer than its readings. */
    public static List<BigDecimal> movingRanges(List<BigDecimal> readings) {
        List<BigDecimal> ranges = new ArrayList<>();
        for (int i = 1; i < readings.size(); i++) {
            ranges.add(readings.get(i).subtract(readings.get(i - 1)).abs());
        }
        return ranges;
    }

    /** The limits of the readings' chart. */
    public Limits values() {
        return values;
    }

    /** The limits of the moving-range chart (the lower is zero). */
    public Limits movingRanges() {
        return movingRanges;
    }

    /** How many readings the limits were computed from. */
    public int basePoints() {
        return basePoints;
    }

    /**
     * The out-of-control signals of a series of readings (the base period and those after it, in order): all eight
     * tests on the readings, test 1 on their moving ranges (indexed by the later reading of each pair).
     */
    public List<Signal> signals(List<BigDecimal> readings) {
        List<Signal> signals = new ArrayList<>(SpecialCauses.find(readings, 0, values, SpecialCauses.ALL,
                Signal.Statistic.VALUE));
        signals.addAll(SpecialCauses.find(movingRanges(readings), 1, movingRanges, SpecialCauses.LIMITS_ONLY,
                Signal.Statistic.MOVING_RANGE));
        return signals;
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
