package org.jiliang.instrument.frame;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One frame exactly as a bench device sent it, terminator (CR LF) included.
 *
 * <p>The frame is an original record: the bytes are copied on the way in and on the way out so
 * nobody can change them after receipt.
 *
 * @param deviceId   the bench device that sent the frame, e.g. {@code balance-1}
 * @param sequence   per-device sequence number; 1, 2, 3 ... for polled frames, 0 for the reply to an
 *                   ad-hoc command that is not part of the polled stream
 * @param receivedAt when the last byte of the frame arrived
 * @param bytes      the frame, byte for byte
 */
public record RawFrame(String deviceId, long sequence, Instant receivedAt, byte[] bytes) {

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    public RawFrame {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(bytes, "bytes");
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId must not be blank");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
        bytes = bytes.clone();
    }

    /** A copy of the frame's bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The bytes as upper-case hex pairs separated by spaces, e.g. {@code 5A 20 41 0D 0A}. */
    public String hex() {
        StringBuilder hex = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (hex.length() > 0) {
                hex.append(' ');
            }
            hex.append(HEX_DIGITS[(b >> 4) & 0x0F]).append(HEX_DIGITS[b & 0x0F]);
        }
        return hex.toString();
    }

    /**
     * The bytes read as ISO-8859-1, for display only: every byte maps to one character, so even a
     * garbled frame shows something, and the terminator is part of the text.
     */
    public String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawFrame that
                && sequence == that.sequence
                && deviceId.equals(that.deviceId)
                && receivedAt.equals(that.receivedAt)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, sequence, receivedAt, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "RawFrame[deviceId=" + deviceId + ", sequence=" + sequence + ", receivedAt=" + receivedAt
                + ", bytes=" + hex() + "]";
    }
}
