package org.jiliang.instrument.reading;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jiliang.instrument.frame.RawFrame;

/**
 * What one frame from a bench device means, with the frame itself so the original bytes always
 * travel with their interpretation.
 *
 * <p>A frame may carry several quantities (an environment monitor sends temperature, humidity and
 * pressure in one line). {@link #value()} and {@link #unit()} are always those of the first, the
 * primary quantity, so code written for single-value devices keeps working.
 *
 * @param frame        the frame this reading was read from, byte for byte
 * @param status       what the device said
 * @param value        the primary indicated value with the device's scale; only for {@code STABLE} and {@code DYNAMIC}
 * @param unit         the unit of {@code value} exactly as the device wrote it, e.g. {@code g}; present with {@code value}
 * @param rejectReason a human-readable English reason; only for {@code MALFORMED} and {@code DEVICE_ERROR}
 * @param quantities   every quantity in the frame, the primary one first; empty exactly when there is no value
 */
public record DeviceReading(RawFrame frame, ReadingStatus status, BigDecimal value, String unit, String rejectReason,
                            List<Quantity> quantities) {

    /** The name given to the single quantity of a reading built without names. */
    public static final String PRIMARY = "value";
    /** The name balance codecs give to the weighing value. */
    public static final String MASS = "mass";

    private static final Set<ReadingStatus> WITH_VALUE = EnumSet.of(ReadingStatus.STABLE, ReadingStatus.DYNAMIC);
    private static final Set<ReadingStatus> WITH_REASON = EnumSet.of(ReadingStatus.MALFORMED, ReadingStatus.DEVICE_ERROR);

    public DeviceReading {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(status, "status");
        quantities = List.copyOf(Objects.requireNonNull(quantities, "quantities"));
        boolean hasValue = value != null && unit != null && !unit.isBlank();
        boolean valueFits = WITH_VALUE.contains(status) == hasValue || (status == ReadingStatus.DEVICE_ERROR && hasValue);
        if (!valueFits || (value == null) != (unit == null)) {
            throw new IllegalArgumentException(status + " reading must "
                    + (WITH_VALUE.contains(status) ? "" : "not ") + "carry a value and a unit");
        }
        if (hasValue != !quantities.isEmpty()) {
            throw new IllegalArgumentException("a reading has quantities exactly when it has a value");
        }
        if (hasValue && (quantities.get(0).value().compareTo(value) != 0 || !quantities.get(0).unit().equals(unit))) {
            throw new IllegalArgumentException("value and unit must be those of the first quantity");
        }
        boolean hasReason = rejectReason != null && !rejectReason.isBlank();
        if (WITH_REASON.contains(status) != hasReason) {
            throw new IllegalArgumentException(status + " reading must "
                    + (WITH_REASON.contains(status) ? "" : "not ") + "carry a reject reason");
        }
    }

    /** A reading with at most one quantity, named {@link #PRIMARY}. */
    public DeviceReading(RawFrame frame, ReadingStatus status, BigDecimal value, String unit, String rejectReason) {
        this(frame, status, value, unit, rejectReason,
                value != null && unit != null && !unit.isBlank() ? List.of(new Quantity(PRIMARY, value, unit)) : List.of());
    }

    /** A weight value, stable or dynamic; its quantity is named {@link #MASS}. */
    public static DeviceReading weight(RawFrame frame, boolean stable, BigDecimal value, String unit) {
        return measurement(frame, stable, List.of(new Quantity(MASS, value, unit)));
    }

    /** One or more measured quantities, the primary one first. */
    public static DeviceReading measurement(RawFrame frame, boolean stable, List<Quantity> quantities) {
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("a measurement needs at least one quantity");
        }
        Quantity primary = quantities.get(0);
        return new DeviceReading(frame, stable ? ReadingStatus.STABLE : ReadingStatus.DYNAMIC, primary.value(),
                primary.unit(), null, quantities);
    }

    /** A reading without value and without reason: overload, underload, not executable. */
    public static DeviceReading withoutValue(RawFrame frame, ReadingStatus status) {
        return new DeviceReading(frame, status, null, null, null, List.of());
    }

    /** A device's answer to an identity command: neither value nor reason, the identity is in the bytes. */
    public static DeviceReading identity(RawFrame frame) {
        return new DeviceReading(frame, ReadingStatus.IDENTITY, null, null, null, List.of());
    }

    public static DeviceReading deviceError(RawFrame frame, String reason) {
        return new DeviceReading(frame, ReadingStatus.DEVICE_ERROR, null, null, reason, List.of());
    }

    public static DeviceReading malformed(RawFrame frame, String reason) {
        return new DeviceReading(frame, ReadingStatus.MALFORMED, null, null, reason, List.of());
    }

    /**
     * This reading with the errors the device queued for the same command ({@code entries} as the device wrote
     * them, e.g. {@code -108,"Parameter not allowed"}): a {@link ReadingStatus#DEVICE_ERROR} that keeps the values
     * for the record; this reading itself when there are none.
     */
    public DeviceReading withDeviceErrors(List<String> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        String errors = String.join("; ", entries);
        String reason = switch (status) {
            case STABLE, DYNAMIC -> "the device queued an error with this reading: " + errors;
            case DEVICE_ERROR, MALFORMED -> rejectReason + "; the device queued: " + errors;
            default -> status + "; the device queued: " + errors;
        };
        return new DeviceReading(frame, ReadingStatus.DEVICE_ERROR, value, unit, reason, quantities);
    }

    /** The quantity of that name, e.g. {@code quantity("RH")}. */
    public Optional<Quantity> quantity(String name) {
        return quantities.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public boolean isStable() {
        return status == ReadingStatus.STABLE;
    }

    /** Whether a measurement may record this value: only a stable value qualifies. */
    public boolean isUsable() {
        return isStable() && value != null;
    }
}
