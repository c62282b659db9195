package org.jiliang.lims.bench;

/** Fired when a device frame is stored; observers see it only after the transaction committed. */
public record FrameRecorded(LiveReading reading) {
}
