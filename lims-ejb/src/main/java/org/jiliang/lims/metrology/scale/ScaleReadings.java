package org.jiliang.lims.metrology.scale;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jiliang.lims.metrology.Mass;

/** The readings of one verification, by {@link TestPoint#id()}. */
public final class ScaleReadings {

    private final Map<String, PointReading> byPoint;

    public ScaleReadings(Map<String, PointReading> byPoint) {
        Objects.requireNonNull(byPoint, "byPoint");
        byPoint.forEach((id, reading) -> {
            Objects.requireNonNull(id, "point id");
            Objects.requireNonNull(reading, "reading of " + id);
        });
        this.byPoint = Map.copyOf(byPoint);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<PointReading> reading(String pointId) {
        return Optional.ofNullable(byPoint.get(pointId));
    }

    public Map<String, PointReading> asMap() {
        return byPoint;
    }

    /** Collects readings point by point; a point can be recorded once. */
    public static final class Builder {

        private final Map<String, PointReading> byPoint = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder changeover(String pointId, Mass indication, Mass additionalLoad) {
            return put(pointId, new ChangeoverReading(indication, additionalLoad));
        }

        public Builder series(String pointId, List<ChangeoverReading> weighings) {
            return put(pointId, new SeriesReading(weighings));
        }

        public Builder discrimination(String pointId, Mass indicationBefore, Mass indicationAfter) {
            return put(pointId, new DiscriminationReading(indicationBefore, indicationAfter));
        }

        public Builder put(String pointId, PointReading reading) {
            Objects.requireNonNull(pointId, "pointId");
            Objects.requireNonNull(reading, "reading");
            if (byPoint.putIfAbsent(pointId, reading) != null) {
                throw new IllegalArgumentException("Point " + pointId + " is already recorded");
            }
            return this;
        }

        public ScaleReadings build() {
            return new ScaleReadings(byPoint);
        }
    }
}
