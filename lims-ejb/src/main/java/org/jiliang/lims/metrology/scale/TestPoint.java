package org.jiliang.lims.metrology.scale;

import org.jiliang.lims.metrology.DecimalText;
import java.util.Objects;
import org.jiliang.lims.metrology.Mass;

/**
 * One point of a test plan: what the technician places on the instrument and the limit the result is held to.
 *
 * @param id        stable key of the point within its plan, e.g. "weighing-2-down", "eccentricity-3"; readings
 *                  are recorded against it
 * @param label     e.g. "称量 500 e ↑ / weighing 500 e ↑", "偏载 位置 2 / eccentricity position 2"
 * @param load      the test load; for the tare test the net load placed on top of {@code tare}
 * @param mpe       absolute value of the limit the result is compared with: the MPE for this load and verification
 *                  type (R 76-1 Table 6, in service twice); for the zero-setting point the zero-setting limit; for
 *                  a discrimination point the MPE for its load, for information only
 * @param tare      the tare on the receptor before the net load (tare test); zero otherwise
 * @param extraLoad the additional load that must change the indication (discrimination); zero otherwise
 * @param weighings number of weighings of the load (repeatability series); 1 otherwise
 * @param direction whether the point is reached with increasing or decreasing load
 */
public record TestPoint(String id, ScaleTest test, BilingualText label, Mass load, Mass mpe, Mass tare,
        Mass extraLoad, int weighings, LoadDirection direction) {

    public TestPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(mpe, "mpe");
        Objects.requireNonNull(tare, "tare");
        Objects.requireNonNull(extraLoad, "extraLoad");
        Objects.requireNonNull(direction, "direction");
        if (load.signum() < 0 || mpe.signum() < 0 || tare.signum() < 0 || extraLoad.signum() < 0) {
            throw new IllegalArgumentException("Point " + id + ": loads and limits must not be negative");
        }
        if (weighings < 1) {
            throw new IllegalArgumentException("Point " + id + " needs at least one weighing");
        }
    }

    /** Everything on the load receptor: tare plus load. */
    public Mass totalLoad() {
        return tare.signum() == 0 ? load : DecimalText.tidy(tare.plus(load));
    }
}
