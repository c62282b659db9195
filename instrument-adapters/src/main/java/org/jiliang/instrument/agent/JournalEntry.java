package org.jiliang.instrument.agent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Map;
import java.util.zip.CRC32;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.Jsoner;
import org.jiliang.instrument.reading.Answered;

/**
 * One frame in the journal, as the device sent it and as the agent's codec read it, with its
 * durable per-device sequence number.
 *
 * <p>On disk it is one ASCII line of tab-separated fields ending in the CRC-32 of the rest, so a
 * torn or damaged line is recognised: sequence, receivedAt, status, value, unit (base64),
 * raw bytes (base64), reject reason (base64), and since issue 10 what the frame answers (base64 of its
 * {@code answers} JSON); an absent field is empty. A line of seven fields (written before) has no answer.
 *
 * @param answered what the frame answers ({@link Answered}); {@code null} for a frame nobody asked for
 */
public record JournalEntry(String device, long sequence, Instant receivedAt, byte[] raw, String status,
                           BigDecimal value, String unit, String rejectReason, Answered answered) {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    public JournalEntry {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
        }
        raw = raw.clone();
    }

    /** A frame without an answer (a device that is polled by no conversation, or one that streams). */
    public JournalEntry(String device, long sequence, Instant receivedAt, byte[] raw, String status, BigDecimal value,
            String unit, String rejectReason) {
        this(device, sequence, receivedAt, raw, status, value, unit, rejectReason, null);
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The journal line, terminated by LF. */
    String toLine() {
        String body = sequence + "\t" + receivedAt + "\t" + status + "\t" + (value == null ? "" : value.toPlainString())
                + "\t" + text(unit) + "\t" + B64.encodeToString(raw) + "\t" + text(rejectReason)
                + (answered == null ? "" : "\t" + text(AnsweredJson.toJson(answered).toJson()));
        return body + "\t" + crc(body) + "\n";
    }

    /**
     * The entry of a journal line (without its LF).
     *
     * @throws IllegalArgumentException if the line is damaged: wrong CRC, missing or unreadable fields
     */
    static JournalEntry parse(String device, String line) {
        int lastTab = line.lastIndexOf('\t');
        if (lastTab < 0) {
            throw new IllegalArgumentException("no CRC field");
        }
        String body = line.substring(0, lastTab);
        if (!crc(body).equals(line.substring(lastTab + 1))) {
            throw new IllegalArgumentException("CRC mismatch");
        }
        String[] f = body.split("\t", -1);
        if (f.length != 7 && f.length != 8) {
            throw new IllegalArgumentException("expected 7 or 8 fields, found " + f.length);
        }
        try {
            return new JournalEntry(device, Long.parseLong(f[0]), Instant.parse(f[1]), B64D.decode(f[5]), f[2],
                    f[3].isEmpty() ? null : new BigDecimal(f[3]), untext(f[4]), untext(f[6]),
                    f.length == 8 ? answered(untext(f[7])) : null);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable field: " + e.getMessage(), e);
        }
    }

    private static Answered answered(String json) {
        try {
            return json == null ? null : AnsweredJson.fromJson((Map<?, ?>) Jsoner.deserialize(json));
        } catch (DeserializationException | ClassCastException e) {
            throw new IllegalArgumentException("unreadable answer: " + e.getMessage(), e);
        }
    }

    private static String text(String s) {
        return s == null ? "" : B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String s) {
        return s.isEmpty() ? null : new String(B64D.decode(s), StandardCharsets.UTF_8);
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return String.format("%08x", crc.getValue());
    }
}
