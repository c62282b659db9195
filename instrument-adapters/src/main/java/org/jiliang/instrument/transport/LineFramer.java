package org.jiliang.instrument.transport;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
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
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
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
            line.write(b);
            if (b == terminator) {
                frames.add(line.toByteArray());
                line.reset();
            } else if (line.size() == maxFrameLength) {
                frames.add(line.toByteArray());
                line.reset();
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
        return line.size();
    }

    @Override
    public byte[] takePending() {
        byte[] pending = line.toByteArray();
        line.reset();
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
