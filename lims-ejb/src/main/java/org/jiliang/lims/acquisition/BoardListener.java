package org.jiliang.lims.acquisition;

import java.time.Instant;
import java.util.function.LongSupplier;
import org.jiliang.instrument.camel.LinkListener;
import org.jiliang.instrument.reading.DeviceIdentity;
import org.jiliang.lims.bench.LinkStateBoard;

/** Tells the link state board what the routes' consumers report; the device id of a route is the device code. */
final class BoardListener implements LinkListener {

    private final LinkStateBoard board;

    BoardListener(LinkStateBoard board) {
        this.board = board;
    }

    @Override
    public void connected(String deviceId, String peer, Instant at, LongSupplier bytesReceived) {
        board.connected(deviceId, peer, at, bytesReceived);
    }

    @Override
    public void identityRead(String deviceId, DeviceIdentity identity, boolean available, Instant at) {
        board.identityRead(deviceId, identity.model(), identity.serialNumber(), identity.softwareVersion(), available, at);
    }

    @Override
    public void down(String deviceId, Instant since, String reason, long reconnectAttempts) {
        board.down(deviceId, since, reason, reconnectAttempts);
    }
}
