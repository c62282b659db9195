package org.jiliang.lims.bench;

/**
 * The bytes of a frame as text a person can read: each byte as the ISO-8859-1 character it encodes
 * (one character per byte, so nothing is merged or lost), except those a screen would not show. C0
 * control bytes and DEL become their Unicode Control Pictures (CR as ␍, LF as ␊, NUL as ␀, DEL as ␡);
 * C1 control bytes 0x80–0x9F become their hex in angle brackets, e.g. ⟨85⟩. Both markers lie outside
 * ISO-8859-1, so no byte of the frame can look like one. The hex of the bytes stays the exact record.
 */
public final class RawText {

    private static final char CONTROL_PICTURES = '\u2400';
    private static final char DEL_PICTURE = '\u2421';

    private RawText() {
    }

    public static String visible(byte[] raw) {
        StringBuilder b = new StringBuilder(raw.length + 8);
        for (byte value : raw) {
            int c = value & 0xFF;
            if (c < 0x20) {
                b.append((char) (CONTROL_PICTURES + c));
            } else if (c == 0x7F) {
                b.append(DEL_PICTURE);
            } else if (c >= 0x80 && c <= 0x9F) {
                b.append('⟨').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16))).append('⟩');
            } else {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
