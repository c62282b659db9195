package org.jiliang.lims.metrology.bloodpressure;

import java.util.Objects;
import java.util.Optional;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.scale.BilingualText;

/**
 * One point of a blood-pressure meter verification: what is done, what is recorded and what it is judged
 * against.
 *
 * @param id        stable within a plan, e.g. "indication-100-up", "air-leakage"
 * @param nominal   the pressure the point is set to, in the meter's unit (indication points; the start pressure
 *                  of the air-leakage test where the edition states one); null otherwise
 * @param direction UP or DOWN for indication points; null otherwise
 * @param limit     the MPE or limit from mpe.csv; null for a check by eye
 * @param procedure how the point is done, as the data says (the limit's condition or the parameter's rule)
 * @param reading   the kind of reading the point takes
 */
public record BpPoint(String id, BpTest test, BilingualText label, Quantity nominal, Direction direction,
        BpLimit limit, String procedure, Class<? extends BpReading> reading) {

    public BpPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(reading, "reading");
        if (limit == null && reading != BpReading.Visual.class) {
            throw new IllegalArgumentException("Point " + id + " needs a limit");
        }
    }

    public Optional<Quantity> nominalPressure() {
        return Optional.ofNullable(nominal);
    }

    public Optional<BpLimit> limitOrEmpty() {
        return Optional.ofNullable(limit);
    }

    /** Whether the limit (or rule) of this point is still tagged [M]: to be confirmed before relying on it. */
    public boolean remembered() {
        return limit != null && !limit.tag().confirmed();
    }
}
