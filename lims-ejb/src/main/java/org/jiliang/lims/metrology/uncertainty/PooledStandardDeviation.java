package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A pooled experimental standard deviation s_p of a measurement process, from its control records (earlier series
 * of a check standard), with its degrees of freedom and where it comes from (GUM 4.2.4). The Type A component of a
 * few new readings is then u = s_p/√n with the degrees of freedom of s_p: a better estimate than their own scatter,
 * and the only one when they happen to agree exactly, since no result may claim a zero Type A component.
 *
 * @param value            s_p, positive
 * @param unit             its unit as written (g, Ω; empty for a ratio)
 * @param degreesOfFreedom ν of s_p, the sum of (n_i − 1) over the series pooled; at least 1
 * @param source           where it comes from, as recorded ("CMP-01 check-standard chart 2026")
 */
public record PooledStandardDeviation(BigDecimal value, String unit, int degreesOfFreedom, String source) {

    public PooledStandardDeviation {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("A pooled standard deviation must be positive, was " + value);
        }
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("A pooled standard deviation needs at least 1 degree of freedom");
        }
    }

    /** Whether it describes a dimension-one quantity (a ratio of two indications). */
    public boolean ofRatio() {
        return unit.isEmpty();
    }

    /**
     * The Type A input quantity for the mean of new readings: their mean, u = s_p/√n, ν of s_p; or their own scatter
     * when it is larger than s_p (the process is then not the one recorded, and the larger is the honest one).
     *
     * @param own the new readings
     */
    public InputQuantity typeA(String name, Readings own) {
        return typeA(name, own.values());
    }

    /**
     * As {@link #typeA(String, Readings)}, for one or more new readings: a single reading has no scatter of its
     * own, and s_p alone gives its Type A component.
     *
     * @param own the new readings, at least one
     */
    public InputQuantity typeA(String name, List<BigDecimal> own) {
        if (own.isEmpty()) {
            throw new IllegalArgumentException("A Type A evaluation needs at least one reading");
        }
        BigDecimal mean = own.get(0);
        if (own.size() >= 2) {
            Readings readings = new Readings(own);
            if (readings.experimentalStandardDeviation().compareTo(value) > 0) {
                // said on the line: the record was there, and these readings scatter more than it says
                return withBasis(InputQuantity.typeA(name, unit, readings), "; s of these readings, larger than s_p "
                        + value.stripTrailingZeros().toPlainString() + " " + unit + " of " + source);
            }
            mean = readings.mean();
        }
        InputQuantity pooled = InputQuantity.typeAPooled(name, unit, mean, value, own.size(),
                DegreesOfFreedom.of(BigDecimal.valueOf(degreesOfFreedom)));
        // the line names the record the s_p comes from, so that a reader of the budget can find it
        return withBasis(pooled, "; s_p " + source + ", ν = " + degreesOfFreedom);
    }

    private static InputQuantity withBasis(InputQuantity q, String more) {
        return new InputQuantity(q.name(), q.unit(), q.estimate(), q.standardUncertainty(), q.degreesOfFreedom(),
                new Evaluation(q.evaluation().type(), q.evaluation().distribution(), q.evaluation().basis() + more));
    }
}
