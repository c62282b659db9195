package org.jiliang.lims.order;

import java.util.List;
import java.util.Optional;
import org.jiliang.lims.metrology.quantity.Quantity;

/**
 * What a measurement method computed from a job's raw readings: per point as soon as it can be judged, overall once
 * everything it needs is there. Nothing computed is stored, so a correction can never leave a stale result.
 */
public interface JobResult {

    /**
     * What a point's readings show: the value judged (an error, a spread, a change; null for a check by eye), the
     * verdict, why, and how the value is shown when it is no quantity of the unit table.
     */
    record PointOutcome(Quantity measured, boolean passed, String reason, String shown) {

        /** A value judged that is a quantity of the unit table (an error in g, in mmHg). */
        public PointOutcome(Quantity measured, boolean passed, String reason) {
            this(measured, passed, reason, null);
        }

        /**
         * How the value judged is shown: {@code shown} when given (a rate "0.4 kPa/min", a time "8.2 s"), else the
         * signed quantity; null for a check by eye.
         */
        public String display() {
            if (shown != null || measured == null) {
                return shown;
            }
            return (measured.value().signum() > 0 ? "+" : "") + measured;
        }
    }

    Optional<PointOutcome> point(TestPoint point);

    /**
     * The requirement the point's result is held to, as printed ("≥ 5 g" for a discrimination test, "≤ 5 g" for a
     * repeatability series), known before any reading; empty where it is the point's ±tolerance.
     */
    default Optional<String> requirement(TestPoint point) {
        return Optional.empty();
    }

    /** What the point's value judged is when it is not an error ("ΔI", "Emax − Emin"); empty for an error. */
    default Optional<String> measure(TestPoint point) {
        return Optional.empty();
    }

    /** The overall verdict (or conformity); empty until it can be judged. */
    Optional<Boolean> passed();

    /** The statement of the result, e.g. "检定结论：合格 / verification result: pass"; empty until judged. */
    Optional<String> conclusion();

    /** Why the instrument failed, one bilingual line per failed test (for a notice of non-conformity). */
    List<String> nonConformities();

    /** What only this kind shows (a calibration's value, U, k and budget), for its page fragment; null if none. */
    default Object details() {
        return null;
    }
}
