package org.jiliang.instrument.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.instrument.simulator.Wire.ask;
import static org.jiliang.instrument.simulator.Wire.connect;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.TcpLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PTU300 transcripts over loopback, in the default output format of M210796EN. */
@Timeout(15)
class VaisalaPtu300SimulatorTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void sendsOneMessageInTheDefaultFormat() throws Exception {
        VaisalaPtu300Simulator monitor = start(VaisalaPtu300Simulator.builder()
                .conditions(new BigDecimal("1013.2"), new BigDecimal("31.1"), new BigDecimal("38.3")));
        TcpLink link = open(monitor);

        assertThat(ask(link, "SEND\r")).isEqualTo("P= 1013.2 hPa T= 31.1 'C RH= 38.3 %RH\r\n");
        monitor.setConditions(new BigDecimal("1021.6"), new BigDecimal("23.3"), new BigDecimal("5.7"));
        assertThat(ask(link, "send\r\n")).isEqualTo("P= 1021.6 hPa T= 23.3 'C RH= 5.7 %RH\r\n");
    }

    @Test
    void outputsContinuouslyFromRUntilS() throws Exception {
        TcpLink link = open(start(VaisalaPtu300Simulator.builder().interval(Duration.ofMillis(50))));

        link.send(Wire.ascii("R\r"));
        for (int i = 0; i < 3; i++) {
            assertThat(Wire.text(link.readFrame(Wire.READ_TIMEOUT))).isEqualTo("P= 1013.2 hPa T= 20.0 'C RH= 45.0 %RH\r\n");
        }
        link.send(Wire.ascii("S\r"));
        Thread.sleep(150);
        while (link.readAvailableFrame().isPresent()) {
            // Lines already on their way when S arrived.
        }

        assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(200))).isInstanceOf(FrameTimeoutException.class);
    }

    @Test
    void setsTheIntervalAndTellsItsVersion() throws Exception {
        VaisalaPtu300Simulator monitor = start(VaisalaPtu300Simulator.builder());
        TcpLink link = open(monitor);

        assertThat(ask(link, "INTV 2 s\r")).isEqualTo("Output intrv. : 2 s\r\n");
        assertThat(monitor.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ask(link, "VERS\r")).isEqualTo("PTU300 / 1.10\r\n");
    }

    @Test
    void printsStarsWhenOutOfRange() throws Exception {
        VaisalaPtu300Simulator monitor = start(VaisalaPtu300Simulator.builder());
        TcpLink link = open(monitor);

        monitor.faults().overload();

        assertThat(ask(link, "SEND\r")).isEqualTo("P= ****.* hPa T= **.* 'C RH= **.* %RH\r\n");
    }

    private VaisalaPtu300Simulator start(VaisalaPtu300Simulator.Builder builder) throws Exception {
        VaisalaPtu300Simulator simulator = builder.start();
        resources.add(simulator);
        return simulator;
    }

    private TcpLink open(SimulatedDevice device) throws Exception {
        TcpLink link = connect(device);
        resources.add(0, link);
        return link;
    }
}
