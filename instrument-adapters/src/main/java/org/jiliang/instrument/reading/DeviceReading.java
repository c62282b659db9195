package org.jiliang.instrument.reading;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.jiliang.instrument.frame.RawFrame;

/**
 * What one frame from a bench device means, with the frame itself so the original bytes always
 * travel with their interpretation.
 *
 * @param frame        the frame this reading was read from, byte for byte
 * @param status       what the device said
 * @param value        the indicated value with the device's scale; only for {@code STABLE} and {@code DYNAMIC}
 * @param unit         the unit exactly as the device wrote it, e.g. {@code g}; present with {@code value}
 * @param rejectReason a human-readable English reason; only for {@code MALFORMED} and {@code DEVICE_ERROR}
 */
public record DeviceReading(RawFrame frame, ReadingStatus status, BigDecimal value, String unit, String rejectReason) {

    private static final Set<ReadingStatus> WITH_VALUE = EnumSet.of(ReadingStatus.STABLE, ReadingStatus.DYNAMIC);
    private static final Set<ReadingStatus> WITH_REASON = EnumSet.of(ReadingStatus.MALFORMED, ReadingStatus.DEVICE_ERROR);

    public DeviceReading {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(status, "status");
        boolean hasValue = value != null && unit != null && !unit.isBlank();
        if (WITH_VALUE.contains(status) != hasValue || (value == null) != (unit == null)) {
            throw new IllegalArgumentException(status + " reading must "
                    + (WITH_VALUE.contains(status) ? "" : "not ") + "carry a value and a unit");
        }
        boolean hasReason = rejectReason != null && !rejectReason.isBlank();
        if (WITH_REASON.contains(status) != hasReason) {
            throw new IllegalArgumentException(status + " reading must "
                    + (WITH_REASON.contains(status) ? "" : "not ") + "carry a reject reason");
        }
    }

    /** A weight value, stable or dynamic. */
    public static DeviceReading weight(RawFrame frame, boolean stable, BigDecimal value, String unit) {
        return new DeviceReading(frame, stable ? ReadingStatus.STABLE : ReadingStatus.DYNAMIC, value, unit, null);
    }

    /** A reading without value and without reason: overload, underload, not executable. */
    public static DeviceReading withoutValue(RawFrame frame, ReadingStatus status) {
        return new DeviceReading(frame, status, null, null, null);
    }

    public static DeviceReading deviceError(RawFrame frame, String reason) {
        return new DeviceReading(frame, ReadingStatus.DEVICE_ERROR, null, null, reason);
    }

    public static DeviceReading malformed(RawFrame frame, String reason) {
        return new DeviceReading(frame, ReadingStatus.MALFORMED, null, null, reason);
    }

    public boolean isStable() {
        return status == ReadingStatus.STABLE;
    }

    /** Whether a measurement may record this value: only a stable weight qualifies. */
    public boolean isUsable() {
        return isStable() && value != null;
    }
}
