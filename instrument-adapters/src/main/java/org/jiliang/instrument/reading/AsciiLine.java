package org.jiliang.instrument.reading;

import java.nio.charset.StandardCharsets;

/**
 * The first step of every line protocol's decoder: the text of a frame that ends with CR LF
 * (or LF alone, as some device servers and converters send it) and holds only printable ASCII,
 * or why the frame is not such a line. Positions in the reasons count from 1.
 *
 * @param text the line without its terminator; null when the frame was refused
 * @param problem why the frame is not a line; null when it is one
 * @param incomplete the frame has no terminator (cut off, or longer than the framer allows)
 */
public record AsciiLine(String text, String problem, boolean incomplete) {

    /**
     * @param terminatorName how the protocol's documentation names its terminator ("CR LF", "LF")
     * @param tabAllowed whether a horizontal tab may appear inside the line
     */
    public static AsciiLine of(byte[] frame, String terminatorName, boolean tabAllowed) {
        if (frame == null || frame.length == 0) {
            return refused("empty frame", false);
        }
        int bodyLength;
        if (frame.length >= 2 && frame[frame.length - 2] == '\r' && frame[frame.length - 1] == '\n') {
            bodyLength = frame.length - 2;
        } else if (frame[frame.length - 1] == '\n') {
            bodyLength = frame.length - 1;
        } else {
            return refused("frame does not end with " + terminatorName + ", so it is incomplete or too long ("
                    + frame.length + " bytes)", true);
        }
        for (int i = 0; i < bodyLength; i++) {
            int b = frame[i] & 0xFF;
            if ((b < 0x20 && !(tabAllowed && b == '\t')) || b > 0x7E) {
                return refused(String.format("byte 0x%02X at position %d is not printable ASCII", b, i + 1), false);
            }
        }
        return new AsciiLine(new String(frame, 0, bodyLength, StandardCharsets.US_ASCII), null, false);
    }

    private static AsciiLine refused(String problem, boolean incomplete) {
        return new AsciiLine(null, problem, incomplete);
    }

    public boolean isLine() {
        return problem == null;
    }
}
