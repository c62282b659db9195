package org.jiliang.lims.order;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the technician sends with a capture.
 *
 * @param additionalLoad   ΔL, the small weights added until the indication changed, in the point's unit; null when
 *                         not given, which a point that takes it refuses (an empty field is not 0)
 * @param expectedVersion  the job's version the technician saw; null to skip the check
 * @param correctionReason why an already captured point is captured again; null for a first capture
 * @param acceptReason     why a reading the method finds implausible is right after all; kept with the reading
 * @param entries          what the technician typed at the point, by field name ("indication" to "272 mmHg")
 */
public record CaptureRequest(BigDecimal additionalLoad, Long expectedVersion, String correctionReason,
        String acceptReason, Map<String, String> entries) {

    public CaptureRequest {
        entries = entries == null ? Map.of() : Map.copyOf(entries);
        correctionReason = blankAsNull(correctionReason);
        acceptReason = blankAsNull(acceptReason);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
