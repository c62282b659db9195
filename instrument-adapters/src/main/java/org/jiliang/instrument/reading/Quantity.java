package org.jiliang.instrument.reading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One measured quantity in a reading, e.g. {@code T = 23.1 'C} from an environment monitor or
 * {@code mass = 5000 g} from a balance.
 *
 * @param name  what was measured, as the protocol names it: {@code mass} for balances, the SCPI
 *              function (e.g. {@code VOLT:DC}) for meters, the transmitter's label (e.g. {@code RH})
 *              for environment monitors
 * @param value the value with the device's scale
 * @param unit  the unit exactly as the device wrote it (or as configured, where the device sends none)
 */
public record Quantity(String name, BigDecimal value, String unit) {

    public Quantity {
        Objects.requireNonNull(value, "value");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a quantity needs a name");
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("quantity " + name + " needs a unit");
        }
    }
}
