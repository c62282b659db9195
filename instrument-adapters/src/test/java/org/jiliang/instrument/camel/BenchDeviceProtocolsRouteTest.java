package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.instrument.camel.RouteHarness.assertGaplessSequenceFromOne;
import static org.jiliang.instrument.camel.RouteHarness.awaitReading;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.Quantity;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.scpi.ScpiResponse;
import org.jiliang.instrument.sbi.SbiResponse;
import org.jiliang.instrument.simulator.SbiBalanceSimulator;
import org.jiliang.instrument.simulator.ScpiMultimeterSimulator;
import org.jiliang.instrument.simulator.VaisalaPtu300Simulator;
import org.jiliang.instrument.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each protocol end to end: a simulator on a free loopback port, a real route, a mock endpoint. */
@Timeout(30)
class BenchDeviceProtocolsRouteTest {

    private final RouteHarness routes = new RouteHarness();
    private final List<AutoCloseable> simulators = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        routes.close();
        for (AutoCloseable simulator : simulators) {
            simulator.close();
        }
    }

    @Test
    void pollsAnSbiBalanceWithEscP() throws Exception {
        SbiBalanceSimulator balance = keep(SbiBalanceSimulator.builder().settleTime(Duration.ofMillis(200)).start());
        balance.placeLoad(new BigDecimal("123.56"));

        MockEndpoint readings = routes.start("sbi", "bench-device:sbi-1?host=127.0.0.1&port=" + balance.port()
                + "&protocol=sbi&pollInterval=50");

        DeviceReading dynamic = awaitReading(readings, r -> r.status() == ReadingStatus.DYNAMIC);
        assertThat(dynamic.frame().bytes()).isEqualTo(ascii("+   123.56    \r\n"));
        DeviceReading stable = awaitReading(readings, DeviceReading::isStable);
        assertThat(stable.frame().bytes()).isEqualTo(ascii("+   123.56 g  \r\n"));
        assertThat(stable.value()).isEqualTo(new BigDecimal("123.56"));
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void readsAnSbiBalanceThatPrintsOnItsOwn() throws Exception {
        SbiBalanceSimulator balance = keep(SbiBalanceSimulator.builder().settleTime(Duration.ZERO)
                .autoPrint(Duration.ofMillis(50)).start());

        MockEndpoint readings = routes.start("sbi", "bench-device:sbi-1?host=127.0.0.1&port=" + balance.port()
                + "&protocol=sbi&mode=stream");

        Await.until(() -> readings.getReceivedCounter() >= 3);
        assertThat(RouteHarness.readings(readings)).allSatisfy(r -> assertThat(r.isStable()).isTrue());
    }

    @Test
    void pollsAMultimeterAfterConfiguringItsFunction() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().start());
        meter.apply("RES", new BigDecimal("1000.2"));

        MockEndpoint readings = routes.start("dmm", "bench-device:dmm-1?host=127.0.0.1&port=" + meter.port()
                + "&protocol=scpi&startCommand=CONF:RES&pollInterval=50");

        DeviceReading reading = awaitReading(readings, DeviceReading::isStable);
        assertThat(reading.frame().bytes()).isEqualTo(ascii("+1.00020000E+03\n"));
        assertThat(reading.quantities()).containsExactly(new Quantity("RES", new BigDecimal("1.00020000E+03"), "Ω"));
        meter.faults().overload();
        assertThat(awaitReading(readings, r -> r.status() == ReadingStatus.OVERLOAD).frame().bytes())
                .isEqualTo(ascii("+9.90000000E+37\n"));
    }

    @Test
    void asksAMultimeterForItsIdentityAndErrorsAndSendsCommandsWithoutAnswer() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().serialNumber("MY1234").start());
        routes.newContext().start();
        ProducerTemplate template = routes.producer();
        String uri = "bench-device:dmm-1?host=127.0.0.1&port=" + meter.port() + "&protocol=scpi";

        assertThat(template.requestBody(uri, "*IDN?"))
                .isEqualTo(new ScpiResponse.Identification("JILIANG", "SIM-DMM-34401", "MY1234", "1.0"));
        assertThat(template.requestBody(uri, "*RST")).isNull();
        // every command is followed by the error queue (issue 10 §3): an unknown one fails with the meter's own entry
        Exchange bogus = template.request(uri, e -> e.getIn().setBody("BOGUS"));
        assertThat(bogus.getException()).isInstanceOf(BenchDeviceProducer.DeviceErrorException.class);
        assertThat(bogus.getMessage().getHeader(BenchDeviceConstants.DEVICE_ERRORS, List.class))
                .containsExactly("-113,\"Undefined header\"");
        assertThat(meter.errorQueue()).isEmpty();
        assertThat(template.requestBody(uri, "SYST:ERR?")).isEqualTo(new ScpiResponse.ErrorEntry(0, "No error"));
        Exchange measured = template.request(uri, e -> e.getIn().setBody("MEAS:VOLT:DC?"));
        assertThat(measured.getMessage().getBody(DeviceReading.class).unit()).isEqualTo("V");
        assertThat(measured.getMessage().getHeader(BenchDeviceConstants.RAW_FRAME, RawFrame.class).text())
                .isEqualTo("+0.00000000E+00\n");
    }

    @Test
    void printsModelAndTaresAnSbiBalanceOnRequest() throws Exception {
        SbiBalanceSimulator balance = keep(SbiBalanceSimulator.builder().model("ENTRIS224I-1S").settleTime(Duration.ZERO).start());
        balance.placeLoad(new BigDecimal("10.00"));
        routes.newContext().start();
        ProducerTemplate template = routes.producer();
        String uri = "bench-device:sbi-1?host=127.0.0.1&port=" + balance.port() + "&protocol=sbi";

        assertThat(template.requestBody(uri, "x1_")).isEqualTo(new SbiResponse.Text("ENTRIS224I-1S"));
        assertThat(template.requestBody(uri, "ESC T")).isNull();
        Await.until(() -> balance.tare().compareTo(new BigDecimal("10.00")) == 0);
        assertThat(template.requestBody(uri, "P", DeviceReading.class).value()).isEqualByComparingTo("0");
    }

    @Test
    void pollsTheEnvironmentMonitorForTemperatureHumidityAndPressure() throws Exception {
        VaisalaPtu300Simulator monitor = keep(VaisalaPtu300Simulator.builder()
                .conditions(new BigDecimal("1013.2"), new BigDecimal("20.3"), new BigDecimal("48.5")).start());

        MockEndpoint readings = routes.start("env", "bench-device:env-1?host=127.0.0.1&port=" + monitor.port()
                + "&protocol=vaisala&pollInterval=50");

        DeviceReading reading = awaitReading(readings, DeviceReading::isStable);
        assertThat(reading.frame().bytes()).isEqualTo(ascii("P= 1013.2 hPa T= 20.3 'C RH= 48.5 %RH\r\n"));
        assertThat(reading.quantities()).containsExactly(new Quantity("P", new BigDecimal("1013.2"), "hPa"),
                new Quantity("T", new BigDecimal("20.3"), "'C"), new Quantity("RH", new BigDecimal("48.5"), "%RH"));
    }

    @Test
    void streamsTheEnvironmentMonitorAfterStartingItsContinuousOutput() throws Exception {
        VaisalaPtu300Simulator monitor = keep(VaisalaPtu300Simulator.builder().interval(Duration.ofMillis(50)).start());

        MockEndpoint readings = routes.start("env", "bench-device:env-1?host=127.0.0.1&port=" + monitor.port()
                + "&protocol=vaisala&mode=stream&startCommand=R");

        Await.until(() -> readings.getReceivedCounter() >= 5);
        assertThat(RouteHarness.readings(readings)).allSatisfy(r -> assertThat(r.quantity("RH")).isPresent());
        assertGaplessSequenceFromOne(readings);
        assertThat(monitor.acceptedConnections()).isEqualTo(1);
    }

    private <T extends AutoCloseable> T keep(T simulator) {
        simulators.add(simulator);
        return simulator;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
