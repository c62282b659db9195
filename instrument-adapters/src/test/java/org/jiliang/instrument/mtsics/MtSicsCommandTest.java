package org.jiliang.instrument.mtsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MtSicsCommandTest {

    @Test
    void encodesCommandsAsAsciiEndingInCrLf() {
        assertThat(MtSicsCommand.SI.encode()).isEqualTo(new byte[] {'S', 'I', 0x0D, 0x0A});
        assertThat(MtSicsCommand.RESET.encode()).isEqualTo(new byte[] {'@', 0x0D, 0x0A});
        assertThat(MtSicsCommand.TAC.encode()).isEqualTo("TAC\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(MtSicsCommand.presetTare(new BigDecimal("100.00"), "g").encode())
                .isEqualTo("TA 100.00 g\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void parsesCommandTextWithParametersAndQuotedText() {
        assertThat(MtSicsCommand.parse("Z")).isEqualTo(MtSicsCommand.Z);
        assertThat(MtSicsCommand.parse(" SI\r\n")).isEqualTo(MtSicsCommand.SI);
        assertThat(MtSicsCommand.parse("TA  100.00 g").parameters()).containsExactly("100.00", "g");
        assertThat(MtSicsCommand.parse("D \"Hello world\"").text()).isEqualTo("D \"Hello world\"");
    }

    @Test
    void onlySAndSiAreSingleWeightQueries() {
        assertThat(MtSicsCommand.S.isWeightQuery()).isTrue();
        assertThat(MtSicsCommand.SI.isWeightQuery()).isTrue();
        assertThat(MtSicsCommand.SIR.isWeightQuery()).isFalse();
        assertThat(MtSicsCommand.Z.isWeightQuery()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "si", "S\r\nZ", "D \"open", "\"I4\"", "S\u00b5"})
    void refusesTextThatIsNotOneWellFormedCommand(String text) {
        assertThatThrownBy(() -> MtSicsCommand.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MT-SICS");
    }
}
