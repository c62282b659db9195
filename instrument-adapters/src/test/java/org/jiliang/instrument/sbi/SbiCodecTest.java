package org.jiliang.instrument.sbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.sbi.SbiResponse.Malformed;
import org.jiliang.instrument.sbi.SbiResponse.Status;
import org.jiliang.instrument.sbi.SbiResponse.Text;
import org.jiliang.instrument.sbi.SbiResponse.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte-exact SBI output lines (protocols.md 4.2), good and malformed. */
class SbiCodecTest {

    private final SbiCodec codec = new SbiCodec();

    @Test
    void readsTheReferenceExampleByteForByte() {
        // +123.56 g as given in the reference: 2B 20 20 20 31 32 33 2E 35 36 20 67 20 20 0D 0A
        byte[] bytes = {0x2B, 0x20, 0x20, 0x20, 0x31, 0x32, 0x33, 0x2E, 0x35, 0x36, 0x20, 0x67, 0x20, 0x20, 0x0D, 0x0A};

        assertThat(codec.decode(bytes)).isEqualTo(new Value("", new BigDecimal("123.56"), "g", false));
        DeviceReading reading = codec.interpret(frame(bytes));
        assertThat(reading.status()).isEqualTo(ReadingStatus.STABLE);
        assertThat(reading.value()).isEqualTo(new BigDecimal("123.56"));
        assertThat(reading.unit()).isEqualTo("g");
        assertThat(reading.quantities()).singleElement().satisfies(q -> assertThat(q.name()).isEqualTo("mass"));
    }

    @Test
    void readsThe22CharacterFormatWithItsIdentificationCode() {
        assertThat(codec.decode(ascii("N     +   123.56 g  \r\n"))).isEqualTo(new Value("N", new BigDecimal("123.56"), "g", false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'-     12.5 kg \r\n'|-12.5|kg",
            "'      1234 g  \r\n'|1234|g",
            "'+     5000 ct \r\n'|5000|ct",
            "'+     0.00 g  \r\n'|0.00|g",
            "'+   123.56 g  \n'|123.56|g"})
    void readsSignsValuesWithoutDecimalPointAndABareLf(String line, String value, String unit) {
        assertThat(codec.decode(ascii(line))).isEqualTo(new Value("", new BigDecimal(value), unit, false));
    }

    @Test
    void keepsTheMarkOfANonVerifiedDigit() {
        assertThat(codec.decode(ascii("+[  123.56]g  \r\n"))).isEqualTo(new Value("", new BigDecimal("123.56"), "g", true));
    }

    @Test
    void readsAMissingUnitAsNotStableByDefault() {
        DeviceReading reading = codec.interpret(frame(ascii("+   123.56    \r\n")));

        assertThat(reading.status()).isEqualTo(ReadingStatus.DYNAMIC);
        assertThat(reading.value()).isEqualTo(new BigDecimal("123.56"));
        assertThat(reading.unit()).isEqualTo("g");
        assertThat(reading.isUsable()).isFalse();
    }

    @Test
    void canBeToldToRejectAMissingUnit() {
        SbiCodec strict = new SbiCodec("kg", SbiCodec.MissingUnit.MALFORMED);

        DeviceReading reading = strict.interpret(frame(ascii("+   123.56    \r\n")));

        assertThat(reading.status()).isEqualTo(ReadingStatus.MALFORMED);
        assertThat(reading.rejectReason()).isEqualTo("weight line without a unit: '+   123.56'");
    }

    @Test
    void readsStatCodes() {
        assertThat(codec.decode(ascii("Stat     High       \r\n"))).isEqualTo(new Status(Status.Kind.HIGH, "High", null));
        assertThat(codec.decode(ascii("Stat     Low        \r\n"))).isEqualTo(new Status(Status.Kind.LOW, "Low", null));
        assertThat(codec.decode(ascii("Stat     ERR 101\r\n"))).isEqualTo(new Status(Status.Kind.ERROR, "ERR 101", 101));
        assertThat(codec.decode(ascii("Stat     Cal.Ext.   \r\n"))).isEqualTo(new Status(Status.Kind.OTHER, "Cal.Ext.", null));
    }

    @Test
    void turnsStatCodesIntoReadingStatuses() {
        assertThat(codec.interpret(frame(ascii("Stat     High       \r\n"))).status()).isEqualTo(ReadingStatus.OVERLOAD);
        assertThat(codec.interpret(frame(ascii("Stat     Low        \r\n"))).status()).isEqualTo(ReadingStatus.UNDERLOAD);
        DeviceReading error = codec.interpret(frame(ascii("Stat     ERR 101\r\n")));
        assertThat(error.status()).isEqualTo(ReadingStatus.DEVICE_ERROR);
        assertThat(error.rejectReason()).isEqualTo("balance reported error 101 (Stat ERR)");
    }

    @Test
    void takesOtherLinesForText() {
        assertThat(codec.decode(ascii("ENTRIS224I-1S\r\n"))).isEqualTo(new Text("ENTRIS224I-1S"));
        assertThat(codec.interpret(frame(ascii("ENTRIS224I-1S\r\n"))).rejectReason())
                .isEqualTo("not an SBI weight line: 13 characters before CR LF where a weight line has 14 or 20: 'ENTRIS224I-1S'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'*   123.56 g  \r\n'|position 1 must be the sign (+, - or space), was '*' in '*   123.56 g  '",
            "'+ 123.56   g  \r\n'|the value field '123.56  ' is not a right-aligned decimal number",
            "'+   12x.56 g  \r\n'|the value field '  12x.56' is not a right-aligned decimal number",
            "'+          g  \r\n'|the value field (positions 3-10) is blank in '+          g  '",
            "'+   123.56  g \r\n'|the unit field ' g ' is not left-aligned",
            "'+[  123.56 g  \r\n'|positions 2 and 11 must be spaces or [ and ], were '[' and ' ' in '+[  123.56 g  '",
            "'+   123.56 g  '|frame does not end with CR LF, so it is incomplete or too long (14 bytes)",
            "'Stat\r\n'|'Stat' without a status code",
            "'\r\n'|blank line"})
    void reportsMalformedLinesWithAReason(String line, String reason) {
        assertThat(codec.decode(ascii(line))).isEqualTo(new Malformed(reason));
        DeviceReading reading = codec.interpret(frame(ascii(line)));
        assertThat(reading.status()).isEqualTo(ReadingStatus.MALFORMED);
        assertThat(reading.rejectReason()).isEqualTo(reason);
        assertThat(reading.frame().bytes()).isEqualTo(ascii(line));
    }

    @Test
    void reportsGarbageBytes() {
        byte[] garbage = {'#', '@', 0x00, (byte) 0xFF, '\r', '\n'};

        assertThat(codec.decode(garbage)).isEqualTo(new Malformed("byte 0x00 at position 3 is not printable ASCII"));
        assertThat(codec.decode(new byte[0])).isEqualTo(new Malformed("empty frame"));
    }

    @Test
    void encodesEscCommandsWithoutLineEnd() {
        assertThat(codec.encodeCommand("P")).containsExactly(0x1B, 'P');
        assertThat(codec.encodeCommand("ESC T")).containsExactly(0x1B, 'T');
        assertThat(codec.encodeCommand("x1_")).containsExactly(0x1B, 'x', '1', '_');
        assertThat(codec.isReadingCommand("P")).isTrue();
        assertThat(codec.isReadingCommand("T")).isFalse();
        assertThat(codec.expectsReply("T")).isFalse();
        assertThat(codec.expectsReply("x2_")).isTrue();
        assertThat(codec.defaultPollCommand()).isEqualTo("P");
    }

    private static RawFrame frame(byte[] bytes) {
        return new RawFrame("sbi-1", 1, Instant.parse("2025-03-01T08:00:00Z"), bytes);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
