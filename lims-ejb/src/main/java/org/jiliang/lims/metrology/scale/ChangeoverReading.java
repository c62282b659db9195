package org.jiliang.lims.metrology.scale;

import java.util.Objects;
import org.jiliang.lims.metrology.ChangePointError;
import org.jiliang.lims.metrology.Mass;

/**
 * A reading by the changeover-point method (metrology.md 1.3): the indication I with the test load, and ΔL, the
 * total of the 0.1 e weights added until the indication stepped up by one interval.
 *
 * @param indication     I; for the tare test the net indication
 * @param additionalLoad ΔL, 0 ≤ ΔL ≤ e
 */
public record ChangeoverReading(Mass indication, Mass additionalLoad) implements PointReading {

    public ChangeoverReading {
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(additionalLoad, "additionalLoad");
    }

    /** This reading at test load L: P = I + ½e − ΔL and E = P − L, for the record and the certificate. */
    public ChangePointError changePointError(Mass load, Mass e) {
        return new ChangePointError(load, indication, additionalLoad, e);
    }
}
