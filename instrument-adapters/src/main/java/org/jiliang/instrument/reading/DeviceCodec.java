package org.jiliang.instrument.reading;

import java.util.List;
import java.util.Optional;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.transport.Framer;
import org.jiliang.instrument.transport.LineFramer;

/**
 * The seam between a device protocol and everything protocol-neutral (transport, Camel glue, the
 * server): turns command text into bytes and frames into readings. Implementations are immutable
 * and thread-safe.
 *
 * @param <R> the protocol's own typed response
 */
public interface DeviceCodec<R> {

    /** The name used in endpoint URIs, e.g. {@code mt-sics}. */
    String protocolName();

    /**
     * The bytes to send for a command written as text, terminator included.
     *
     * @throws IllegalArgumentException if the text is not a well-formed command of this protocol
     */
    byte[] encodeCommand(String command);

    /** Whether the device answers this command with a reading (a measured value or its failure). */
    boolean isReadingCommand(String command);

    /** The typed response in a frame. Never throws: anything unreadable becomes the protocol's "malformed" response. */
    R decode(byte[] frame);

    /** The protocol-neutral reading in a frame. Never throws: anything unreadable becomes {@link ReadingStatus#MALFORMED}. */
    DeviceReading interpret(RawFrame frame);

    /**
     * The reading of a frame of a conversation from its bytes and what it answers: the same whether the session that
     * received it reads it or the server reads again what a bench agent forwarded. A late answer is malformed; a
     * reading whose command queued device errors carries them ({@link DeviceReading#withDeviceErrors}). Protocols
     * whose frames say everything read the bytes alone. Never throws.
     */
    default DeviceReading interpretAnswer(RawFrame frame, Answered answered) {
        if (answered.late()) {
            return DeviceReading.malformed(frame, String.format(Answered.LATE_ANSWER, answered.command()));
        }
        return interpret(frame).withDeviceErrors(answered.deviceErrors());
    }

    /** A dialogue for a new connection: how the answers on it are read (see {@link DeviceDialogue}). */
    default DeviceDialogue newDialogue() {
        return DeviceDialogue.of(this);
    }

    /**
     * Whether the device answers this command at all. Commands that only act (SCPI {@code *RST},
     * SBI {@code ESC T}) get no answer, so nobody should wait for one.
     */
    default boolean expectsReply(String command) {
        return true;
    }

    /**
     * The typed response to a known command; protocols whose answers only make sense together with
     * the question (SCPI) override this. Never throws.
     */
    default R decodeReply(String command, byte[] frame) {
        return decode(frame);
    }

    /** The command a consumer polls with when the endpoint names none, e.g. {@code SI}; {@code null} if there is none. */
    default String defaultPollCommand() {
        return null;
    }

    /**
     * The units this protocol's readings are expected in when a device profile names none; empty means
     * any unit. Balance protocols say the mass units (a piece count, {@code PCS}, is not a weight).
     */
    default java.util.Set<String> expectedUnits() {
        return java.util.Set.of();
    }

    /** The mass units a balance reports weights in: mg, g, kg, t (in this order, as pages list them). */
    java.util.Set<String> MASS_UNITS = java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(List.of("mg", "g", "kg", "t")));

    /**
     * The commands that make the device say who it is, in the order a consumer sends them after each
     * connect, before the first poll or the start command; empty if the protocol has none (then the
     * device's identity is not available from the protocol).
     */
    default List<String> identityCommands() {
        return List.of();
    }

    /**
     * What an identity reply tells, read from its bytes alone (so a frame forwarded by a bench agent can
     * be read again on the server); empty for any other frame, a refusal or a garbled reply included.
     */
    default Optional<DeviceIdentity> identityIn(byte[] reply) {
        return Optional.empty();
    }

    /**
     * Cuts a frame that holds more than one reply into its replies, where the protocol makes that
     * unambiguous: typically an unterminated fragment (the device restarted mid-line) followed by a
     * whole reply. Every piece but the last is such a fragment; the concatenation of the pieces is
     * the frame, byte for byte. Protocols that cannot tell keep the default: the frame as it is.
     */
    default List<byte[]> split(byte[] frame) {
        return List.of(frame);
    }

    /** How this protocol's frames are cut from the byte stream ({@code framing=protocol}); lines ending in LF unless overridden. */
    default Framer createFramer(int maxFrameLength) {
        return new LineFramer(maxFrameLength);
    }
}
