package org.jiliang.instrument.transport;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Cuts a byte stream into lines ending in LF (so CR LF and a bare LF both end a line), however the
 * bytes arrive: whole, split, or one at a time. Each frame keeps its terminator, byte for byte.
 *
 * <p>A line longer than the maximum is handed out as the bytes read so far, without terminator, so
 * the codec reports it as malformed instead of the link failing; the rest of that line is dropped
 * and framing resumes after its terminator. Not thread-safe: one reader owns it.
 */
public final class LineFramer {

    private static final byte LF = '\n';

    private final int maxFrameLength;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private boolean discardingOverlongLine;

    /** @param maxFrameLength the longest frame, terminator included */
    public LineFramer(int maxFrameLength) {
        if (maxFrameLength < 2) {
            throw new IllegalArgumentException("maxFrameLength must leave room for CR LF: " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
    }

    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (discardingOverlongLine) {
                discardingOverlongLine = b != LF;
                continue;
            }
            line.write(b);
            if (b == LF) {
                frames.add(line.toByteArray());
                line.reset();
            } else if (line.size() == maxFrameLength) {
                frames.add(line.toByteArray());
                line.reset();
                discardingOverlongLine = true;
            }
        }
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** The oldest complete frame, if any. */
    public Optional<byte[]> nextFrame() {
        return Optional.ofNullable(frames.poll());
    }

    public boolean hasFrame() {
        return !frames.isEmpty();
    }

    /** Bytes of an unfinished line waiting for their terminator. */
    public int pendingBytes() {
        return line.size();
    }

    public int maxFrameLength() {
        return maxFrameLength;
    }
}
