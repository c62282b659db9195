package org.jiliang.instrument.sbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SbiCommandTest {

    @Test
    void readsTheWaysACommandIsWritten() {
        assertThat(SbiCommand.parse("P")).isEqualTo(SbiCommand.PRINT);
        assertThat(SbiCommand.parse("ESC P")).isEqualTo(SbiCommand.PRINT);
        assertThat(SbiCommand.parse("\u001BP\r\n")).isEqualTo(SbiCommand.PRINT);
        assertThat(SbiCommand.parse("ESC x2_")).isEqualTo(SbiCommand.PRINT_SERIAL_NUMBER);
        assertThat(SbiCommand.PRINT).hasToString("ESC P");
    }

    @Test
    void refusesWhatIsNoSbiCommand() {
        assertThatThrownBy(() -> SbiCommand.parse("p")).hasMessageContaining("'p' is not an SBI command");
        assertThatThrownBy(() -> SbiCommand.parse("PP")).hasMessageContaining("is not an SBI command");
        assertThatThrownBy(() -> SbiCommand.parse("x1")).hasMessageContaining("is not an SBI command");
    }

    @Test
    void onlyPrintCommandsAreAnswered() {
        assertThat(SbiCommand.PRINT.expectsReply()).isTrue();
        assertThat(SbiCommand.PRINT_MODEL.expectsReply()).isTrue();
        assertThat(SbiCommand.TARE.expectsReply()).isFalse();
        assertThat(SbiCommand.INTERNAL_CALIBRATION.expectsReply()).isFalse();
    }

    @Test
    void theBalanceSideCutsCommandsOutOfAnyByteStream() {
        SbiCommandFramer framer = new SbiCommandFramer();
        byte[] stream = "\u001BP\r\n\u001Bx1_\u001BT\u001BP".getBytes(StandardCharsets.US_ASCII);

        for (byte b : stream) {
            framer.feed(new byte[] {b});
        }

        List<String> commands = new ArrayList<>();
        for (var frame = framer.nextFrame(); frame.isPresent(); frame = framer.nextFrame()) {
            commands.add(SbiCommand.parse(new String(frame.get(), StandardCharsets.US_ASCII)).toString());
        }
        assertThat(commands).containsExactly("ESC P", "ESC x1_", "ESC T", "ESC P");
        assertThat(framer.pendingBytes()).isZero();
    }
}
