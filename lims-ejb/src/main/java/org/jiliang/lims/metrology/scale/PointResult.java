package org.jiliang.lims.metrology.scale;

import java.util.Objects;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.Verdict;

/**
 * The verdict on one test point with its reason.
 *
 * @param measured the value held against the point's limit: E0 (zero-setting), Ec = E − E0 (weighing,
 *                 eccentricity, tare), the largest difference within the series (repeatability), or the change of
 *                 indication caused by the extra load (discrimination); in the unit of e
 * @param reason   e.g. "偏载 位置 3：Ec = +7.5 g 超出 MPE ±5 g / eccentricity position 3: Ec = +7.5 g exceeds MPE ±5 g"
 */
public record PointResult(TestPoint point, PointReading reading, Mass measured, Verdict verdict,
        BilingualText reason) {

    public PointResult {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }
}
