package org.jiliang.lims.metrology.bloodpressure;

import java.util.Objects;
import java.util.Set;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;

/**
 * The blood-pressure meter under test, as the technician describes it: its kind and its scale (range and scale
 * division, in the unit it indicates). The meter has no interface; its indications are typed.
 *
 * @param rangeLow  lowest indication of the scale, usually 0
 * @param rangeHigh highest indication, e.g. 300 mmHg or 40 kPa
 * @param division  scale division (mercury and aneroid: 2 mmHg or 0.5 kPa) or resolution (automated: 1 mmHg)
 */
public record BpMeter(MeterType type, Quantity rangeLow, Quantity rangeHigh, Quantity division) {

    /** The units a blood-pressure meter indicates in (GB 3053-93 dual scale; automated meters show one of them). */
    static final Set<String> METER_UNITS = Set.of("mmHg", "kPa");

    /** @throws BpInputRefused if the unit is not kPa or mmHg, or the range or division is not valid */
    public BpMeter {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rangeLow, "rangeLow");
        Objects.requireNonNull(rangeHigh, "rangeHigh");
        Objects.requireNonNull(division, "division");
        if (!METER_UNITS.contains(rangeHigh.unit().symbol())) {
            throw new BpInputRefused("error.bp.meterUnit", rangeHigh);
        }
        Unit unit = rangeHigh.unit();
        if (!rangeLow.unit().equals(unit) || !division.unit().equals(unit) || rangeLow.value().signum() < 0
                || rangeLow.value().compareTo(rangeHigh.value()) >= 0 || division.value().signum() <= 0) {
            throw new BpInputRefused("error.bp.meterRange", rangeLow, rangeHigh, division);
        }
    }

    /** The unit the meter indicates in; it is judged in it. */
    public Unit unit() {
        return rangeHigh.unit();
    }

    /** Whether a pressure (in any pressure unit) lies within the meter's range, bounds included, exactly. */
    public boolean inRange(Quantity pressure) {
        return pressure.compareTo(rangeLow) >= 0 && pressure.compareTo(rangeHigh) <= 0;
    }
}
