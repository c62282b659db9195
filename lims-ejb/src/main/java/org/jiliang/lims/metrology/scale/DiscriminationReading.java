package org.jiliang.lims.metrology.scale;

import java.util.Objects;
import org.jiliang.lims.metrology.Mass;

/**
 * A discrimination reading: the indication at a changeover point, and the indication after the extra load
 * (e.g. 1.4 d) was gently added.
 */
public record DiscriminationReading(Mass indicationBefore, Mass indicationAfter) implements PointReading {

    public DiscriminationReading {
        Objects.requireNonNull(indicationBefore, "indicationBefore");
        Objects.requireNonNull(indicationAfter, "indicationAfter");
    }
}
