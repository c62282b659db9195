package org.jiliang.lims.metrology.scale;

import java.util.List;
import java.util.Objects;

/** The weighings of one repeatability series, each read by the changeover-point method. */
public record SeriesReading(List<ChangeoverReading> weighings) implements PointReading {

    public SeriesReading {
        weighings = List.copyOf(Objects.requireNonNull(weighings, "weighings"));
    }
}
