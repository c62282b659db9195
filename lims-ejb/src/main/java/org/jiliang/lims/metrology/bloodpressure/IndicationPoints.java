package org.jiliang.lims.metrology.bloodpressure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.scale.EvidenceTag;

/**
 * One line of test-points.csv: the nominal points of the indication test for a kind of meter, ascending, in the
 * unit the edition states them, and the directions each is read in.
 */
public record IndicationPoints(String edition, MeterType meterType, List<BigDecimal> points, Unit unit,
        List<Direction> directions, String source, EvidenceTag tag) {

    public IndicationPoints {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(meterType, "meterType");
        points = List.copyOf(points);
        Objects.requireNonNull(unit, "unit");
        directions = List.copyOf(directions);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tag, "tag");
        if (points.isEmpty() || directions.isEmpty() || !directions.contains(Direction.UP)) {
            throw new IllegalArgumentException(edition + " " + meterType + ": points need at least one value, read "
                    + "on the way up");
        }
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).compareTo(points.get(i - 1)) <= 0) {
                throw new IllegalArgumentException(edition + " " + meterType + ": points must rise: " + points);
            }
        }
    }
}
