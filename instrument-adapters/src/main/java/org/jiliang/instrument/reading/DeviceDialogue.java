package org.jiliang.instrument.reading;

import java.util.List;
import java.util.Optional;

import org.jiliang.instrument.frame.RawFrame;

/**
 * What one connection to a device has been told, where that changes what its answers mean: a SCPI meter
 * answers {@code READ?} with a bare number whose quantity is the function last configured ({@code CONF:RES}),
 * so the reading of an answer depends on the command it answers and on the commands before it. Protocols
 * whose frames say everything (a balance's weight line has its unit) keep the {@linkplain #of stateless}
 * dialogue. One dialogue per connection; not thread-safe (its session serialises commands).
 */
public interface DeviceDialogue {

    /** Tells the dialogue that a command went to the device. */
    void sent(String command);

    /**
     * The reading of a frame that answers {@code command}, learning from it where the answer tells a setting
     * (SCPI {@code FUNC?}); {@code command} {@code null} for a frame nobody was waiting for. Never throws.
     */
    DeviceReading interpret(String command, RawFrame frame);

    /**
     * The setting of the device, as this connection knows it now, that an answer to {@code command} is read with
     * where the command alone does not say it (SCPI: the function a {@code READ?} returns); {@code null} if none
     * matters. It goes into the frame's {@link Answered}, so the frame can be read again from its bytes.
     */
    default String settingFor(String command) {
        return null;
    }

    /** Commands to send before {@code command} so that its answer can be read (SCPI: {@code FUNC?} before a {@code READ?} when the function is not known). */
    default List<String> questionsBefore(String command) {
        return List.of();
    }

    /** The query that takes the oldest entry from the device's error queue (SCPI {@code SYST:ERR?}), or {@code null} if it has none. */
    default String errorQueueQuery() {
        return null;
    }

    /**
     * The error-queue entry in a frame, as the device wrote it (e.g. {@code -113,"Undefined header"}), with
     * whether it is the "no error" entry that ends the queue; empty if the frame is no such entry.
     */
    default Optional<ErrorEntry> errorEntryIn(byte[] frame) {
        return Optional.empty();
    }

    /** One entry of a device's error queue. @param text as the device wrote it; @param none the queue is empty */
    record ErrorEntry(String text, boolean none) {
    }

    /** The dialogue of a protocol whose frames say everything: each frame is read alone. */
    static DeviceDialogue of(DeviceCodec<?> codec) {
        return new DeviceDialogue() {
            @Override
            public void sent(String command) {
            }

            @Override
            public DeviceReading interpret(String command, RawFrame frame) {
                return codec.interpret(frame);
            }
        };
    }
}
