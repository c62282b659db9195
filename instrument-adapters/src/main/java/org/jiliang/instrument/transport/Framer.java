package org.jiliang.instrument.transport;

import java.util.Optional;

/**
 * Cuts a byte stream into frames, however the bytes arrive: whole, split, or one at a time. Each
 * frame keeps every byte it had on the wire. Not thread-safe: one reader owns it.
 */
public interface Framer {

    void feed(byte[] bytes, int offset, int length);

    default void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** The oldest complete frame, if any. */
    Optional<byte[]> nextFrame();

    boolean hasFrame();

    /** Bytes of an unfinished frame. */
    int pendingBytes();

    /**
     * Removes and returns the bytes of the unfinished frame, e.g. what arrived before the peer went
     * away in the middle of a frame, so they can still be kept as a (malformed) record.
     */
    byte[] takePending();

    /**
     * Why the frame {@link #nextFrame()} returned last is not a whole frame of the protocol although
     * none of its bytes was dropped (a piece of an over-long line); {@code null} when it is an ordinary
     * frame. Framers that never cut a frame short keep the default.
     */
    default String lastFrameProblem() {
        return null;
    }

    /** The longest frame this framer hands out. */
    int maxFrameLength();
}
