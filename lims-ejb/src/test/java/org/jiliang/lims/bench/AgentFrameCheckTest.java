package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jiliang.instrument.codec.DeviceCodecs;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.lims.bench.BenchAgentService.AgentFrame;
import org.junit.jupiter.api.Test;

/** How the server takes a frame a bench agent forwards: its own time, its own reading of the bytes. */
class AgentFrameCheckTest {

    private static final Instant SERVER_NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(2);
    private static final DeviceCodec<?> MT_SICS = DeviceCodecs.forProfile("mt-sics", null, null, "SI", "SIR");

    @Test
    void aFrameTheServerReadsAlikeIsStoredWithTheServersTimeBeside() {
        AgentFrame f = frame(7, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg", SERVER_NOW.minusMillis(1500));

        var accepted = (AgentFrameCheck.Accepted) check(f, SERVER_NOW.minusMillis(200));

        assertThat(accepted.quarantined()).isFalse();
        assertThat(accepted.frame().status()).isEqualTo("STABLE");
        assertThat(accepted.frame().value()).isEqualByComparingTo("5.00");
        assertThat(accepted.frame().receivedAt()).as("the agent's stamp is kept").isEqualTo(SERVER_NOW.minusMillis(1500));
        assertThat(accepted.frame().serverReceivedAt()).isEqualTo(SERVER_NOW);
        assertThat(accepted.frame().heldByAgent()).as("sentAt - receivedAt, both on the agent's clock")
                .isEqualTo(Duration.ofMillis(1300));
    }

    @Test
    void theAgentsClockOffsetDoesNotMakeAReadingFresherOrOlder() {
        Instant agentClockAheadByAMinute = SERVER_NOW.plusSeconds(60);
        AgentFrame f = frame(1, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg", agentClockAheadByAMinute.minusMillis(500));

        var accepted = (AgentFrameCheck.Accepted) check(f, agentClockAheadByAMinute);

        assertThat(accepted.frame().heldByAgent()).isEqualTo(Duration.ofMillis(500));
        LiveReading live = new LiveReading("BAL-1", 1, 1, Instant.parse(f.receivedAt()),
                "STABLE", new BigDecimal("5.00"), "kg", "", "", null, accepted.frame().serverReceivedAt(),
                accepted.frame().heldByAgent());
        assertThat(live.age(SERVER_NOW.plusSeconds(4))).as("4 s after the server got it, 0.5 s held before")
                .isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void withoutSentAtAnOldAgentStampCountsOnlyToMakeTheFrameOlder() {
        AgentFrame behind = frame(1, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg", SERVER_NOW.minusSeconds(30));
        AgentFrame ahead = frame(2, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg", SERVER_NOW.plusSeconds(30));

        assertThat(((AgentFrameCheck.Accepted) check(behind, null)).frame().heldByAgent()).isEqualTo(Duration.ofSeconds(30));
        assertThat(((AgentFrameCheck.Accepted) check(ahead, null)).frame().heldByAgent()).isZero();
    }

    @Test
    void aTimeStampFurtherAheadThanTheSkewIsRefused() {
        AgentFrame f = frame(9, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg", SERVER_NOW.plus(SKEW).plusSeconds(1));

        var refused = (AgentFrameCheck.Refused) check(f, SERVER_NOW);

        assertThat(refused.key()).isEqualTo("error.agent.futureTime");
        assertThat(refused.arguments()).containsExactly("BAL-1", "9", "2026-11-30T08:02:01Z", "2026-11-30T08:00:00Z",
                "PT2M");
        assertThat(check(frame(9, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg", SERVER_NOW.plus(SKEW)), SERVER_NOW))
                .as("at the skew itself still taken").isInstanceOf(AgentFrameCheck.Accepted.class);
    }

    @Test
    void aValueTheServerReadsDifferentlyIsQuarantinedWithBothReadings() {
        AgentFrame f = frame(3, "S S      5.00 kg\r\n", "STABLE", "7.00", "kg", SERVER_NOW);

        var accepted = (AgentFrameCheck.Accepted) check(f, SERVER_NOW);

        assertThat(accepted.quarantined()).isTrue();
        assertThat(accepted.frame().status()).isEqualTo(DeviceFrameService.QUARANTINED);
        assertThat(accepted.frame().value()).isNull();
        assertThat(accepted.frame().rejectReason()).isEqualTo("agent read STABLE 7.00 kg; server read STABLE 5.00 kg");
        assertThat(accepted.frame().rawBytes()).as("the original bytes are kept")
                .isEqualTo("S S      5.00 kg\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aStatusOrUnitTheServerReadsDifferentlyIsQuarantinedToo() {
        assertThat(((AgentFrameCheck.Accepted) check(frame(1, "S D      5.00 kg\r\n", "STABLE", "5.00", "kg",
                SERVER_NOW), SERVER_NOW)).frame().rejectReason()).isEqualTo(
                        "agent read STABLE 5.00 kg; server read DYNAMIC 5.00 kg");
        assertThat(((AgentFrameCheck.Accepted) check(frame(1, "S S      5.00 kg\r\n", "STABLE", "5.00", "g",
                SERVER_NOW), SERVER_NOW)).quarantined()).isTrue();
        assertThat(((AgentFrameCheck.Accepted) check(frame(1, "S S      5.00 kg\r\n", "WEIRD", null, null,
                SERVER_NOW), SERVER_NOW)).quarantined()).as("an unknown status").isTrue();
    }

    @Test
    void aMalformedFrameBothReadAlikeIsStoredAsMalformed() {
        var accepted = (AgentFrameCheck.Accepted) check(frame(37, "#@!?\r\n", "MALFORMED", null, null, SERVER_NOW),
                SERVER_NOW);
        assertThat(accepted.quarantined()).isFalse();
        assertThat(accepted.frame().status()).isEqualTo("MALFORMED");
        assertThat(accepted.frame().rejectReason()).isNotBlank();
    }

    @Test
    void aValueTheRecordCannotHoldIsNeitherRoundedNorAFailure() {
        var accepted = (AgentFrameCheck.Accepted) check(frame(1, "S S  123456789012345678901.5 g\r\n", "STABLE",
                "123456789012345678901.5", "g", SERVER_NOW), SERVER_NOW);

        assertThat(accepted.quarantined()).as("both read it alike").isFalse();
        var stored = FrameRecordLimits.fitted(accepted.frame()); // what DeviceFrameService stores of it
        assertThat(stored.status()).isEqualTo("MALFORMED");
        assertThat(stored.value()).isNull();
        assertThat(stored.rejectReason()).contains("does not fit the record");
    }

    @Test
    void aValueOfTenToTheFifteenAndNineDecimalsAreTakenAsSent() {
        var big = (AgentFrameCheck.Accepted) check(frame(1, "S S  1000000000000000 g\r\n", "STABLE",
                "1000000000000000", "g", SERVER_NOW), SERVER_NOW);
        var fine = (AgentFrameCheck.Accepted) check(frame(2, "S S  12.345678900 g\r\n", "STABLE",
                "12.345678900", "g", SERVER_NOW), SERVER_NOW);

        assertThat(big.quarantined()).isFalse();
        assertThat(big.frame().value()).isEqualTo(new BigDecimal("1000000000000000"));
        assertThat(fine.quarantined()).isFalse();
        assertThat(fine.frame().value()).as("scale and trailing zeros as sent").isEqualTo(new BigDecimal("12.345678900"));
    }

    @Test
    void anAbsurdExponentFromTheAgentCostsNothingAndIsDescribedShort() {
        AgentFrame f = new AgentFrame("BAL-1", 1, SERVER_NOW.toString(), base64("S S      5.00 kg\r\n"), "STABLE",
                new BigDecimal("1E+999999999"), "kg", null);

        var accepted = (AgentFrameCheck.Accepted) check(f, SERVER_NOW);

        assertThat(accepted.frame().rejectReason()).isEqualTo("agent read STABLE 1E+999999999 kg; server read STABLE 5.00 kg");
    }

    @Test
    void aFrameThatCannotBeReadAtAllIsRefused() {
        AgentFrame noTime = new AgentFrame("BAL-1", 4, "yesterday", base64("S S 1 g\r\n"), "STABLE", BigDecimal.ONE, "g",
                null);
        AgentFrame noBytes = new AgentFrame("BAL-1", 5, SERVER_NOW.toString(), "%%%", "STABLE", BigDecimal.ONE, "g",
                null);
        AgentFrame noNumber = new AgentFrame("BAL-1", 0, SERVER_NOW.toString(), base64("S S 1 g\r\n"), "STABLE",
                BigDecimal.ONE, "g", null);

        for (AgentFrame f : new AgentFrame[] {noTime, noBytes, noNumber}) {
            assertThat(check(f, SERVER_NOW)).isInstanceOfSatisfying(AgentFrameCheck.Refused.class,
                    r -> assertThat(r.key()).isEqualTo("error.agent.frameUnreadable"));
        }
    }

    @Test
    void withoutACodecForTheProfileEveryFrameIsQuarantined() {
        var accepted = (AgentFrameCheck.Accepted) AgentFrameCheck.check(frame(1, "S S      5.00 kg\r\n", "STABLE",
                "5.00", "kg", SERVER_NOW), "agent:B", null, SERVER_NOW, SERVER_NOW, SKEW);
        assertThat(accepted.quarantined()).isTrue();
        assertThat(accepted.frame().rejectReason()).contains("no codec");
    }

    // --- issue 10: SCPI frames read with what they answer ---------------------------------------------------------

    /** A meter profile as the agent's routes build it: poll READ?, no start command, so the codec alone says volts. */
    private static final DeviceCodec<?> SCPI = DeviceCodecs.forProfile("scpi", null, null, "READ?", null);

    @Test
    void aReadAnswerIsReadWithTheFunctionTheMetersConnectionWasSetTo() {
        AgentFrame ohms = scpi(11, "1000.2\n", "STABLE", "1000.2", "Ω", answers("READ?", "RES", List.of(), null));

        var accepted = (AgentFrameCheck.Accepted) checkScpi(ohms);

        assertThat(accepted.quarantined()).as("the meter told FUNC? RES; the bytes alone would say volts").isFalse();
        assertThat(accepted.frame().status()).isEqualTo("STABLE");
        assertThat(accepted.frame().value()).isEqualByComparingTo("1000.2");
        assertThat(accepted.frame().unit()).isEqualTo("Ω");
    }

    @Test
    void anOldAgentsReadAnswerWithoutAnswersIsReadFromItsBytesAloneAsBefore() {
        AgentFrame volts = scpi(12, "+1.23000000E+00\n", "STABLE", "1.23", "V", null);
        AgentFrame ohms = scpi(13, "1000.2\n", "STABLE", "1000.2", "Ω", null);

        assertThat(((AgentFrameCheck.Accepted) checkScpi(volts)).quarantined()).isFalse();
        var quarantined = (AgentFrameCheck.Accepted) checkScpi(ohms);
        assertThat(quarantined.quarantined()).isTrue();
        assertThat(quarantined.frame().rejectReason()).isEqualTo("agent read STABLE 1000.2 Ω; server read STABLE 1000.2 V");
    }

    @Test
    void aReadingThatDoesNotMatchItsBytesAndWhatTheyAnswerIsStillQuarantined() {
        AgentFrame wrongValue = scpi(14, "1000.2\n", "STABLE", "1000.3", "Ω", answers("READ?", "RES", List.of(), null));
        AgentFrame wrongUnit = scpi(15, "1000.2\n", "STABLE", "1000.2", "V", answers("READ?", "RES", List.of(), null));
        AgentFrame hidesItsError = scpi(16, "+1.23E+00\n", "STABLE", "1.23", "V",
                answers("MEAS:VOLT:DC? 1,2,3", null, List.of("-108,\"Parameter not allowed\""), null));

        for (AgentFrame f : List.of(wrongValue, wrongUnit, hidesItsError)) {
            var accepted = (AgentFrameCheck.Accepted) checkScpi(f);
            assertThat(accepted.quarantined()).as("frame %d", f.sequence()).isTrue();
            assertThat(accepted.frame().status()).isEqualTo(DeviceFrameService.QUARANTINED);
        }
    }

    @Test
    void aReadingWhoseCommandQueuedAnErrorKeepsItsValueAsADeviceError() {
        AgentFrame f = scpi(17, "+1.23E+00\n", "DEVICE_ERROR", "1.23", "V",
                answers("MEAS:VOLT:DC? 1,2,3", null, List.of("-108,\"Parameter not allowed\""), null));

        var accepted = (AgentFrameCheck.Accepted) checkScpi(f);

        assertThat(accepted.quarantined()).isFalse();
        assertThat(accepted.frame().status()).isEqualTo("DEVICE_ERROR");
        assertThat(accepted.frame().value()).isEqualByComparingTo("1.23");
        assertThat(accepted.frame().unit()).isEqualTo("V");
        assertThat(accepted.frame().rejectReason()).contains("-108,\"Parameter not allowed\"");
    }

    @Test
    void theErrorQueuesAnswersAreDeviceAnswersAndDeviceErrors() {
        AgentFrame empty = scpi(18, "0,\"No error\"\n", "DEVICE_ANSWER", null, null, answers("SYST:ERR?", null, List.of(), null));
        AgentFrame entry = scpi(19, "-113,\"Undefined header\"\n", "DEVICE_ERROR", null, null,
                answers("SYST:ERR?", null, List.of(), null));

        var first = (AgentFrameCheck.Accepted) checkScpi(empty);
        var second = (AgentFrameCheck.Accepted) checkScpi(entry);

        assertThat(first.quarantined()).isFalse();
        assertThat(first.frame().status()).isEqualTo("DEVICE_ANSWER");
        assertThat(second.quarantined()).isFalse();
        assertThat(second.frame().status()).isEqualTo("DEVICE_ERROR");
        assertThat(second.frame().rejectReason()).contains("-113");
    }

    @Test
    void settingsTheMeterTellsAreDeviceAnswersNotReadings() {
        AgentFrame function = scpi(20, "\"RES\"\n", "DEVICE_ANSWER", null, null, answers("FUNC?", null, List.of(), null));
        AgentFrame complete = scpi(21, "1\n", "DEVICE_ANSWER", null, null, answers("*OPC?", null, List.of(), null));

        for (AgentFrame f : List.of(function, complete)) {
            var accepted = (AgentFrameCheck.Accepted) checkScpi(f);
            assertThat(accepted.quarantined()).as("frame %d", f.sequence()).isFalse();
            assertThat(accepted.frame().status()).isEqualTo("DEVICE_ANSWER");
            assertThat(accepted.frame().value()).isNull();
        }
    }

    @Test
    void aLateAnswerIsKeptAsMalformedNotTakenAsAReading() {
        AgentFrame f = scpi(22, "+1.00E+00\n", "MALFORMED", null, null, answers("READ?", "VOLT:DC", List.of(), true));

        var accepted = (AgentFrameCheck.Accepted) checkScpi(f);

        assertThat(accepted.quarantined()).isFalse();
        assertThat(accepted.frame().status()).isEqualTo("MALFORMED");
        assertThat(accepted.frame().rejectReason()).startsWith("late answer: arrived after the answer to READ? had timed out");
    }

    @Test
    void anAnswerOutsideItsBoundsOrNotACommandOfTheProtocolRefusesTheFrame() {
        List<BenchAgentService.AgentAnswer> bad = List.of(
                answers("READ? nonsense\"", null, List.of(), null),
                answers("READ?\u0007", null, List.of(), null),
                answers("READ?" + " ".repeat(60) + "x", null, List.of(), null),
                answers("READ?", "RES; DROP", List.of(), null),
                answers("READ?", null, java.util.Arrays.asList("-113,\"x\"", null), null),
                answers("READ?", null, List.of("-113,\"\u00e9\""), null),
                answers(null, "RES", List.of(), null));

        for (BenchAgentService.AgentAnswer answers : bad) {
            assertThat(checkScpi(scpi(23, "1000.2\n", "STABLE", "1000.2", "Ω", answers)))
                    .as("%s", answers).isInstanceOfSatisfying(AgentFrameCheck.Refused.class, r -> {
                        assertThat(r.key()).isEqualTo("error.agent.frameUnreadable");
                        assertThat(r.why()).startsWith("answers: ");
                    });
        }
    }

    private static AgentFrameCheck.Outcome checkScpi(AgentFrame f) {
        return AgentFrameCheck.check(f, "agent:BENCH-1", SCPI, SERVER_NOW, SERVER_NOW, SKEW);
    }

    private static AgentFrame scpi(long sequence, String raw, String status, String value, String unit,
            BenchAgentService.AgentAnswer answers) {
        return new AgentFrame("DMM-1", sequence, SERVER_NOW.toString(), base64(raw), status,
                value == null ? null : new BigDecimal(value), unit, null, answers);
    }

    private static BenchAgentService.AgentAnswer answers(String command, String setting, List<String> errors, Boolean late) {
        return new BenchAgentService.AgentAnswer(command, setting, errors, late);
    }

    private static AgentFrameCheck.Outcome check(AgentFrame f, Instant sentAt) {
        return AgentFrameCheck.check(f, "agent:BENCH-1", MT_SICS, sentAt, SERVER_NOW, SKEW);
    }

    private static AgentFrame frame(long sequence, String raw, String status, String value, String unit,
            Instant receivedAt) {
        return new AgentFrame("BAL-1", sequence, receivedAt.toString(), base64(raw), status,
                value == null ? null : new BigDecimal(value), unit, null);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
