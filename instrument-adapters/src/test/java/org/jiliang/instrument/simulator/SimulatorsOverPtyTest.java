package org.jiliang.instrument.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.instrument.simulator.Wire.ask;
import static org.jiliang.instrument.simulator.Wire.esc;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jiliang.instrument.testing.Await;
import org.jiliang.instrument.testing.SocatPtyPair;
import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.LineFramer;
import org.jiliang.instrument.transport.SerialLink;
import org.jiliang.instrument.transport.SerialSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every simulator serving the device end (ttyB) of a real socat pty pair; the test opens ttyA. */
@Timeout(20)
class SimulatorsOverPtyTest {

    @TempDir
    Path directory;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private SocatPtyPair pty;

    @BeforeEach
    void startPtyPair() throws Exception {
        pty = SocatPtyPair.start(directory);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        pty.close();
    }

    @Test
    void mtSicsBalance() throws Exception {
        MtSicsBalanceSimulator balance = keep(MtSicsBalanceSimulator.builder().tcp(false).serialPort(device())
                .settleTime(Duration.ZERO).serialNumber("B207696838").start());
        balance.placeLoad(new BigDecimal("1234"));
        SerialLink link = open();

        assertThat(ask(link, "SI\r\n")).isEqualTo("S S       1234 g\r\n");
        assertThat(ask(link, "I4\r\n")).isEqualTo("I4 A \"B207696838\"\r\n");
        assertThat(balance.port()).isEqualTo(-1);
        assertThat(balance.serialPort()).contains(device());
    }

    @Test
    void sbiBalance() throws Exception {
        SbiBalanceSimulator balance = keep(SbiBalanceSimulator.builder().tcp(false).serialPort(device())
                .settleTime(Duration.ZERO).start());
        balance.placeLoad(new BigDecimal("123.56"));

        assertThat(ask(open(), esc("P"))).isEqualTo("+   123.56 g  \r\n");
    }

    @Test
    void scpiMultimeter() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().tcp(false).serialPort(device()).start());
        meter.apply("VOLT:DC", BigDecimal.TEN);
        SerialLink link = open();

        assertThat(ask(link, "*IDN?\n")).isEqualTo("JILIANG,SIM-DMM-34401,DMM0000001,1.0\n");
        assertThat(ask(link, "MEAS:VOLT:DC?\n")).isEqualTo("+1.00000000E+01\n");
    }

    @Test
    void vaisalaEnvironmentMonitorWithItsOwnLineSettings() throws Exception {
        SerialSettings vaisala = SerialSettings.parse("4800 E 7 1");
        keep(VaisalaPtu300Simulator.builder().tcp(false).serialPort(device()).serialSettings(vaisala).start());
        SerialLink link = keep(SerialLink.open(pty.linkSide().toString(), vaisala, new LineFramer(256)));

        assertThat(ask(link, "SEND\r")).isEqualTo("P= 1013.2 hPa T= 20.0 'C RH= 45.0 %RH\r\n");
    }

    @Test
    void servesBothTcpAndTheSerialPortAtOnce() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().serialPort(device()).start());

        assertThat(ask(open(), "*OPC?\n")).isEqualTo("1\n");
        assertThat(ask(keep(Wire.connect(meter)), "*OPC?\n")).isEqualTo("1\n");
    }

    @Test
    void reopensThePortWhenThePtyComesBack() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().tcp(false).serialPort(device()).start());
        SerialLink first = open();
        assertThat(ask(first, "*OPC?\n")).isEqualTo("1\n");

        pty.restart();
        first.close();
        Await.until(() -> meter.acceptedConnections() == 2, Duration.ofSeconds(5), () -> "the device reopened its port");

        assertThat(ask(open(), "*OPC?\n")).isEqualTo("1\n");
    }

    @Test
    void disconnectMidFrameOnASerialPortCutsTheFrameThenTheDeviceComesBack() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().tcp(false).serialPort(device()).start());
        meter.apply("VOLT:DC", BigDecimal.TEN);
        SerialLink link = open();
        meter.faults().disconnectMidFrame();

        link.send(Wire.ascii("READ?\n"));
        // long enough for a loaded machine to write the cut frame; the terminator never comes
        assertThatThrownBy(() -> link.readFrame(Duration.ofSeconds(2))).isInstanceOf(FrameTimeoutException.class);
        assertThat(Wire.text(link.takePendingBytes())).isEqualTo("+1.00000");

        Await.until(() -> meter.acceptedConnections() == 2, Duration.ofSeconds(5), () -> "the device reopened its port");
        assertThat(ask(link, "READ?\n")).isEqualTo("+1.00000000E+01\n");
    }

    private String device() {
        return pty.deviceSide().toString();
    }

    private SerialLink open() throws IOException {
        return keep(SerialLink.open(pty.linkSide().toString(), SerialSettings.DEFAULT, new LineFramer(256)));
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(0, resource);
        return resource;
    }
}
