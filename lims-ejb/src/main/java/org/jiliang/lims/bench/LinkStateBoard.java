package org.jiliang.lims.bench;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The link state of every bench device and the identity its instrument reported (issue 9), in memory:
 * fed by the acquisition routes (connected, identity read, down) and by the identity frames bench agents
 * forward. What is stored for good are the frames themselves, identity answers included; after a restart
 * the routes reconnect and ask again.
 */
@ApplicationScoped
public class LinkStateBoard {

    private final Map<String, LinkState> states = new ConcurrentHashMap<>();
    /** The byte counter of each open link the routes read. */
    private final Map<String, LongSupplier> received = new ConcurrentHashMap<>();

    public LinkState state(String deviceCode) {
        LinkState state = states.getOrDefault(deviceCode, LinkState.unknown(deviceCode));
        LongSupplier counter = received.get(deviceCode);
        return counter == null ? state : state.withBytesReceived(counter.getAsLong());
    }

    /** The device's state, as far as the protocol of its profile can tell an identity at all. */
    public LinkState state(BenchDevice device) {
        LinkState state = state(device.code());
        if (!protocolTellsIdentity(device.protocol())) {
            return state.withoutIdentityFromProtocol();
        }
        return state;
    }

    static boolean protocolTellsIdentity(String protocol) {
        try {
            return !org.jiliang.instrument.codec.DeviceCodecs.forProfile(protocol, null, null).identityCommands().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A new connection: what the previous one reported about the instrument no longer counts. */
    public void connected(String deviceCode, String peer, Instant at, LongSupplier bytesReceived) {
        received.put(deviceCode, bytesReceived);
        states.put(deviceCode, new LinkState(deviceCode, LinkState.CONNECTED, peer, at, null, null, 0, true, null,
                null, null, null, 0));
    }

    /** The instrument answered its identity commands on the current connection. */
    public void identityRead(String deviceCode, String model, String serialNumber, String softwareVersion,
            boolean available, Instant at) {
        states.compute(deviceCode, (code, s) -> {
            LinkState old = s != null ? s : LinkState.unknown(code);
            return new LinkState(code, old.state(), old.peer(), old.connectedAt(), old.downSince(), old.downReason(),
                    old.reconnectAttempts(), available, at, model, serialNumber, softwareVersion, 0);
        });
    }

    /** The link failed or cannot be opened; its identity is no longer known. */
    public void down(String deviceCode, Instant since, String reason, long reconnectAttempts) {
        received.remove(deviceCode);
        states.compute(deviceCode, (code, s) -> {
            LinkState old = s != null ? s : LinkState.unknown(code);
            return new LinkState(code, LinkState.DOWN, old.peer(), null, since, reason, reconnectAttempts,
                    old.identityAvailable(), null, null, null, null, 0);
        });
    }

    /**
     * A bench agent forwarded an identity answer of the device (one field or several): joined with what the
     * agent forwarded before, a field told again replacing the older answer.
     */
    public void agentIdentity(String deviceCode, String agentCode, String model, String serialNumber,
            String softwareVersion, Instant at) {
        states.compute(deviceCode, (code, s) -> {
            LinkState old = s != null && LinkState.AGENT.equals(s.state()) ? s : null;
            return new LinkState(code, LinkState.AGENT, "agent " + agentCode, old == null ? at : old.connectedAt(),
                    null, null, 0, true, at, model != null ? model : old == null ? null : old.model(),
                    serialNumber != null ? serialNumber : old == null ? null : old.serialNumber(),
                    softwareVersion != null ? softwareVersion : old == null ? null : old.softwareVersion(), 0);
        });
    }

    /** The device's route was stopped (or the device is now read elsewhere): nothing is known of its link. */
    public void forget(String deviceCode) {
        received.remove(deviceCode);
        states.remove(deviceCode);
    }
}
