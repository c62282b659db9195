package org.jiliang.instrument.reading;

import org.jiliang.instrument.frame.RawFrame;

/**
 * The seam between a device protocol and everything protocol-neutral (transport, Camel glue, the
 * server): turns command text into bytes and frames into readings. Implementations are stateless
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

    /** Whether the device answers this command with a reading (a weight value or its failure). */
    boolean isReadingCommand(String command);

    /** The typed response in a frame. Never throws: anything unreadable becomes the protocol's "malformed" response. */
    R decode(byte[] frame);

    /** The protocol-neutral reading in a frame. Never throws: anything unreadable becomes {@link ReadingStatus#MALFORMED}. */
    DeviceReading interpret(RawFrame frame);
}
