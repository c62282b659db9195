package org.jiliang.instrument.scpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScpiCommandTest {

    @Test
    void comparesLongAndShortMnemonicsInAnyCase() {
        assertThat(ScpiCommand.parse(":measure:voltage:dc?").shortHeader()).isEqualTo("MEAS:VOLT:DC?");
        assertThat(ScpiCommand.parse("SYSTem:ERRor:COUNt?").shortHeader()).isEqualTo("SYST:ERR:COUN?");
        assertThat(ScpiCommand.parse("*idn?").shortHeader()).isEqualTo("*IDN?");
    }

    @Test
    void readsParameters() {
        ScpiCommand command = ScpiCommand.parse("CONF:VOLT:DC 10, 0.001");

        assertThat(command.parameters()).isEqualTo(List.of("10", "0.001"));
        assertThat(command.text()).isEqualTo("CONF:VOLT:DC 10,0.001");
        assertThat(command.isQuery()).isFalse();
    }

    @Test
    void namesTheMeasurementFunction() {
        assertThat(ScpiCommand.parse("MEAS:VOLT?").measurementFunction()).contains("VOLT:DC");
        assertThat(ScpiCommand.parse("CONFigure:RESistance").measurementFunction()).contains("RES");
        assertThat(ScpiCommand.parse("READ?").measurementFunction()).isEmpty();
        assertThat(ScpiCommand.measure("VOLT:AC").isMeasurementQuery()).isTrue();
        assertThat(ScpiCommand.configure("VOLT:AC", "10").text()).isEqualTo("CONF:VOLT:AC 10");
    }

    @Test
    void refusesWhatIsNoScpiCommand() {
        assertThatThrownBy(() -> ScpiCommand.parse("")).hasMessage("empty SCPI command");
        assertThatThrownBy(() -> ScpiCommand.parse("MEAS::VOLT?")).hasMessage("'MEAS::VOLT?' is not a SCPI header");
        assertThatThrownBy(() -> ScpiCommand.parse("CONF:VOLT 1;2")).hasMessage("'1;2' is not a SCPI parameter");
    }
}
