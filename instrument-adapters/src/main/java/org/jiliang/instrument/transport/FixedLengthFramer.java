package org.jiliang.instrument.transport;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts a byte stream into frames of exactly {@code frameLength} bytes, for devices whose output has a
 * fixed size and no reliable terminator. One lost byte shifts every later frame, which the codec then
 * reports as malformed; reconnecting (a new framer) resynchronises. No byte is dropped: the bytes of
 * an unfinished frame stay for {@link #takePending()}.
 */
public final class FixedLengthFramer implements Framer {

    private final int frameLength;
    private final byte[] current;
    private int filled;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();

    public FixedLengthFramer(int frameLength) {
        if (frameLength < 1) {
            throw new IllegalArgumentException("frameLength must be positive: " + frameLength);
        }
        this.frameLength = frameLength;
        this.current = new byte[frameLength];
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            current[filled++] = bytes[i];
            if (filled == frameLength) {
                frames.add(current.clone());
                filled = 0;
            }
        }
    }

    @Override
    public Optional<byte[]> nextFrame() {
        return Optional.ofNullable(frames.poll());
    }

    @Override
    public boolean hasFrame() {
        return !frames.isEmpty();
    }

    @Override
    public int pendingBytes() {
        return filled;
    }

    @Override
    public byte[] takePending() {
        byte[] pending = Arrays.copyOf(current, filled);
        filled = 0;
        return pending;
    }

    @Override
    public int maxFrameLength() {
        return frameLength;
    }
}
