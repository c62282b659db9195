package org.jiliang.lims.acquisition;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.lims.bench.DeviceFrameService.IncomingFrame;

/** Translates the adapters' reading into the bench service's command, so bench never sees adapter types. */
final class IncomingFrames {

    private IncomingFrames() {
    }

    static IncomingFrame of(String deviceCode, String linkSession, DeviceReading reading) {
        RawFrame frame = reading.frame();
        return new IncomingFrame(deviceCode, linkSession, frame.sequence(), frame.receivedAt(), frame.bytes(),
                reading.status().name(), reading.value(), reading.unit(), reading.rejectReason(), frame.text());
    }
}
