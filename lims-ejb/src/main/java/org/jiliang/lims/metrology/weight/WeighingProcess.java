package org.jiliang.lims.metrology.weight;

import java.util.Objects;
import org.jiliang.lims.metrology.Mass;

/**
 * The pooled standard deviation s_p of a comparator's weighing process, from its control records (earlier ABBA
 * series of check weights), with its degrees of freedom. OIML R 111-1 C.6.1 [M] takes the Type A uncertainty of
 * the weighing process as u_w = s/√n; a pooled s from earlier series is the better estimate for the few cycles of
 * one calibration, and the only one when the cycles happen to agree exactly (their own s is then 0, which no
 * calibration may claim).
 *
 * @param standardDeviation s_p, positive
 * @param degreesOfFreedom  ν of s_p, the sum of (n_i − 1) over the series pooled; at least 1
 * @param source            where it comes from, as recorded ("CMP-01 control chart 2026-Q3")
 */
public record WeighingProcess(Mass standardDeviation, int degreesOfFreedom, String source) {

    public WeighingProcess {
        Objects.requireNonNull(standardDeviation, "standardDeviation");
        Objects.requireNonNull(source, "source");
        if (standardDeviation.signum() <= 0) {
            throw new IllegalArgumentException("A pooled standard deviation must be positive, was "
                    + standardDeviation);
        }
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("A pooled standard deviation needs at least 1 degree of freedom");
        }
    }
}
