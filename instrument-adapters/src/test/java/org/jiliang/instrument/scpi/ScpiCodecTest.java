package org.jiliang.instrument.scpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.Quantity;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.scpi.ScpiResponse.ErrorEntry;
import org.jiliang.instrument.scpi.ScpiResponse.Identification;
import org.jiliang.instrument.scpi.ScpiResponse.Malformed;
import org.jiliang.instrument.scpi.ScpiResponse.Readings;
import org.jiliang.instrument.scpi.ScpiResponse.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SCPI response lines as meters send them (protocols.md 4.3), good and malformed. */
class ScpiCodecTest {

    private final ScpiCodec codec = new ScpiCodec();

    @Test
    void readsTenVoltsInTheReadingFormatOf34401ACompatibleMeters() {
        byte[] line = ascii("+1.00000000E+01\n");

        assertThat(codec.decodeReply("READ?", line)).isEqualTo(new Readings(List.of(new BigDecimal("1.00000000E+01"))));
        DeviceReading reading = codec.interpret(frame(line));
        assertThat(reading.status()).isEqualTo(ReadingStatus.STABLE);
        assertThat(reading.value()).isEqualByComparingTo("10");
        assertThat(reading.unit()).isEqualTo("V");
        assertThat(reading.quantities()).extracting(Quantity::name).containsExactly("VOLT:DC");
    }

    @ParameterizedTest
    @CsvSource({"+15,15,NR1", "-3,-3,NR1", "+1.23,1.23,NR2", "-.5,-0.5,NR2", "+10.0E-03,0.0100,NR3", "-1.5e2,-150,NR3"})
    void readsNr1Nr2AndNr3(String text, String value, ScpiNumbers.Form form) {
        assertThat(ScpiNumbers.formOf(text)).contains(form);
        assertThat(ScpiNumbers.parse(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(value));
    }

    @Test
    void aCalibratorsOutputIsAReadingNamedAfterTheUnitItAnswersWith() {
        DeviceReading volts = codec.interpretAnswer(frame(ascii("+9.00000000E+00,V,0.000000E+00,,0.00E+00\n")),
                org.jiliang.instrument.reading.Answered.to("OUT?"));
        DeviceReading ohms = codec.interpretAnswer(frame(ascii("1.0000000E+03,OHM,0.000000E+00,,0.00E+00\n")),
                org.jiliang.instrument.reading.Answered.to("OUT?"));

        assertThat(codec.isReadingCommand("OUT?")).as("a calibrator is polled with OUT?").isTrue();
        assertThat(volts.value()).isEqualByComparingTo("9");
        assertThat(volts.unit()).isEqualTo("V");
        assertThat(ohms.value()).isEqualByComparingTo("1000");
        assertThat(ohms.unit()).isEqualTo("Ω");
        assertThat(codec.interpretAnswer(frame(ascii("+1.0E+00,A,0,,0\n")), org.jiliang.instrument.reading.Answered.to("OUT?"))
                .status()).as("a current is no output the server reads").isEqualTo(ReadingStatus.MALFORMED);
        assertThat(codec.decodeReply("OUT?", ascii("9\n"))).isInstanceOf(Malformed.class);
    }

    @Test
    void acceptsLfAndCrLf() {
        assertThat(codec.interpret(frame(ascii("+1.00000000E+01\r\n"))).value()).isEqualByComparingTo("10");
        assertThat(codec.interpret(frame(ascii("+1.00000000E+01\n"))).value()).isEqualByComparingTo("10");
    }

    @Test
    void readsSeveralReadingsAsQuantitiesOfOneReading() {
        DeviceReading reading = codec.interpret(frame(ascii("+1.00000000E+01,+1.00000100E+01,+9.99999000E+00\n")));

        assertThat(reading.quantities()).extracting(Quantity::name).containsExactly("VOLT:DC", "VOLT:DC#2", "VOLT:DC#3");
        assertThat(reading.quantities().get(2).value()).isEqualByComparingTo("9.99999");
    }

    @Test
    void reportsTheOverloadValueAsOverloadInEitherDirection() {
        assertThat(codec.interpret(frame(ascii("+9.90000000E+37\n"))).status()).isEqualTo(ReadingStatus.OVERLOAD);
        assertThat(codec.interpret(frame(ascii("-9.90000000E+37\n"))).status()).isEqualTo(ReadingStatus.OVERLOAD);
        assertThat(codec.interpret(frame(ascii("9.9E37\n"))).status()).isEqualTo(ReadingStatus.OVERLOAD);
    }

    @Test
    void reportsNotANumberAsNotANumber() {
        assertThat(codec.interpret(frame(ascii("+9.91000000E+37\n"))).status()).isEqualTo(ReadingStatus.NOT_A_NUMBER);
    }

    /** SCPI-99 Vol 1 7.2.1.5: any magnitude from 9.9E37 up is an overload, whatever digits a float printed. */
    @ParameterizedTest
    @CsvSource({"9.90000030209633e+37", "+9.9E+37", "1e38", "-9.90000030209633e+37", "inf", "+inf", "-inf", "INF", "Infinity"})
    void recognisesOverloadAsFirmwareAndLibrariesPrintIt(String text) {
        DeviceReading reading = codec.interpret(frame(ascii(text + "\n")));

        assertThat(reading.status()).isEqualTo(ReadingStatus.OVERLOAD);
        assertThat(reading.value()).isNull();
    }

    /** 9.91E37 is not-a-number; a float keeps it as 9.91000025e+37. */
    @ParameterizedTest
    @CsvSource({"9.91000025e+37", "+9.91E37", "nan", "NaN", "-nan", "NAN"})
    void recognisesNotANumberAsFirmwareAndLibrariesPrintIt(String text) {
        assertThat(codec.interpret(frame(ascii(text + "\n"))).status()).isEqualTo(ReadingStatus.NOT_A_NUMBER);
    }

    @ParameterizedTest
    @CsvSource({"1.23,1.23", "1e-07,0.0000001", "+1.23000000E+00,1.23", "-0.000123,-0.000123", "9.8e37,9.8E37"})
    void readsTheNumberFormatsRealMetersPrint(String text, String value) {
        DeviceReading reading = codec.interpret(frame(ascii(text + "\n")));

        assertThat(reading.status()).isEqualTo(ReadingStatus.STABLE);
        assertThat(reading.value()).isEqualByComparingTo(value);
    }

    @Test
    void aNotANumberAmongSeveralReadingsMakesTheWholeReadingNotANumber() {
        assertThat(codec.interpret(frame(ascii("1.0,nan,1.1\n"))).status()).isEqualTo(ReadingStatus.NOT_A_NUMBER);
    }

    @Test
    void readsTheIdentificationIncludingTheReferenceParsersVector() {
        assertThat(codec.decodeReply("*IDN?", ascii("MA,IN,0,VER\r\n"))).isEqualTo(new Identification("MA", "IN", "0", "VER"));
        assertThat(codec.decodeReply("*idn?", ascii("KEITHLEY INSTRUMENTS INC.,MODEL 2110,1234567,02.03-03-20\n")))
                .isEqualTo(new Identification("KEITHLEY INSTRUMENTS INC.", "MODEL 2110", "1234567", "02.03-03-20"));
        assertThat(codec.decodeReply("*IDN?", ascii("MA,IN,0\n")))
                .isEqualTo(new Malformed("*IDN? answer must have 4 comma-separated fields, had 3: 'MA,IN,0'"));
    }

    @Test
    void readsErrorQueueEntries() {
        assertThat(codec.decodeReply("SYST:ERR?", ascii("-113,\"Undefined header;ABCD\"\r\n")))
                .isEqualTo(new ErrorEntry(-113, "Undefined header;ABCD"));
        assertThat(codec.decodeReply("SYSTem:ERRor:NEXT?", ascii("0,\"No error\"\n")))
                .isEqualTo(new ErrorEntry(0, "No error"))
                .satisfies(e -> assertThat(((ErrorEntry) e).isNoError()).isTrue());
        assertThat(codec.decodeReply("SYST:ERR?", ascii("+1.00000000E+01\n")))
                .isEqualTo(new Malformed("error queue entry must be <code>,\"<message>\": '+1.00000000E+01'"));
    }

    @Test
    void decodesWithoutTheQuestionByTheShapeOfTheAnswer() {
        assertThat(codec.decode(ascii("-113,\"Undefined header\"\n"))).isEqualTo(new ErrorEntry(-113, "Undefined header"));
        assertThat(codec.decode(ascii("1\n"))).isEqualTo(new Readings(List.of(BigDecimal.ONE)));
        assertThat(codec.decode(ascii("MA,IN,0,VER\n"))).isEqualTo(new Identification("MA", "IN", "0", "VER"));
        assertThat(codec.decode(ascii("\"VOLT:DC\"\n"))).isEqualTo(new Text("\"VOLT:DC\""));
    }

    /** Error-queue answers are frames like any other: the server shows them (issue 10 §3). */
    @Test
    void readsErrorQueueAnswersAsDeviceErrorsAndTheEmptyQueueAsAnAnswer() {
        DeviceReading error = codec.interpret(frame(ascii("-113,\"Undefined header\"\n")));
        assertThat(error.status()).isEqualTo(ReadingStatus.DEVICE_ERROR);
        assertThat(error.rejectReason()).isEqualTo("the device reports error -113, \"Undefined header\"");
        assertThat(codec.interpret(frame(ascii("0,\"No error\"\n"))).status()).isEqualTo(ReadingStatus.DEVICE_ANSWER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'+1.0000000'|frame does not end with LF, so it is incomplete or too long (10 bytes)",
            "'+1.0E+01V\n'|'+1.0E+01V' is not a list of NR1/NR2/NR3 numbers",
            "'1.0,,2.0\n'|'1.0,,2.0' is not a list of NR1/NR2/NR3 numbers",
            "'\n'|blank line"})
    void reportsMalformedReadingsWithAReason(String line, String reason) {
        DeviceReading reading = codec.interpret(frame(ascii(line)));

        assertThat(reading.status()).isEqualTo(ReadingStatus.MALFORMED);
        assertThat(reading.rejectReason()).isEqualTo(reason);
    }

    @Test
    void reportsGarbageBytes() {
        DeviceReading reading = codec.interpret(frame(new byte[] {'#', 0x00, (byte) 0xFF, '\n'}));

        assertThat(reading.rejectReason()).isEqualTo("byte 0x00 at position 2 is not printable ASCII");
    }

    @Test
    void takesFunctionAndUnitFromTheCommandsOfTheEndpoint() {
        assertThat(ScpiCodec.forCommands(null, "READ?", "CONF:RES 1000")).isEqualTo(new ScpiCodec("RES", "Ω"));
        assertThat(ScpiCodec.forCommands(null, "MEASure:CURRent?")).isEqualTo(new ScpiCodec("CURR:DC", "A"));
        assertThat(ScpiCodec.forCommands("mV", "READ?")).isEqualTo(new ScpiCodec("VOLT:DC", "mV"));
        assertThatThrownBy(() -> ScpiCodec.forCommands(null, "MEAS:DIOD?"))
                .hasMessage("the unit of SCPI function DIOD is not known; give it with unit=");
    }

    @Test
    void onlyQueriesExpectAnAnswer() {
        assertThat(codec.expectsReply("*RST")).isFalse();
        assertThat(codec.expectsReply("CONF:VOLT:DC 10")).isFalse();
        assertThat(codec.expectsReply("*IDN?")).isTrue();
        assertThat(codec.isReadingCommand("READ?")).isTrue();
        assertThat(codec.isReadingCommand("meas:volt:dc? 10,0.001")).isTrue();
        assertThat(codec.isReadingCommand("*IDN?")).isFalse();
        assertThat(codec.encodeCommand("MEAS:VOLT:DC? 10,0.001")).isEqualTo(ascii("MEAS:VOLT:DC? 10,0.001\n"));
    }

    @Test
    void formatsReadingsLikeA34401A() {
        assertThat(ScpiNumbers.formatReading(BigDecimal.TEN)).isEqualTo("+1.00000000E+01");
        assertThat(ScpiNumbers.formatReading(ScpiNumbers.OVERLOAD)).isEqualTo("+9.90000000E+37");
        assertThat(ScpiNumbers.formatReading(new BigDecimal("-0.001234"))).isEqualTo("-1.23400000E-03");
    }

    private static RawFrame frame(byte[] bytes) {
        return new RawFrame("dmm-1", 1, Instant.parse("2025-03-01T08:00:00Z"), bytes);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
