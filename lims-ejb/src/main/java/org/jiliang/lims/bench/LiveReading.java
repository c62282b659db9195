package org.jiliang.lims.bench;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest reading of a bench device, as the bench page shows it and as "capture" takes it.
 * {@code display} is the value as the device shows it ("5.00 kg", digits kept), empty without a value.
 */
public record LiveReading(String deviceCode, long frameId, long sequence, Instant receivedAt, String status,
        BigDecimal value, String unit, String display, String rawText, String rawHex, String rejectReason) {

    public LiveReading(String deviceCode, long frameId, long sequence, Instant receivedAt, String status,
            BigDecimal value, String unit, String rawText, String rawHex, String rejectReason) {
        this(deviceCode, frameId, sequence, receivedAt, status, value, unit,
                value == null ? "" : value.toPlainString() + " " + unit, rawText, rawHex, rejectReason);
    }

    public boolean stable() {
        return "STABLE".equals(status);
    }
}
