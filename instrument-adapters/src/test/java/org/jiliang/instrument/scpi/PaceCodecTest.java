package org.jiliang.instrument.scpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jiliang.instrument.codec.DeviceCodecs;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.DeviceIdentity;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.Quantity;
import org.jiliang.instrument.reading.ReadingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Druck PACE answers as the instrument sends them (PACE Series SCPI Remote Communications Manual K0472): the header
 * echoed before the value, or the bare value; the unit is the one the instrument named.
 */
class PaceCodecTest {

    private final ScpiCodec codec = ScpiCodec.pace("kPa");

    @Test
    void readsThePressureAfterTheEchoedHeaderInTheUnitTheInstrumentNamed() {
        DeviceReading reading = codec.interpretAnswer(frame(":SENS:PRES 100.0000000\n"), pressureIn("kPa"));

        assertThat(reading.status()).isEqualTo(ReadingStatus.STABLE);
        assertThat(reading.quantities()).containsExactly(new Quantity("PRES", new BigDecimal("100.0000000"), "kPa"));
    }

    @Test
    void readsABareNumberAsSomeFirmwareSendsIt() {
        DeviceReading reading = codec.interpretAnswer(frame("13.3322387\r\n"), pressureIn("kPa"));

        assertThat(reading.quantities()).containsExactly(new Quantity("PRES", new BigDecimal("13.3322387"), "kPa"));
    }

    @Test
    void namesTheReadingInMillimetresOfMercuryWhenTheInstrumentReadsInThem() {
        DeviceReading mmHg = codec.interpretAnswer(frame(":SENS:PRES 100.0000000\n"), pressureIn("mmHg"));

        assertThat(mmHg.unit()).isEqualTo("mmHg");
        assertThat(mmHg.value()).isEqualByComparingTo("100");
        assertThat(codec.interpretAnswer(frame(":SENS:PRES 100.0000000\n"), pressureIn("kPa")).unit()).isEqualTo("kPa");
    }

    @Test
    void aPressureWhoseUnitNobodyToldIsNotAReading() {
        DeviceReading reading = codec.interpretAnswer(frame(":SENS:PRES 100.0000000\n"), Answered.to(":SENS:PRES?"));

        assertThat(reading.status()).isEqualTo(ReadingStatus.MALFORMED);
        assertThat(reading.rejectReason())
                .isEqualTo("the answer to :SENS:PRES? has no known unit: the PACE did not name kPa or mmHg when asked :UNIT:PRES?");
        assertThat(codec.interpretAnswer(frame(":SENS:PRES 100.0000000\n"), pressureIn("bar")).status())
                .isEqualTo(ReadingStatus.MALFORMED);
    }

    /** The SCPI special values, read as the multimeter codec reads them. */
    @ParameterizedTest
    @CsvSource({
            "':SENS:PRES 9.9000000E+37',OVERLOAD", "':SENS:PRES -9.9000000E+37',OVERLOAD", "'9.90000030209633e+37',OVERLOAD",
            "':SENS:PRES inf',OVERLOAD", "':SENS:PRES 9.91E37',NOT_A_NUMBER", "':SENS:PRES nan',NOT_A_NUMBER"})
    void readsOverloadAndNotANumberAsTheScpiConventionsSay(String line, ReadingStatus status) {
        DeviceReading reading = codec.interpretAnswer(frame(line + "\n"), pressureIn("kPa"));

        assertThat(reading.status()).isEqualTo(status);
        assertThat(reading.value()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "':SENS:PRES 100.0 kPa\n'|'100.0 kPa' is not a list of NR1/NR2/NR3 numbers",
            "':SENS:PRES:CORR:HEAD AIR, -0.7500000\n'|the answer echoes :SENS:PRES:CORR:HEAD, not the header of :SENS:PRES?: ':SENS:PRES:CORR:HEAD AIR, -0.7500000'",
            "':SENS:PRES \n'|'' is not a list of NR1/NR2/NR3 numbers",
            "':SENS:PRES 100.00'|frame does not end with LF, so it is incomplete or too long (17 bytes)"})
    void keepsWhyAMalformedAnswerIsNoReading(String line, String reason) {
        DeviceReading reading = codec.interpretAnswer(frame(line), pressureIn("kPa"));

        assertThat(reading.status()).isEqualTo(ReadingStatus.MALFORMED);
        assertThat(reading.rejectReason()).isEqualTo(reason);
        assertThat(reading.frame().text()).isEqualTo(line);
    }

    @Test
    void aFrameReadWithoutItsCommandTakesTheUnitTheProfileSelected() {
        ScpiCodec mmHg = (ScpiCodec) DeviceCodecs.forProfile("pace", null, null, ":SENS:PRES?", ":UNIT:PRES MMHG");

        assertThat(mmHg).isEqualTo(ScpiCodec.pace("mmHg"));
        assertThat(mmHg.interpret(frame(":SENS:PRES 75.0061683\n")).quantities())
                .containsExactly(new Quantity("PRES", new BigDecimal("75.0061683"), "mmHg"));
        assertThat(DeviceCodecs.forProfile("pace", null, null, ":SENS:PRES?", null)).isEqualTo(ScpiCodec.pace("kPa"));
        assertThat(DeviceCodecs.forProfile("pace", "mmHg", null)).isEqualTo(ScpiCodec.pace("mmHg"));
        assertThatThrownBy(() -> DeviceCodecs.forProfile("pace", "bar", null))
                .hasMessage("a PACE pressure standard is read in kPa or mmHg, not bar");
    }

    @Test
    void speaksAsAPaceAndNotAsAMultimeter() {
        assertThat(codec.protocolName()).isEqualTo("pace");
        assertThat(codec.defaultPollCommand()).isEqualTo(":SENS:PRES?");
        assertThat(codec.isReadingCommand(":SENSe:PRESsure?")).isTrue();
        assertThat(codec.isReadingCommand("READ?")).isFalse();
        assertThat(codec.isReadingCommand(":UNIT:PRES?")).isFalse();
        assertThat(codec.expectsReply(":UNIT:PRES KPA")).isFalse();
        assertThat(codec.expectedUnits()).containsExactly("kPa", "mmHg");
        assertThat(codec.encodeCommand(":UNIT:PRES KPA")).isEqualTo(ascii(":UNIT:PRES KPA\n"));
        assertThat(new ScpiCodec().isReadingCommand(":SENS:PRES?")).isFalse();
        assertThat(codec).isNotEqualTo(new ScpiCodec("PRES", "kPa"));
    }

    @Test
    void readsTheIdentityTheErrorQueueAndTheRange() {
        assertThat(codec.identityIn(ascii("GE Druck,PACE1000,SIM0000001,1.0\n")))
                .contains(new DeviceIdentity("PACE1000", "SIM0000001", "1.0"));
        assertThat(codec.decodeReply(":SYST:ERR?", ascii("-113,\"Undefined header\"\n")))
                .isEqualTo(new ScpiResponse.ErrorEntry(-113, "Undefined header"));
        assertThat(codec.decodeReply(":SYST:ERR?", ascii(":SYST:ERR -224,\"Illegal parameter value\"\n")))
                .isEqualTo(new ScpiResponse.ErrorEntry(-224, "Illegal parameter value"));
        assertThat(codec.decodeReply(":INST:LIM?", ascii(":INST:LIM \"70 kPa G\",70.0000000,0.0000000\n")))
                .isEqualTo(new ScpiResponse.Text("\"70 kPa G\",70.0000000,0.0000000"));
        DeviceReading range = codec.interpretAnswer(frame(":INST:LIM \"70 kPa G\",70.0000000,0.0000000\n"),
                Answered.to(":INST:LIM?"));
        assertThat(range.status()).isEqualTo(ReadingStatus.DEVICE_ANSWER);
    }

    @Test
    void theDialogueAsksTheUnitBeforeThePressureAndAgainAfterEveryUnitCommand() {
        ScpiDialogue dialogue = codec.newDialogue();
        assertThat(dialogue.questionsBefore(":SENS:PRES?")).containsExactly(":UNIT:PRES?");

        dialogue.sent(":UNIT:PRES?");
        dialogue.interpret(":UNIT:PRES?", frame(":UNIT:PRES MMHG\n"));
        assertThat(dialogue.questionsBefore(":SENS:PRES?")).isEmpty();
        assertThat(dialogue.settingFor(":SENS:PRES?")).isEqualTo("mmHg");
        assertThat(dialogue.interpret(":SENS:PRES?", frame(":SENS:PRES 100.0000000\n")).unit()).isEqualTo("mmHg");

        // the instrument may refuse the command: it is asked which unit it took
        dialogue.sent(":UNIT:PRES KPA");
        assertThat(dialogue.settingFor(":SENS:PRES?")).isNull();
        assertThat(dialogue.questionsBefore(":SENS:PRES?")).containsExactly(":UNIT:PRES?");
        dialogue.interpret(":UNIT:PRES?", frame("KPA\n"));
        assertThat(dialogue.settingFor(":SENS:PRES?")).isEqualTo("kPa");

        // a unit not read here leaves the unit unknown, and it is asked again
        dialogue.interpret(":UNIT:PRES?", frame(":UNIT:PRES BAR\n"));
        assertThat(dialogue.questionsBefore(":SENS:PRES?")).containsExactly(":UNIT:PRES?");
        assertThat(dialogue.interpret(":SENS:PRES?", frame(":SENS:PRES 1.0000000\n")).status())
                .isEqualTo(ReadingStatus.MALFORMED);
    }

    private static Answered pressureIn(String unit) {
        return new Answered(":SENS:PRES?", unit, List.of(), false);
    }

    private static RawFrame frame(String text) {
        return new RawFrame("pace-1", 1, Instant.parse("2025-03-01T08:00:00Z"), ascii(text));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
