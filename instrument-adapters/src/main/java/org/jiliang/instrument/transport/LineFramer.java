package org.jiliang.instrument.transport;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts a byte stream into lines ending in a terminator byte, LF unless told otherwise (so CR LF and
 * a bare LF both end a line), however the bytes arrive: whole, split, or one at a time. Each frame
 * keeps its terminator, byte for byte.
 *
 * <p>A line longer than the maximum is handed out as the bytes read so far, without terminator, so
 * the codec reports it as malformed instead of the link failing; the rest of that line is dropped
 * and framing resumes after its terminator. Not thread-safe: one reader owns it.
 */
public final class LineFramer implements Framer {

    public static final byte LF = '\n';
    public static final byte CR = '\r';

    private final int maxFrameLength;
    private final byte terminator;
    // A plain array, not a ByteArrayOutputStream: its synchronized write per byte was most of the
    // framing cost on a fast stream (docs/benchmarks.md, serial path).
    private byte[] line = new byte[64];
    private int lineLength;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private boolean discardingOverlongLine;

    /** @param maxFrameLength the longest frame, terminator included */
    public LineFramer(int maxFrameLength) {
        this(maxFrameLength, LF);
    }

    /**
     * @param maxFrameLength the longest frame, terminator included
     * @param terminator     the byte that ends a line, e.g. {@link #CR} for devices that end lines with CR only
     */
    public LineFramer(int maxFrameLength, byte terminator) {
        if (maxFrameLength < 2) {
            throw new IllegalArgumentException("maxFrameLength must leave room for CR LF: " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
        this.terminator = terminator;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (discardingOverlongLine) {
                discardingOverlongLine = b != terminator;
                continue;
            }
            if (lineLength == line.length) {
                line = Arrays.copyOf(line, Math.min(maxFrameLength, line.length * 2));
            }
            line[lineLength++] = b;
            if (b == terminator) {
                frames.add(Arrays.copyOf(line, lineLength));
                lineLength = 0;
            } else if (lineLength == maxFrameLength) {
                frames.add(Arrays.copyOf(line, lineLength));
                lineLength = 0;
                discardingOverlongLine = true;
            }
        }
    }

    @Override
    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    @Override
    public Optional<byte[]> nextFrame() {
        return Optional.ofNullable(frames.poll());
    }

    @Override
    public boolean hasFrame() {
        return !frames.isEmpty();
    }

    /** Bytes of an unfinished line waiting for their terminator. */
    @Override
    public int pendingBytes() {
        return lineLength;
    }

    @Override
    public byte[] takePending() {
        byte[] pending = Arrays.copyOf(line, lineLength);
        lineLength = 0;
        discardingOverlongLine = false;
        return pending;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    public byte terminator() {
        return terminator;
    }
}
