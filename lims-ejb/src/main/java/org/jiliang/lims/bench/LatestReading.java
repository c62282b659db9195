package org.jiliang.lims.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The latest reading of a device as {@code GET /api/v1/benches/{device}/latest} gives it: the live reading,
 * how old it is by the server's clock ({@code ageMillis}), the state of the device's link and the
 * instrument's identity judged against the profile (issue 9). After a link goes down the reading stays
 * here, but its age grows and {@code link.state} says DOWN, so it no longer looks current.
 * {@code unitChangedFrom} is the unit of the reading before when this one changed it (null otherwise).
 */
public record LatestReading(String deviceCode, long frameId, long sequence, String linkSession, Instant receivedAt,
        String status, BigDecimal value, String unit, String display, String rawText, String rawHex,
        String rejectReason, Instant serverReceivedAt, Duration heldByAgent, String unitChangedFrom, long ageMillis,
        LinkState link,
        IdentityVerdict identity) {

    static LatestReading of(LiveReading r, Instant now, LinkState link, IdentityVerdict identity) {
        return new LatestReading(r.deviceCode(), r.frameId(), r.sequence(), r.linkSession(), r.receivedAt(), r.status(),
                r.value(), r.unit(), r.display(), r.rawText(), r.rawHex(), r.rejectReason(), r.serverReceivedAt(),
                r.heldByAgent(), r.unitChangedFrom(), r.age(now).toMillis(), link, identity);
    }
}
