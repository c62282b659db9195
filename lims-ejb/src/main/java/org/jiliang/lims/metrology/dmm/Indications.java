package org.jiliang.lims.metrology.dmm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;

/**
 * Repeated indications of a multimeter at one point, in the unit the meter (or its codec) gave them.
 */
public record Indications(List<BigDecimal> values, Unit unit) {

    public Indications {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        Objects.requireNonNull(unit, "unit");
    }

    public static Indications of(Unit unit, String... values) {
        return new Indications(java.util.Arrays.stream(values).map(BigDecimal::new).toList(), unit);
    }

    public int count() {
        return values.size();
    }

    /**
     * The values in {@code target}, converted exactly (mV to V moves the point).
     *
     * @param what what the indications are of, for the message ("the 10 V point")
     * @throws DmmRefusal if the unit is of another kind of quantity (a reading in Ω for a point in V)
     */
    List<BigDecimal> in(Unit target, String what) {
        if (!unit.sameKindAs(target)) {
            throw new DmmRefusal("error.dmm.readingUnit", "Indications in " + unit.symbol() + " (" + unit.kind()
                    + ") cannot be readings of " + what + " in " + target.symbol() + " (" + target.kind() + ")",
                    unit.symbol(), target.symbol());
        }
        return values.stream().map(v -> new Quantity(v, unit).to(target).value()).toList();
    }

    /** Refuses fewer indications than a model needs. */
    void requireAtLeast(int minimum, String what) {
        if (count() < minimum) {
            throw new DmmRefusal("error.dmm.tooFewReadings", what + " has " + count() + " indication(s); the model"
                    + " needs at least " + minimum + " for the Type A evaluation of repeatability", count(), minimum);
        }
    }
}
