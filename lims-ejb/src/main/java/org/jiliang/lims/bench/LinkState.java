package org.jiliang.lims.bench;

import java.time.Instant;

/**
 * What the server knows of the link to one bench device and of the identity the instrument reported on
 * it. {@code state} is {@link #CONNECTED}, {@link #DOWN}, {@link #AGENT} (read by a bench agent, which
 * does not report its link: what is known is the identity and the time of its last frame),
 * {@link #STOPPED} (the server does not read it) or {@link #UNKNOWN} (nothing heard since the server started). The identity fields are null when not told;
 * {@code identityAvailable} is false for a protocol without identity commands. {@code bytesReceived}
 * counts the bytes the server read on the open link, framed or not (0 without one, and for an agent's
 * device): when it equals what the device sent, nothing is in flight.
 */
public record LinkState(String deviceCode, String state, String peer, Instant connectedAt, Instant downSince,
        String downReason, long reconnectAttempts, boolean identityAvailable, Instant identityReadAt, String model,
        String serialNumber, String softwareVersion, long bytesReceived) {

    public static final String CONNECTED = "CONNECTED";
    public static final String DOWN = "DOWN";
    public static final String AGENT = "AGENT";
    public static final String UNKNOWN = "UNKNOWN";
    /** Its route is stopped (or the device retired): the server does not read it. */
    public static final String STOPPED = "STOPPED";

    static LinkState unknown(String deviceCode) {
        return new LinkState(deviceCode, UNKNOWN, null, null, null, null, 0, true, null, null, null, null, 0);
    }

    LinkState withoutIdentityFromProtocol() {
        return new LinkState(deviceCode, state, peer, connectedAt, downSince, downReason, reconnectAttempts, false,
                identityReadAt, model, serialNumber, softwareVersion, bytesReceived);
    }

    LinkState withBytesReceived(long bytes) {
        return new LinkState(deviceCode, state, peer, connectedAt, downSince, downReason, reconnectAttempts,
                identityAvailable, identityReadAt, model, serialNumber, softwareVersion, bytes);
    }

    static LinkState stopped(String deviceCode, boolean identityAvailable) {
        return new LinkState(deviceCode, STOPPED, null, null, null, null, 0, identityAvailable, null, null, null, null, 0);
    }

    public boolean down() {
        return DOWN.equals(state);
    }

    /** Whether an identity was read on the current (or, for an agent, the last) connection. */
    public boolean identityRead() {
        return identityReadAt != null;
    }
}
