package org.jiliang.instrument.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SerialSettingsTest {

    @Test
    void readsTheNotationOfDeviceManuals() {
        assertThat(SerialSettings.parse("4800 E 7 1"))
                .isEqualTo(new SerialSettings(4800, 7, SerialSettings.Parity.EVEN, SerialSettings.StopBits.ONE));
        assertThat(SerialSettings.parse("9600 n 8 2")).hasToString("9600 N 8 2");
        assertThat(SerialSettings.DEFAULT).hasToString("9600 N 8 1");
    }

    @Test
    void readsParityAndStopBitsByName() {
        assertThat(SerialSettings.Parity.parse("odd")).isEqualTo(SerialSettings.Parity.ODD);
        assertThat(SerialSettings.Parity.parse("Space")).isEqualTo(SerialSettings.Parity.SPACE);
        assertThat(SerialSettings.StopBits.parse("1.5")).isEqualTo(SerialSettings.StopBits.ONE_POINT_FIVE);
    }

    @Test
    void refusesImpossibleSettings() {
        assertThatThrownBy(() -> SerialSettings.parse("9600 X 8 1")).hasMessage("parity must be none, odd, even, mark or space: 'X'");
        assertThatThrownBy(() -> SerialSettings.parse("9600 N 9 1")).hasMessage("data bits must be 5 to 8: 9");
        assertThatThrownBy(() -> SerialSettings.parse("9600 N 8 3")).hasMessage("stop bits must be 1, 1.5 or 2: '3'");
        assertThatThrownBy(() -> SerialSettings.parse("fast")).hasMessageStartingWith("serial settings are 'baud parity data stop'");
        assertThatThrownBy(() -> new SerialSettings(0, 8, SerialSettings.Parity.NONE, SerialSettings.StopBits.ONE))
                .hasMessage("baud rate must be positive: 0");
    }
}
