package org.jiliang.lims.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.lims.bench.BenchAgentService.AgentAnswer;
import org.jiliang.lims.bench.BenchAgentService.AgentFrame;
import org.jiliang.lims.bench.DeviceFrameService.IncomingFrame;

/**
 * What the server makes of one frame a bench agent forwarded, trusting nothing the agent says about it
 * but its bytes (issue 8):
 * <ul>
 * <li>the server stamps it with its own receive time;</li>
 * <li>a time stamp further ahead of the server's clock than the allowed skew is refused: the bench PC's
 *     clock is wrong, and the frame would look fresh for as long as the error;</li>
 * <li>the raw bytes are read again with the device's codec (the same classes the server's own routes
 *     use); the server's reading is what is stored, and if it differs from the agent's (status, value
 *     or unit) the frame is stored as {@link DeviceFrameService#QUARANTINED}, both readings in its
 *     reason, never to be captured;</li>
 * <li>a frame of a conversation says what it answers (issue 10: the command, the setting a {@code READ?}
 *     answer is read with, the errors its command queued, whether it came late), since a SCPI answer read
 *     alone has no quantity; its bytes are read with that ({@link DeviceCodec#interpretAnswer}), exactly as
 *     the agent's session read them. An answer that breaks the bounds of {@link Answered} or names a command
 *     the device's protocol cannot send is refused; without one, the bytes are read alone, as before;</li>
 * <li>a value the record cannot hold exactly is not rounded: when both read it alike, the frame goes on
 *     and {@link DeviceFrameService} keeps it as malformed by the rule it applies to every frame
 *     ({@link FrameRecordLimits}), as for a device the server reads itself.</li>
 * </ul>
 * The raw bytes are always stored, unless the frame cannot be read at all (no bytes, no time, no number).
 */
final class AgentFrameCheck {

    /** What became of the frame: stored (possibly quarantined), or refused with a message key. */
    sealed interface Outcome permits Accepted, Refused {
        long sequence();
    }

    record Accepted(long sequence, IncomingFrame frame, boolean quarantined) implements Outcome {
    }

    /**
     * Refused for good. {@code key} and {@code arguments} say why in the caller's language (contract 2
     * receipts); {@code why} is the short English reason a whole-batch refusal (contract 1) quotes.
     */
    record Refused(long sequence, String key, List<Object> arguments, String why) implements Outcome {
    }

    private AgentFrameCheck() {
    }

    /**
     * @param codec     the device's codec; {@code null} if the server has none for its profile
     * @param sentAt    when the agent sent the batch, on its own clock; {@code null} from an agent of contract 1
     * @param serverNow the server's clock when the batch arrived
     * @param maxSkew   how far ahead of the server's clock an agent's time stamp may be
     */
    static Outcome check(AgentFrame f, String linkSession, DeviceCodec<?> codec, Instant sentAt, Instant serverNow,
            Duration maxSkew) {
        long sequence = f.sequence();
        if (sequence < 1) {
            return unreadable(f, "sequence < 1");
        }
        Instant receivedAt;
        byte[] raw;
        try {
            receivedAt = Instant.parse(f.receivedAt());
            raw = Base64.getDecoder().decode(f.raw());
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            return unreadable(f, "receivedAt must be an ISO-8601 instant and raw base64");
        }
        if (raw.length == 0) {
            return unreadable(f, "no raw bytes");
        }
        if (receivedAt.isAfter(serverNow.plus(maxSkew))) {
            return new Refused(sequence, "error.agent.futureTime", List.of(f.device(), Long.toString(sequence),
                    receivedAt.toString(), serverNow.toString(), maxSkew.toString()), "stamped " + receivedAt
                            + ", more than " + maxSkew + " ahead of the server's clock (" + serverNow + ")");
        }
        // An interval of the agent's own clock: its offset cancels. Without sentAt (contract 1), the
        // agent's clock against the server's, counted only when it makes the frame older.
        Duration held = sentAt != null ? Duration.between(receivedAt, sentAt) : Duration.between(receivedAt, serverNow);
        if (held.isNegative()) {
            held = Duration.ZERO;
        }

        Answered answered = null;
        if (f.answers() != null) {
            try {
                answered = answered(f.answers(), codec);
            } catch (IllegalArgumentException e) {
                return unreadable(f, "answers: " + e.getMessage());
            }
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Reading server = serverReading(codec, f.device(), sequence, receivedAt, raw, answered);
        Reading agent = new Reading(f.status(), f.value(), f.unit(), f.rejectReason());
        boolean same = server.status().equals(agent.status()) && sameValue(server.value(), agent.value())
                && Objects.equals(server.unit(), agent.unit());
        if (same) {
            return new Accepted(sequence, new IncomingFrame(f.device(), linkSession, sequence, receivedAt, raw,
                    server.status(), server.value(), server.unit(), server.reason(), text, serverNow, held), false);
        }
        String reason = "agent read " + agent.describe() + "; server read " + server.describe();
        return new Accepted(sequence, new IncomingFrame(f.device(), linkSession, sequence, receivedAt, raw,
                DeviceFrameService.QUARANTINED, null, null, reason, text, serverNow, held), true);
    }

    /**
     * What the agent says the frame answers, checked: the bounds of {@link Answered} and a command the device's
     * protocol can send.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    private static Answered answered(AgentAnswer answers, DeviceCodec<?> codec) {
        Answered answered = new Answered(answers.command(), answers.setting(), answers.deviceErrors(),
                Boolean.TRUE.equals(answers.late()));
        if (codec != null) {
            try {
                codec.encodeCommand(answered.command());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + answered.command() + "' is not a command of protocol "
                        + codec.protocolName(), e);
            }
        }
        return answered;
    }

    /** The reading the server's codec gives the bytes, with what they answer if the agent said. */
    private static Reading serverReading(DeviceCodec<?> codec, String device, long sequence, Instant receivedAt,
            byte[] raw, Answered answered) {
        if (codec == null) {
            return new Reading("MALFORMED", null, null, "the server has no codec for this device's profile");
        }
        RawFrame frame = new RawFrame(device, sequence, receivedAt, raw);
        DeviceReading reading = answered == null ? codec.interpret(frame) : codec.interpretAnswer(frame, answered);
        BigDecimal value = reading.value();
        String unit = reading.unit();
        return new Reading(reading.status().name(), value, unit, reading.rejectReason());
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        // compareTo looks at the magnitudes first, so even an absurd exponent costs nothing here
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Refused unreadable(AgentFrame f, String why) {
        return new Refused(f.sequence(), "error.agent.frameUnreadable",
                List.of(f.device(), Long.toString(f.sequence()), why), why);
    }

    private static String number(BigDecimal value) {
        return FrameRecordLimits.shortNumber(value);
    }

    private static String abbreviated(String text, int max) {
        return FrameRecordLimits.abbreviated(text, max);
    }

    private record Reading(String status, BigDecimal value, String unit, String reason) {

        String describe() {
            String s = abbreviated(status, 20);
            if (value != null) {
                s += " " + number(value) + " " + abbreviated(unit, 16);
            }
            if (reason != null && !reason.isBlank()) {
                s += " (" + abbreviated(reason, 80) + ")";
            }
            return s;
        }
    }
}
