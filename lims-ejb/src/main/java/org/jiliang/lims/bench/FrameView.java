package org.jiliang.lims.bench;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.Base64;

/**
 * A stored frame as auditors and staff read it back: the original bytes three ways (hex, Base64, and
 * as visible text, see {@link RawText}), how the frame was understood, and when it arrived (ISO-8601
 * instants, UTC). {@code value} is the stored reading as exact plain decimal text, null if none.
 */
@JsonbNillable // "next": null, "value": null: every field is there, absent or not
public record FrameView(long id, String device, String linkSession, long sequence, String receivedAt,
        String serverReceivedAt, String status, String value, String unit, String rejectReason, int length,
        String rawHex, String rawBase64, String rawText) {

    static FrameView of(DeviceFrame f, String deviceCode) {
        byte[] raw = f.rawBytes();
        return new FrameView(f.id(), deviceCode, f.linkSession(), f.sequence(), f.receivedAt().toString(),
                f.serverReceivedAt().toString(), f.status(),
                f.readingValue() == null ? null : f.readingValue().toPlainString(), f.readingUnit(),
                f.rejectReason(), raw.length, f.rawHex(), Base64.getEncoder().encodeToString(raw),
                RawText.visible(raw));
    }
}
