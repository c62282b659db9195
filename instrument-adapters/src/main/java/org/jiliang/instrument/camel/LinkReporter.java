package org.jiliang.instrument.camel;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.jiliang.instrument.reading.DeviceIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state of one consumer's link that a {@link LinkListener} is told (down since, attempts
 * since) and shields the reading thread from the listener's failures. Used by the reading thread only.
 */
final class LinkReporter {

    private static final Logger LOG = LoggerFactory.getLogger(LinkReporter.class);

    private final LinkListener listener;
    private final String deviceId;
    private final String peer;
    private final Clock clock;
    private Instant downSince;
    private long failedAttempts;

    LinkReporter(LinkListener listener, String deviceId, String peer, Clock clock) {
        this.listener = listener;
        this.deviceId = deviceId;
        this.peer = peer;
        this.clock = clock;
    }

    void connected(LongSupplier bytesReceived) {
        downSince = null;
        failedAttempts = 0;
        Instant now = clock.instant();
        tell(() -> listener.connected(deviceId, peer, now, bytesReceived));
    }

    void identityRead(DeviceIdentity identity, boolean available) {
        Instant now = clock.instant();
        tell(() -> listener.identityRead(deviceId, identity, available, now));
    }

    /** The link failed, or (during an outage) another attempt to open it did. */
    void failed(Exception e) {
        if (downSince == null) {
            downSince = clock.instant();
        } else {
            failedAttempts++;
        }
        String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Instant since = downSince;
        long attempts = failedAttempts;
        tell(() -> listener.down(deviceId, since, reason, attempts));
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Link listener of bench device " + deviceId + " failed", e);
        }
    }
}
