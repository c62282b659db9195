package org.jiliang.lims.metrology.weight;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.uncertainty.DegreesOfFreedom;
import org.jiliang.lims.metrology.uncertainty.InputQuantity;
import org.jiliang.lims.metrology.uncertainty.Readings;

/**
 * The n weighing cycles of one comparison, all of the same scheme: the mean difference ΔĪ = (1/n) Σ ΔI_i, its
 * scatter and the Type A uncertainty of the weighing process u_w = s(ΔI)/√n (OIML R 111-1:2004 C.4.3, C.6.1 [M]).
 */
public record WeighingSeries(List<WeighingCycle> cycles) {

    public WeighingSeries {
        cycles = List.copyOf(Objects.requireNonNull(cycles, "cycles"));
        if (cycles.isEmpty()) {
            throw new IllegalArgumentException("A weighing series needs at least one cycle");
        }
        WeighingCycle first = cycles.get(0);
        for (WeighingCycle c : cycles) {
            if (c.scheme() != first.scheme() || c.testWeights() != first.testWeights()) {
                throw new IllegalArgumentException("All cycles of a series must use the same scheme and number of"
                        + " test weights: " + first.scheme().symbol() + " with " + first.testWeights() + " and "
                        + c.scheme().symbol() + " with " + c.testWeights());
            }
        }
    }

    public static WeighingSeries of(WeighingCycle... cycles) {
        return new WeighingSeries(List.of(cycles));
    }

    public WeighingScheme scheme() {
        return cycles.get(0).scheme();
    }

    public int numberOfCycles() {
        return cycles.size();
    }

    /** The unit of the differences: that of the first difference of the first cycle. */
    public MassUnit unit() {
        return cycles.get(0).difference(1).unit();
    }

    /** ΔI_i of each cycle for test weight j, in {@link #unit()}. */
    public List<Mass> differences(int testWeight) {
        return cycles.stream().map(c -> c.difference(testWeight).to(unit())).toList();
    }

    /** ΔĪ for test weight j, in {@link #unit()}. */
    public Mass meanDifference(int testWeight) {
        BigDecimal sum = differences(testWeight).stream().map(Mass::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Mass.of(tidy(sum.divide(BigDecimal.valueOf(numberOfCycles()), java.math.MathContext.DECIMAL128)),
                unit());
    }

    /**
     * s(ΔI), the experimental standard deviation of the differences of test weight j.
     *
     * @throws IllegalStateException with fewer than two cycles
     */
    public Mass standardDeviation(int testWeight) {
        return Mass.of(readings(testWeight, unit()).experimentalStandardDeviation(), unit());
    }

    /** Whether the series has at least the minimum number of cycles for the class of the test weight. */
    public boolean meetsMinimumCycles(WeightClass weightClass, MinimumWeighingCycles table) {
        return numberOfCycles() >= table.minimum(weightClass, scheme());
    }

    /** u_w as a Type A input quantity from the scatter of this series: u = s(ΔI)/√n, ν = n − 1. */
    public InputQuantity weighingProcess(int testWeight, String name, MassUnit unit) {
        return InputQuantity.typeA(name, unit.symbol(), readings(testWeight, unit));
    }

    private Readings readings(int testWeight, MassUnit unit) {
        if (numberOfCycles() < 2) {
            throw new IllegalStateException("One weighing cycle gives no standard deviation: use a pooled standard"
                    + " deviation from earlier series");
        }
        return new Readings(differences(testWeight).stream().map(m -> m.to(unit).value()).toList());
    }

    private static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
