package org.jiliang.instrument.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.instrument.simulator.Wire.ask;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jiliang.instrument.transport.TcpLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transcripts of the simulated multifunction calibrator over loopback, and what its terminals carry: the output
 * reaches the leads only when operating, a value it cannot source is refused into the error queue and changes
 * nothing.
 */
@Timeout(15)
class ScpiCalibratorSimulatorTest {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> terminals = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void theOutputReachesTheTerminalsOnlyWhenOperating() throws Exception {
        ScpiCalibratorSimulator calibrator = start();
        TcpLink link = open(calibrator);
        assertThat(ask(link, "*IDN?\n")).isEqualTo("FLUKE,5520A,MFC-1,1.0\n");

        link.send(Wire.ascii("OUT 9 V\n"));
        assertThat(ask(link, "OPER?\n")).as("a new function starts in standby").isEqualTo("0\n");
        assertThat(ask(link, "OUT?\n")).isEqualTo("+9.00000000E+00,V,0.000000E+00,,0.00E+00\n");
        assertThat(terminals).containsExactly("standby");
        link.send(Wire.ascii("OPER\n"));
        assertThat(ask(link, "*OPC?\n")).isEqualTo("1\n");
        link.send(Wire.ascii("OUT 900 mV\n"));
        assertThat(ask(link, "*OPC?\n")).isEqualTo("1\n");
        link.send(Wire.ascii("OUT 9 KOHM\n"));
        link.send(Wire.ascii("OPER\n"));
        link.send(Wire.ascii("STBY\n"));
        assertThat(ask(link, "*OPC?\n")).isEqualTo("1\n");

        assertThat(terminals).containsExactly("standby", "VOLT:DC 9", "VOLT:DC 0.9", "standby", "RES 9000",
                "standby");
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("0,\"No error\"\n");
    }

    @Test
    void whatItCannotSourceIsRefusedAndChangesNothing() throws Exception {
        ScpiCalibratorSimulator calibrator = start();
        TcpLink link = open(calibrator);
        link.send(Wire.ascii("OUT 10 V\n"));
        link.send(Wire.ascii("OPER\n"));

        link.send(Wire.ascii("OUT 2000 V\n"));
        link.send(Wire.ascii("OUT 1 A\n"));
        link.send(Wire.ascii("OUT\n"));
        link.send(Wire.ascii("OUT -5 OHM\n"));

        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-222,\"Data out of range\"\n");
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-224,\"Illegal parameter value\"\n");
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-109,\"Missing parameter\"\n");
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-222,\"Data out of range\"\n");
        assertThat(calibrator.value()).isEqualByComparingTo("10");
        assertThat(calibrator.operating()).isTrue();
        link.send(Wire.ascii("*RST\n"));
        link.send(Wire.ascii("OPER\n"));
        assertThat(ask(link, "SYST:ERR?\n")).as("nothing to operate after a reset").isEqualTo("-221,\"Settings conflict\"\n");
        assertThat(terminals).as("refused commands tell the terminals nothing").containsExactly("standby",
                "VOLT:DC 10", "standby");
    }

    private ScpiCalibratorSimulator start() throws Exception {
        ScpiCalibratorSimulator simulator = ScpiCalibratorSimulator.builder().serialNumber("MFC-1")
                .onOutput((function, value) -> terminals.add(function == null ? "standby"
                        : function + " " + value.stripTrailingZeros().toPlainString()))
                .start();
        resources.add(simulator);
        return simulator;
    }

    private TcpLink open(SimulatedDevice device) throws Exception {
        TcpLink link = Wire.connect(device);
        resources.add(0, link);
        return link;
    }
}
