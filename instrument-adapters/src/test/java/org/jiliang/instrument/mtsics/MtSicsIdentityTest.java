package org.jiliang.instrument.mtsics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceIdentity;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.junit.jupiter.api.Test;

/** Identity answers of MT-SICS (protocols.md 4.1: I2, I3, I4, and the I4 answer to @). */
class MtSicsIdentityTest {

    private final MtSicsCodec codec = new MtSicsCodec();

    @Test
    void asksForBalanceDataSoftwareVersionAndSerialNumber() {
        assertThat(codec.identityCommands()).containsExactly("I2", "I3", "I4");
    }

    @Test
    void readsTheSerialNumberFromI4AndFromTheAnswerToAReset() {
        assertThat(codec.identityIn(ascii("I4 A \"B207696838\"\r\n")))
                .contains(new DeviceIdentity(null, "B207696838", null));
    }

    @Test
    void readsTheModelFromI2ReadingTheTypeFromTheRightSinceItMayContainSpaces() {
        assertThat(codec.identityIn(ascii("I2 A \"WXS205SDU WXA-Bridge 220.00900 g\"\r\n")))
                .contains(new DeviceIdentity("WXS205SDU WXA-Bridge", null, null));
        assertThat(codec.identityIn(ascii("I2 A \"JL-SIM 6000 g\"\r\n")))
                .contains(new DeviceIdentity("JL-SIM", null, null));
        // without capacity and unit, the whole text is the type
        assertThat(codec.identityIn(ascii("I2 A \"XPE205\"\r\n"))).contains(new DeviceIdentity("XPE205", null, null));
    }

    @Test
    void readsTheSoftwareVersionFromI3() {
        assertThat(codec.identityIn(ascii("I3 A \"2.10 10.28.0.493.142\"\r\n")))
                .contains(new DeviceIdentity(null, null, "2.10 10.28.0.493.142"));
    }

    @Test
    void anIdentityAnswerIsAnIdentityFrameWithoutValueOrReason() {
        DeviceReading reading = codec.interpret(frame("I4 A \"B207696838\"\r\n"));

        assertThat(reading.status()).isEqualTo(ReadingStatus.IDENTITY);
        assertThat(reading.value()).isNull();
        assertThat(reading.rejectReason()).isNull();
        assertThat(reading.isUsable()).isFalse();
    }

    @Test
    void aRefusalIsADeviceErrorThatSaysWhichFieldWasNotTold() {
        DeviceReading refused = codec.interpret(frame("I4 I\r\n"));

        assertThat(refused.status()).isEqualTo(ReadingStatus.DEVICE_ERROR);
        assertThat(refused.rejectReason()).contains("serial number").contains("I4 I");
        assertThat(codec.identityIn(ascii("I4 I\r\n"))).isEmpty();
        assertThat(codec.interpret(frame("I2 L\r\n")).status()).isEqualTo(ReadingStatus.DEVICE_ERROR);
        assertThat(codec.interpret(frame("ES\r\n")).status()).isEqualTo(ReadingStatus.DEVICE_ERROR);
    }

    @Test
    void aGarbledIdentityAnswerIsMalformedAndTellsNothing() {
        assertThat(codec.interpret(frame("I4 A B207696838\r\n")).status()).isEqualTo(ReadingStatus.MALFORMED);
        assertThat(codec.identityIn(ascii("I4 A B207696838\r\n"))).isEmpty();
        assertThat(codec.interpret(frame("I4 A \"B2076\r\n")).status()).isEqualTo(ReadingStatus.MALFORMED);
        assertThat(codec.identityIn(ascii("I4 A \"B2076"))).isEmpty();
    }

    @Test
    void aWeightIsNoIdentity() {
        assertThat(codec.identityIn(ascii("S S     100.00 g\r\n"))).isEmpty();
        assertThat(codec.interpret(frame("S S     100.00 g\r\n")).status()).isEqualTo(ReadingStatus.STABLE);
    }

    @Test
    void answersOfOneConnectionJoinIntoOneIdentity() {
        DeviceIdentity identity = DeviceIdentity.UNKNOWN;
        for (String reply : new String[] {"I2 A \"XPE205 220.00 g\"\r\n", "I3 A \"1.2.3\"\r\n", "I4 A \"B021002593\"\r\n"}) {
            identity = identity.with(codec.identityIn(ascii(reply)).orElseThrow());
        }
        assertThat(identity).isEqualTo(new DeviceIdentity("XPE205", "B021002593", "1.2.3"));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static RawFrame frame(String text) {
        return new RawFrame("bal-1", 1, Instant.parse("2026-01-01T00:00:00Z"), ascii(text));
    }
}
