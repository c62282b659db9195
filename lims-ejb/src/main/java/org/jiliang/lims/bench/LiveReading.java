package org.jiliang.lims.bench;

import java.math.BigDecimal;
import java.time.Instant;

/** The latest reading of a bench device, as the bench page shows it and as "capture" takes it. */
public record LiveReading(String deviceCode, long frameId, long sequence, Instant receivedAt, String status,
        BigDecimal value, String unit, String rawText, String rawHex, String rejectReason) {

    public boolean stable() {
        return "STABLE".equals(status);
    }

    /** Display text such as "5000 g"; empty when the frame carried no value. */
    public String valueText() {
        return value == null ? "" : value.toPlainString() + " " + unit;
    }
}
