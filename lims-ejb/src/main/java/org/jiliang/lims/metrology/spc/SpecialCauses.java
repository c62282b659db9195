package org.jiliang.lims.metrology.spc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The tests for special causes applied to a series of plotted points against a chart's limits. */
final class SpecialCauses {

    /** All eight tests: for a chart of individuals or means. */
    static final Set<RunRule> ALL = EnumSet.allOf(RunRule.class);
    /**
     * Test 1 alone: for a range or moving-range chart, whose points are skewed and (moving ranges) correlated, so
     * the zone tests do not hold their false-alarm rates there.
     */
    static final Set<RunRule> LIMITS_ONLY = EnumSet.of(RunRule.BEYOND_LIMITS);

    private SpecialCauses() {
    }

    /**
     * The signals of a series, in the order of the points, each test at most once per point.
     *
     * @param offset added to each point's index (a moving range's index is that of its later reading)
     */
    static List<Signal> find(List<BigDecimal> points, int offset, Limits limits, Set<RunRule> rules,
            Signal.Statistic statistic) {
        int n = points.size();
        int[] side = new int[n];
        int[] band = new int[n];
        int[] trend = new int[n];
        boolean[] beyond = new boolean[n];
        BigDecimal sigma = limits.sigma();
        for (int i = 0; i < n; i++) {
            BigDecimal d = points.get(i).subtract(limits.centre());
            side[i] = d.signum();
            BigDecimal distance = d.abs();
            for (int k = 1; k <= 3; k++) {
                if (distance.compareTo(sigma.multiply(BigDecimal.valueOf(k))) > 0) {
                    band[i] = k;
                }
            }
            trend[i] = i == 0 ? 0 : points.get(i).compareTo(points.get(i - 1));
            beyond[i] = limits.outside(points.get(i));
        }
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (RunRule rule : rules) {
                if (rule.completesAt(i, side, band, trend, beyond)) {
                    signals.add(new Signal(i + offset, statistic, rule));
                }
            }
        }
        return signals;
    }
}
