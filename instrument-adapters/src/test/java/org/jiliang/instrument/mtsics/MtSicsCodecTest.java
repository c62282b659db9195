package org.jiliang.instrument.mtsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.mtsics.MtSicsResponse.Acknowledged;
import org.jiliang.instrument.mtsics.MtSicsResponse.CommandError;
import org.jiliang.instrument.mtsics.MtSicsResponse.IncorrectParameter;
import org.jiliang.instrument.mtsics.MtSicsResponse.Intermediate;
import org.jiliang.instrument.mtsics.MtSicsResponse.Malformed;
import org.jiliang.instrument.mtsics.MtSicsResponse.NotExecutable;
import org.jiliang.instrument.mtsics.MtSicsResponse.Overload;
import org.jiliang.instrument.mtsics.MtSicsResponse.TextInfo;
import org.jiliang.instrument.mtsics.MtSicsResponse.Underload;
import org.jiliang.instrument.mtsics.MtSicsResponse.WeightErrorCode;
import org.jiliang.instrument.mtsics.MtSicsResponse.WeightValue;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte formats from protocols.md 4.1. */
class MtSicsCodecTest {

    private final MtSicsCodec codec = new MtSicsCodec();

    static Stream<Arguments> wellFormedResponses() {
        return Stream.of(
                arguments("S S     100.00 g\r\n", new WeightValue("S", true, new BigDecimal("100.00"), "g")),
                arguments("S S      100.00 g\r\n", new WeightValue("S", true, new BigDecimal("100.00"), "g")),
                arguments("S S    100.00 g\r\n", new WeightValue("S", true, new BigDecimal("100.00"), "g")),
                arguments("S S 100.00 g\r\n", new WeightValue("S", true, new BigDecimal("100.00"), "g")),
                arguments("S D      12.34 kg\r\n", new WeightValue("S", false, new BigDecimal("12.34"), "kg")),
                arguments("S S -0.05 g\r\n", new WeightValue("S", true, new BigDecimal("-0.05"), "g")),
                arguments("S S      -0.05 g\r\n", new WeightValue("S", true, new BigDecimal("-0.05"), "g")),
                arguments("S S       5000 g\r\n", new WeightValue("S", true, new BigDecimal("5000"), "g")),
                arguments("S S  220.00900 g\r\n", new WeightValue("S", true, new BigDecimal("220.00900"), "g")),
                arguments("T S     25.000 g\r\n", new WeightValue("T", true, new BigDecimal("25.000"), "g")),
                arguments("S S 100.00 g\n", new WeightValue("S", true, new BigDecimal("100.00"), "g")),
                arguments("S +\r\n", new Overload("S")),
                arguments("S -\r\n", new Underload("S")),
                arguments("S I\r\n", new NotExecutable("S")),
                arguments("Z I\r\n", new NotExecutable("Z")),
                arguments("TA L\r\n", new IncorrectParameter("TA")),
                arguments("ES\r\n", new CommandError(CommandError.Kind.SYNTAX)),
                arguments("ET\r\n", new CommandError(CommandError.Kind.TRANSMISSION)),
                arguments("EL\r\n", new CommandError(CommandError.Kind.LOGICAL)),
                arguments("Z A\r\n", new Acknowledged("Z", List.of())),
                arguments("TAC A\r\n", new Acknowledged("TAC", List.of())),
                arguments("TA A      0.00 g\r\n", new Acknowledged("TA", List.of("0.00", "g"))),
                arguments("ZI D\r\n", new Acknowledged("ZI", List.of("D"))),
                arguments("C B\r\n", new Intermediate("C", List.of())),
                arguments("I4 A \"B207696838\"\r\n", new TextInfo("I4", List.of("B207696838"))),
                arguments("I2 A \"WXS205SDU WXA-Bridge 220.00900 g\"\r\n",
                        new TextInfo("I2", List.of("WXS205SDU WXA-Bridge 220.00900 g"))),
                arguments("I1 A \"0123\" \"2.00\" \"2.20\" \"1.00\" \"1.50\"\r\n",
                        new TextInfo("I1", List.of("0123", "2.00", "2.20", "1.00", "1.50"))),
                arguments("S S Error 10t\r\n", new WeightErrorCode("S", 10, true)),
                arguments("S S Error 15e\r\n", new WeightErrorCode("S", 15, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedResponses")
    void decodesWellFormedResponses(String frame, MtSicsResponse expected) {
        // Record equality compares BigDecimal with equals(), so the device's scale is checked too.
        assertThat(codec.decode(ascii(frame))).isEqualTo(expected);
    }

    @Test
    void keepsTheDevicesScaleAndSign() {
        WeightValue value = (WeightValue) codec.decode(ascii("S S     100.00 g\r\n"));
        WeightValue negative = (WeightValue) codec.decode(ascii("S S -0.05 g\r\n"));

        assertThat(value.value().scale()).isEqualTo(2);
        assertThat(value.value().toPlainString()).isEqualTo("100.00");
        assertThat(negative.value()).isNegative();
        assertThat(negative.value().toPlainString()).isEqualTo("-0.05");
    }

    @Test
    void readsTheTextOfInformationResponses() {
        assertThat(((TextInfo) codec.decode(ascii("I2 A \"WXS205SDU WXA-Bridge 220.00900 g\"\r\n"))).text())
                .isEqualTo("WXS205SDU WXA-Bridge 220.00900 g");
        assertThat(((TextInfo) codec.decode(ascii("I4 A \"B207696838\"\r\n"))).text()).isEqualTo("B207696838");
    }

    @Test
    void explainsWeightErrorCodes() {
        WeightErrorCode error = (WeightErrorCode) codec.decode(ascii("S S Error 10t\r\n"));

        assertThat(error.description()).isEqualTo("EEPROM error");
        assertThat(error.fromTerminal()).isTrue();
    }

    static Stream<Arguments> malformedFrames() {
        return Stream.of(
                arguments("garbage", ascii("#@!?\r\n"), "not an MT-SICS response identifier"),
                arguments("empty", new byte[0], "empty frame"),
                arguments("null", null, "empty frame"),
                arguments("terminator only", ascii("\r\n"), "blank line"),
                arguments("binary", new byte[] {0x00, (byte) 0xFF, 0x13, 0x0D, 0x0A}, "not printable ASCII"),
                arguments("non-ASCII unit", "S S 1.0 \u00b5g\r\n".getBytes(StandardCharsets.ISO_8859_1), "not printable ASCII"),
                arguments("missing terminator", ascii("S S     100.00 g"), "does not end with CR LF"),
                arguments("CR without LF", ascii("S S 100.00 g\r"), "does not end with CR LF"),
                arguments("binary without terminator", new byte[] {0x01, 0x02}, "not printable ASCII"),
                arguments("letters as value", ascii("S S abc g\r\n"), "'abc' is not a decimal number"),
                arguments("exponent as value", ascii("S S 1E3 g\r\n"), "not a decimal number"),
                arguments("unknown status", ascii("S Q 1.0 g\r\n"), "unknown status 'Q'"),
                arguments("value without unit", ascii("S S 100.00\r\n"), "has no unit"),
                arguments("status without value", ascii("S S\r\n"), "without a value"),
                arguments("extra field", ascii("S S 100.00 g N\r\n"), "unexpected fields"),
                arguments("bad unit", ascii("S S 100.00 123\r\n"), "is not a unit"),
                arguments("bad error code", ascii("S S Error x\r\n"), "unrecognised weight error code"),
                arguments("no status", ascii("S\r\n"), "has no status"),
                arguments("open quote", ascii("I4 A \"B2076\r\n"), "quoted text is not closed"),
                arguments("lower-case id", ascii("s s 1.0 g\r\n"), "not an MT-SICS response identifier"),
                arguments("data after overload", ascii("S + 7000 g\r\n"), "unexpected fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void reportsMalformedFramesWithAReasonInsteadOfThrowing(String name, byte[] frame, String reasonFragment) {
        MtSicsResponse response = codec.decode(frame);

        assertThat(response).isInstanceOf(Malformed.class);
        assertThat(((Malformed) response).reason()).isNotBlank().contains(reasonFragment);
    }

    @Test
    void reportsAnOverlongLineAsIncompleteWithoutDumpingAllOfIt() {
        byte[] frame = ascii("S S " + "9".repeat(300));

        Malformed malformed = (Malformed) codec.decode(frame);

        assertThat(malformed.reason()).contains("does not end with CR LF").contains("304 bytes").hasSizeLessThan(150);
    }

    static Stream<Arguments> framesThatHoldAFragmentAndAReply() {
        return Stream.of(
                arguments("S S     12S S     100.00 g\r\n", List.of("S S     12", "S S     100.00 g\r\n")),
                arguments("S S 12 gS D 12.5 g\r\n", List.of("S S 12 g", "S D 12.5 g\r\n")),
                arguments("S SS S 1 g\r\n", List.of("S S", "S S 1 g\r\n")),
                arguments("S S  1I4 A \"B207696838\"\r\n", List.of("S S  1", "I4 A \"B207696838\"\r\n")),
                arguments("I4 A \"B20S +\r\n", List.of("I4 A \"B20", "S +\r\n")),
                arguments("S S     1ES\r\n", List.of("S S     1", "ES\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesThatHoldAFragmentAndAReply")
    void cutsAnUnterminatedFragmentFromTheReplyThatFollowsIt(String frame, List<String> pieces) {
        assertThat(codec.split(ascii(frame))).extracting(MtSicsCodecTest::text).containsExactlyElementsOf(pieces);
    }

    static Stream<Arguments> framesLeftWhole() {
        return Stream.of(
                arguments("a good reply", "S S     100.00 g\r\n"),
                arguments("a reply whose quoted text looks like a reply", "I4 A \"S S 1 g\"\r\n"),
                arguments("garbage ending in something that reads as ES", "#YES\r\n"),
                arguments("garbage before a good reply", "0123456789S S 1 g\r\n"),
                arguments("an unknown identifier before the reply", "XX S 1S S 1 g\r\n"),
                arguments("a remainder that is itself malformed", "S S 12S S 1.0\r\n"),
                arguments("no terminator", "S S     12S S     100.00 g"),
                arguments("a fragment alone", "S S     12"),
                arguments("an unknown identifier as the remainder", "S S 1 gSQ S 1 g\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesLeftWhole")
    void leavesAFrameWholeUnlessTheCutIsUnambiguous(String name, String frame) {
        assertThat(codec.split(ascii(frame))).extracting(MtSicsCodecTest::text).containsExactly(frame);
    }

    @Test
    void looksForTheReplyOnlyAtTheEndOfAVeryLongFrame() {
        byte[] frame = ascii("S S " + " ".repeat(16_000) + "1S S 1 g\r\n");

        assertThat(codec.split(frame)).hasSize(2).last().isEqualTo(ascii("S S 1 g\r\n"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    static Stream<Arguments> readings() {
        return Stream.of(
                arguments("S S     100.00 g\r\n", ReadingStatus.STABLE, "100.00", "g"),
                arguments("S D      12.34 kg\r\n", ReadingStatus.DYNAMIC, "12.34", "kg"),
                arguments("S S -0.05 g\r\n", ReadingStatus.STABLE, "-0.05", "g"),
                arguments("S +\r\n", ReadingStatus.OVERLOAD, null, null),
                arguments("S -\r\n", ReadingStatus.UNDERLOAD, null, null),
                arguments("S I\r\n", ReadingStatus.NOT_EXECUTABLE, null, null),
                arguments("ES\r\n", ReadingStatus.DEVICE_ERROR, null, null),
                arguments("ET\r\n", ReadingStatus.DEVICE_ERROR, null, null),
                arguments("EL\r\n", ReadingStatus.DEVICE_ERROR, null, null),
                arguments("S S Error 10t\r\n", ReadingStatus.DEVICE_ERROR, null, null),
                arguments("S L\r\n", ReadingStatus.DEVICE_ERROR, null, null),
                arguments("#@!?\r\n", ReadingStatus.MALFORMED, null, null),
                arguments("S S abc g\r\n", ReadingStatus.MALFORMED, null, null),
                arguments("S Q 1.0 g\r\n", ReadingStatus.MALFORMED, null, null),
                arguments("S S 100.00 g", ReadingStatus.MALFORMED, null, null),
                // Well-formed, but not a weight: a tare value or an acknowledgement must never pass for a reading.
                arguments("T S     25.000 g\r\n", ReadingStatus.MALFORMED, null, null),
                arguments("Z A\r\n", ReadingStatus.MALFORMED, null, null),
                arguments("I4 A \"B207696838\"\r\n", ReadingStatus.IDENTITY, null, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("readings")
    void interpretsFramesAsProtocolNeutralReadingsKeepingTheFrame(String text, ReadingStatus status, String value, String unit) {
        RawFrame frame = new RawFrame("balance-1", 42, Instant.parse("2025-03-01T08:00:00Z"), ascii(text));

        DeviceReading reading = codec.interpret(frame);

        assertThat(reading.status()).isEqualTo(status);
        assertThat(reading.value()).isEqualTo(value == null ? null : new BigDecimal(value));
        assertThat(reading.unit()).isEqualTo(unit);
        assertThat(reading.frame()).isEqualTo(frame);
        assertThat(reading.frame().bytes()).isEqualTo(ascii(text));
        if (status == ReadingStatus.MALFORMED || status == ReadingStatus.DEVICE_ERROR) {
            assertThat(reading.rejectReason()).isNotBlank();
        } else {
            assertThat(reading.rejectReason()).isNull();
        }
    }

    @Test
    void givesDeviceErrorsAReasonATechnicianCanRead() {
        DeviceReading syntax = codec.interpret(frame("ES\r\n"));
        DeviceReading eeprom = codec.interpret(frame("S S Error 10t\r\n"));

        assertThat(syntax.rejectReason()).isEqualTo("balance answered ES: syntax error: command not recognised or not allowed");
        assertThat(eeprom.rejectReason()).isEqualTo("balance reported weight error 10 (EEPROM error) from the terminal");
    }

    @Test
    void recognisesWeightQueriesAndEncodesCommands() {
        assertThat(codec.protocolName()).isEqualTo("mt-sics");
        assertThat(codec.isReadingCommand("SI")).isTrue();
        assertThat(codec.isReadingCommand("S")).isTrue();
        assertThat(codec.isReadingCommand("SIR")).isFalse();
        assertThat(codec.isReadingCommand("Z")).isFalse();
        assertThat(codec.isReadingCommand("si")).isFalse();
        assertThat(codec.encodeCommand("Z")).isEqualTo(ascii("Z\r\n"));
    }

    private static RawFrame frame(String text) {
        return new RawFrame("balance-1", 1, Instant.parse("2025-03-01T08:00:00Z"), ascii(text));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
