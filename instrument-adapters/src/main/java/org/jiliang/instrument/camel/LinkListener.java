package org.jiliang.instrument.camel;

import java.time.Instant;
import java.util.function.LongSupplier;

import org.jiliang.instrument.reading.DeviceIdentity;

/**
 * Told how the link to a bench device goes, by the consumer that reads it, on its reading thread:
 * implementations return quickly and do not throw. Times are the endpoint's clock. Set one on the
 * {@link BenchDeviceComponent}; it serves every consumer of the component.
 */
public interface LinkListener {

    /** Tells nobody. */
    LinkListener NONE = new LinkListener() {
    };

    /**
     * The link is open, at {@code peer} ({@code host:port} or the serial port); the identity is asked next.
     * {@code bytesReceived} counts the bytes read on this link so far, framed or not; it may be asked from
     * any thread, and stops counting when the link closes.
     */
    default void connected(String deviceId, String peer, Instant at, LongSupplier bytesReceived) {
    }

    /**
     * The device answered its identity commands on this connection: what it told ({@link DeviceIdentity#UNKNOWN}
     * if the protocol has no identity commands, or the device refused every one).
     *
     * @param available whether the protocol has identity commands at all
     */
    default void identityRead(String deviceId, DeviceIdentity identity, boolean available, Instant at) {
    }

    /**
     * The link failed or could not be opened. Called on each failure of an outage: {@code since} stays the
     * time of its first failure, {@code reconnectAttempts} counts the attempts that failed after it.
     */
    default void down(String deviceId, Instant since, String reason, long reconnectAttempts) {
    }
}
