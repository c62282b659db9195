package org.jiliang.instrument.vaisala;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.Quantity;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.vaisala.VaisalaResponse.Field;
import org.jiliang.instrument.vaisala.VaisalaResponse.Malformed;
import org.jiliang.instrument.vaisala.VaisalaResponse.Measurement;
import org.jiliang.instrument.vaisala.VaisalaResponse.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages as printed in the Vaisala PTU300 User's Guide M210796EN (chapter 4, SEND, R and FORM
 * examples) and the HMT330 User's Guide M210566EN (FORM examples), good and malformed.
 */
class VaisalaCodecTest {

    private final VaisalaCodec codec = new VaisalaCodec();

    @Test
    void readsTheDefaultPtu300MessageOfTheManualIntoThreeQuantities() {
        DeviceReading reading = codec.interpret(frame("P= 1013.2 hPa T= 31.1 'C RH= 38.3 %RH\r\n"));

        assertThat(reading.status()).isEqualTo(ReadingStatus.STABLE);
        assertThat(reading.quantities()).containsExactly(
                new Quantity("P", new BigDecimal("1013.2"), "hPa"),
                new Quantity("T", new BigDecimal("31.1"), "'C"),
                new Quantity("RH", new BigDecimal("38.3"), "%RH"));
        assertThat(reading.value()).isEqualTo(new BigDecimal("1013.2"));
        assertThat(reading.unit()).isEqualTo("hPa");
        assertThat(reading.quantity("RH")).map(Quantity::value).contains(new BigDecimal("38.3"));
        assertThat(reading.isUsable()).isTrue();
    }

    @Test
    void readsOtherManualExamplesWhateverTheirSpacing() {
        assertThat(codec.decode(ascii("P= 1021.6 hPa T= 23.3 'C RH= 5.7 %RH\r\n")))
                .isEqualTo(new Measurement(List.of(field("P", "1021.6", "hPa"), field("T", "23.3", "'C"), field("RH", "5.7", "%RH"))));
        // FORM "RH=" 4.2 rh U5 #t "T=" t U3 #r #n: unit glued to the value, a tab between groups.
        assertThat(codec.decode(ascii("RH= 14.98%RH\tT= 74.68'F\r\n")))
                .isEqualTo(new Measurement(List.of(field("RH", "14.98", "%RH"), field("T", "74.68", "'F"))));
        assertThat(codec.decode(ascii("Tdf= 0.5 'C x= 4.0 g/kg SSR= 22.4 % Ts= 23.1 'C\r\n")))
                .isEqualTo(new Measurement(List.of(field("Tdf", "0.5", "'C"), field("x", "4.0", "g/kg"),
                        field("SSR", "22.4", "%"), field("Ts", "23.1", "'C"))));
        assertThat(codec.decode(ascii("P=   1013.2 hPa   T=  -5.3 'C\r\n")))
                .isEqualTo(new Measurement(List.of(field("P", "1013.2", "hPa"), field("T", "-5.3", "'C"))));
    }

    @Test
    void skipsThePromptPrintedWithEchoOn() {
        // The manual's example ">send" answered by ">RH= 14.98%RH T= 74.68'F".
        assertThat(codec.interpret(frame(">RH= 14.98%RH T= 74.68'F\r\n")).quantities()).extracting(Quantity::name)
                .containsExactly("RH", "T");
    }

    @Test
    void reportsStarsAsAValueThatIsNotAvailable() {
        String line = "P= 1013.2 hPa T= 23.1 'C RH= ***.* %RH\r\n";

        assertThat(((Measurement) codec.decode(ascii(line))).field("RH")).hasValueSatisfying(f -> {
            assertThat(f.isAvailable()).isFalse();
            assertThat(f.rawValue()).isEqualTo("***.*");
        });
        DeviceReading reading = codec.interpret(frame(line));
        assertThat(reading.status()).isEqualTo(ReadingStatus.DEVICE_ERROR);
        assertThat(reading.rejectReason())
                .isEqualTo("RH is not available: the transmitter printed '***.*' (measurement error or value out of range)");
    }

    @Test
    void takesLinesWithoutGroupsForText() {
        assertThat(codec.decode(ascii("Output intrv. : 5 s\r\n"))).isEqualTo(new Text("Output intrv. : 5 s"));
        assertThat(codec.decode(ascii("PTU300 / 1.10\r\n"))).isEqualTo(new Text("PTU300 / 1.10"));
        assertThat(codec.interpret(frame("PTU300 / 1.10\r\n")).rejectReason()).isEqualTo("not a measurement message: 'PTU300 / 1.10'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"P= 1013.2 hPa T= 23.1 'C RH= 38\"|frame does not end with CR LF, so it is incomplete or too long (31 bytes)",
            "\"P= 1013.2 hPa T= 2#.1 'C\r\n\"|'#.1 'C' is not a 'label= value unit' group (after 2 good ones)",
            "\"P= hPa\r\n\"|'P= hPa' is not a 'label= value unit' group",
            "\"= 1013.2 hPa\r\n\"|'= 1013.2 hPa' is not a 'label= value unit' group",
            "\"\r\n\"|blank line"})
    void reportsMalformedMessagesWithAReason(String line, String reason) {
        assertThat(codec.decode(ascii(line))).isEqualTo(new Malformed(reason));
        assertThat(codec.interpret(frame(line)).rejectReason()).isEqualTo(reason);
    }

    @Test
    void refusesAValueWithoutUnitAsReading() {
        assertThat(codec.interpret(frame("aw= 0.43\r\n")).rejectReason()).isEqualTo("aw= 0.43 has no unit");
    }

    @Test
    void sendsCommandsEndingInCr() {
        assertThat(codec.encodeCommand("send")).isEqualTo(ascii("SEND\r"));
        assertThat(codec.encodeCommand("INTV 5 s")).isEqualTo(ascii("INTV 5 s\r"));
        assertThat(codec.isReadingCommand("SEND")).isTrue();
        assertThat(codec.isReadingCommand("R")).isFalse();
        assertThat(codec.expectsReply("S")).isFalse();
        assertThat(codec.defaultPollCommand()).isEqualTo("SEND");
    }

    private static Field field(String label, String value, String unit) {
        return new Field(label, new BigDecimal(value), value, unit);
    }

    private static RawFrame frame(String text) {
        return new RawFrame("env-1", 1, Instant.parse("2025-03-01T08:00:00Z"), ascii(text));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
