package org.jiliang.instrument.scpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceIdentity;
import org.jiliang.instrument.reading.ReadingStatus;
import org.junit.jupiter.api.Test;

/** *IDN? (IEEE 488.2 10.14, protocols.md 4.3) read from the reply bytes alone. */
class ScpiIdentityTest {

    private final ScpiCodec codec = new ScpiCodec();

    @Test
    void asksStarIdn() {
        assertThat(codec.identityCommands()).containsExactly("*IDN?");
    }

    @Test
    void readsModelSerialNumberAndFirmware() {
        assertThat(codec.identityIn(ascii("KEITHLEY INSTRUMENTS INC.,MODEL 2110,1234567,02.03-03-20\r\n")))
                .contains(new DeviceIdentity("MODEL 2110", "1234567", "02.03-03-20"));
        assertThat(codec.interpret(frame("KEITHLEY INSTRUMENTS INC.,MODEL 2110,1234567,02.03-03-20\n")).status())
                .isEqualTo(ReadingStatus.IDENTITY);
    }

    @Test
    void aFieldZeroIsOneTheDeviceDoesNotTell() {
        assertThat(codec.identityIn(ascii("MA,IN,0,VER\r\n"))).contains(new DeviceIdentity("IN", null, "VER"));
    }

    @Test
    void fourReadingsAreNoIdentity() {
        String fourReadings = "+1.00000000E+01,+2.00000000E+01,+3.00000000E+01,+4.00000000E+01\n";
        assertThat(codec.identityIn(ascii(fourReadings))).isEmpty();
        assertThat(codec.interpret(frame(fourReadings)).status()).isEqualTo(ReadingStatus.STABLE);
    }

    @Test
    void aGarbledAnswerTellsNothing() {
        assertThat(codec.identityIn(ascii("MA,IN,0\n"))).isEmpty();
        assertThat(codec.interpret(frame("MA,IN,0\n")).status()).isEqualTo(ReadingStatus.MALFORMED);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static RawFrame frame(String text) {
        return new RawFrame("dmm-1", 1, Instant.parse("2026-01-01T00:00:00Z"), ascii(text));
    }
}
