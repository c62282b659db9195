package org.jiliang.instrument.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RawFrameTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void keepsTheBytesIncludingTheTerminatorEvenIfTheCallerChangesItsArray() {
        byte[] bytes = "S S     100.00 g\r\n".getBytes(StandardCharsets.US_ASCII);
        RawFrame frame = new RawFrame("balance-1", 1, RECEIVED, bytes);

        bytes[0] = 'X';
        frame.bytes()[1] = 'X';

        assertThat(frame.bytes()).isEqualTo("S S     100.00 g\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(frame.length()).isEqualTo(18);
    }

    @Test
    void showsBytesAsHexAndAsText() {
        RawFrame frame = new RawFrame("balance-1", 1, RECEIVED, new byte[] {'Z', ' ', 'A', 0x0D, 0x0A});

        assertThat(frame.hex()).isEqualTo("5A 20 41 0D 0A");
        assertThat(frame.text()).isEqualTo("Z A\r\n");
    }

    @Test
    void showsEveryByteOfAGarbledFrameAsOneCharacter() {
        RawFrame frame = new RawFrame("balance-1", 1, RECEIVED, new byte[] {(byte) 0xB5, 'g', (byte) 0xFF});

        assertThat(frame.text()).hasSize(3).isEqualTo("µgÿ");
        assertThat(frame.hex()).isEqualTo("B5 67 FF");
    }

    @Test
    void framesWithTheSameContentAreEqual() {
        RawFrame one = new RawFrame("balance-1", 7, RECEIVED, "S +\r\n".getBytes(StandardCharsets.US_ASCII));
        RawFrame same = new RawFrame("balance-1", 7, RECEIVED, "S +\r\n".getBytes(StandardCharsets.US_ASCII));
        RawFrame otherBytes = new RawFrame("balance-1", 7, RECEIVED, "S -\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(otherBytes);
        assertThat(one.toString()).contains("53 20 2B 0D 0A");
    }

    @Test
    void refusesAFrameWithoutDeviceOrWithANegativeSequence() {
        assertThatThrownBy(() -> new RawFrame(" ", 1, RECEIVED, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RawFrame("balance-1", -1, RECEIVED, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
