package org.jiliang.instrument.transport;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts a byte stream into lines ending in a terminator byte, LF unless told otherwise (so CR LF and
 * a bare LF both end a line), however the bytes arrive: whole, split, or one at a time. Each frame
 * keeps its terminator, byte for byte.
 *
 * <p>No byte is ever dropped: the frames handed out, joined, are the bytes fed, always. A line longer
 * than the maximum is handed out in consecutive pieces of the maximum length, the last piece ending
 * with the terminator, so the codec reports each piece as malformed instead of the link failing, and
 * {@link #lastFrameProblem()} says which piece of how long a line it is. The default maximum is
 * {@link TcpLink#DEFAULT_MAX_FRAME_LENGTH}. Not thread-safe: one reader owns it.
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
    // The frames in "frames" that are pieces of an over-long line, in the same order; rare, so an
    // ordinary line costs one look at an empty deque (docs/benchmarks.md, serial path).
    private final ArrayDeque<Piece> pieces = new ArrayDeque<>();
    // Pieces of the current over-long line handed out so far; 0 while the line is within the limit.
    private int piecesOfLine;
    private int lastPart;

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
            if (lineLength == line.length) {
                line = Arrays.copyOf(line, Math.min(maxFrameLength, line.length * 2));
            }
            line[lineLength++] = b;
            if (b == terminator) {
                hand(piecesOfLine == 0 ? 0 : -(piecesOfLine + 1));
                piecesOfLine = 0;
            } else if (lineLength == maxFrameLength) {
                piecesOfLine++;
                hand(piecesOfLine);
            }
        }
    }

    /** @param part 0 for a whole line, k for piece k of an over-long line, -k for its last piece */
    private void hand(int part) {
        byte[] frame = Arrays.copyOf(line, lineLength);
        frames.add(frame);
        if (part != 0) {
            pieces.add(new Piece(frame, part));
        }
        lineLength = 0;
    }

    private record Piece(byte[] frame, int part) {
    }

    @Override
    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    @Override
    public Optional<byte[]> nextFrame() {
        byte[] frame = frames.poll();
        Piece piece = pieces.peekFirst();
        if (piece != null && piece.frame() == frame) {
            pieces.poll();
            lastPart = piece.part();
        } else {
            lastPart = 0;
        }
        return Optional.ofNullable(frame);
    }

    /**
     * "part k of a line longer than N bytes: no terminator within the limit" for a piece of an
     * over-long line, "part k, the last, of a line longer than N bytes" for its final piece (which ends
     * with the terminator); {@code null} for an ordinary line.
     */
    @Override
    public String lastFrameProblem() {
        if (lastPart > 0) {
            return "part " + lastPart + " of a line longer than " + maxFrameLength + " bytes: no terminator within the limit";
        }
        if (lastPart < 0) {
            return "part " + -lastPart + ", the last, of a line longer than " + maxFrameLength + " bytes";
        }
        return null;
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
        piecesOfLine = 0;
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
