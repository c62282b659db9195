package org.jiliang.lims.metrology;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Error of a digital indication corrected for rounding by the changeover-point method (闪变点法,
 * JJG 539-1997 5.2.4.2): small weights of 0.1 e are added to the load L until the
 * indication I steps up by one interval; their total is ΔL. All results are exact and in the unit of e.
 *
 * @param load           test load L
 * @param indication     indication I before the extra weights were added
 * @param additionalLoad ΔL, the total of the 0.1 e weights that made the indication change; 0 ≤ ΔL ≤ e
 * @param e              verification scale interval
 */
public record ChangePointError(Mass load, Mass indication, Mass additionalLoad, Mass e) {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    public ChangePointError {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(additionalLoad, "additionalLoad");
        Objects.requireNonNull(e, "e");
        if (e.signum() <= 0) {
            throw new IllegalArgumentException("e must be greater than zero, was " + e);
        }
        // The indication steps by one interval after at most e of added weights; more means a typing error.
        if (additionalLoad.signum() < 0 || additionalLoad.compareTo(e) > 0) {
            throw new IllegalArgumentException("Added weights ΔL = " + additionalLoad
                    + " must lie between 0 and e = " + e + " (the indication changes after at most e)");
        }
    }

    /** Indication prior to rounding P = I + ½e − ΔL. */
    public Mass indicationBeforeRounding() {
        return indication.to(e.unit()).plus(e.times(HALF)).minus(additionalLoad);
    }

    /** Error prior to rounding E = P − L = I + ½e − ΔL − L. */
    public Mass error() {
        return indicationBeforeRounding().minus(load);
    }

    /**
     * Corrected error Ec = E − E0, the value compared with the MPE.
     *
     * @param zeroError E0, the error found the same way at or near zero (10 e with zero-tracking)
     */
    public Mass correctedError(Mass zeroError) {
        Objects.requireNonNull(zeroError, "zeroError");
        return error().minus(zeroError);
    }
}
