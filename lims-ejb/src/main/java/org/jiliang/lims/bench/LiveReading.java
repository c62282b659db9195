package org.jiliang.lims.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The latest reading of a bench device, as the bench page shows it and as "capture" takes it.
 * {@code display} is the value as the device shows it ("5.00 kg", digits kept), empty without a value.
 *
 * <p>{@code receivedAt} is the reader's time stamp (the bench PC's clock for a bench agent's frame);
 * {@code serverReceivedAt} the server's clock when the frame reached it, and {@code heldByAgent} how
 * long the frame had waited on the bench PC before it was sent (zero for devices the server reads).
 * How old a reading is ({@link #age}) is judged by the server's clock only. {@code unitChangedFrom}
 * says the device changed its unit with this reading (an event for the bench page).
 */
public record LiveReading(String deviceCode, long frameId, long sequence, Instant receivedAt, String status,
        BigDecimal value, String unit, String display, String rawText, String rawHex, String rejectReason,
        Instant serverReceivedAt, Duration heldByAgent,
        // issue 9: sequence numbers restart with each link session; the two together name a frame
        String linkSession, String unitChangedFrom) {

    public LiveReading(String deviceCode, long frameId, long sequence, Instant receivedAt, String status,
            BigDecimal value, String unit, String rawText, String rawHex, String rejectReason,
            Instant serverReceivedAt, Duration heldByAgent) {
        this(deviceCode, frameId, sequence, receivedAt, status, value, unit, rawText, rawHex, rejectReason,
                serverReceivedAt, heldByAgent, null);
    }

    /** A reading whose display is its value and unit as the device wrote them. */
    public LiveReading(String deviceCode, long frameId, long sequence, Instant receivedAt, String status,
            BigDecimal value, String unit, String rawText, String rawHex, String rejectReason,
            Instant serverReceivedAt, Duration heldByAgent, String linkSession) {
        this(deviceCode, frameId, sequence, receivedAt, status, value, unit,
                value == null ? "" : value.toPlainString() + " " + unit, rawText, rawHex, rejectReason,
                serverReceivedAt, heldByAgent, linkSession, null);
    }

    /**
     * The same reading, marked as the first in a new unit: {@code unitChangedFrom} is the unit of the
     * device's previous reading with a unit (g, then kg). Null when the unit did not change.
     */
    LiveReading unitChangedFrom(String previousUnit) {
        return new LiveReading(deviceCode, frameId, sequence, receivedAt, status, value, unit, display, rawText, rawHex,
                rejectReason, serverReceivedAt, heldByAgent, linkSession, previousUnit);
    }

    /** Whether the reading is in a unit the device's profile does not expect: kept, never captured. */
    public boolean unexpectedUnit() {
        return DeviceFrameService.UNEXPECTED_UNIT.equals(status);
    }

    public boolean stable() {
        return "STABLE".equals(status);
    }

    /** Whether the server read the frame's bytes differently from the bench agent: never captured. */
    public boolean quarantined() {
        return DeviceFrameService.QUARANTINED.equals(status);
    }

    /**
     * How old the reading is at {@code now} (the server's clock): the time since the server received it,
     * plus the time it had waited on the bench PC. The latter is the difference of two time stamps of
     * the agent's own clock, so however wrong that clock is set, its offset cancels out.
     */
    public Duration age(Instant now) {
        return Duration.between(serverReceivedAt, now).plus(heldByAgent);
    }
}
