package org.jiliang.instrument.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FixedLengthFramerTest {

    @Test
    void cutsEveryNBytesWhateverTheyContain() {
        FixedLengthFramer framer = new FixedLengthFramer(16);

        framer.feed(ascii("+   123.56 g  \r\n-     12.5 kg \r\n+  "));

        assertThat(frames(framer)).containsExactly("+   123.56 g  \r\n", "-     12.5 kg \r\n");
        assertThat(framer.pendingBytes()).isEqualTo(3);
        assertThat(framer.takePending()).isEqualTo(ascii("+  "));
        assertThat(framer.maxFrameLength()).isEqualTo(16);
    }

    @Test
    void assemblesBytesDrippingOneAtATime() {
        FixedLengthFramer framer = new FixedLengthFramer(4);

        for (byte b : ascii("ABCDEFGH")) {
            framer.feed(new byte[] {b});
        }

        assertThat(frames(framer)).containsExactly("ABCD", "EFGH");
    }

    @Test
    void needsAPositiveLength() {
        assertThatThrownBy(() -> new FixedLengthFramer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> frames(Framer framer) {
        List<String> frames = new ArrayList<>();
        for (var frame = framer.nextFrame(); frame.isPresent(); frame = framer.nextFrame()) {
            frames.add(new String(frame.get(), StandardCharsets.US_ASCII));
        }
        return frames;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
