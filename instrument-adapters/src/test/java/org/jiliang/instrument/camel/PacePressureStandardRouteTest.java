package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.instrument.camel.RouteHarness.assertGaplessSequenceFromOne;
import static org.jiliang.instrument.camel.RouteHarness.awaitExchange;
import static org.jiliang.instrument.camel.RouteHarness.awaitReading;
import static org.jiliang.instrument.camel.RouteHarness.awaitReadingAfter;
import static org.jiliang.instrument.camel.RouteHarness.readings;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiliang.instrument.codec.DeviceCodecs;
import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.Quantity;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.simulator.PacePressureStandardSimulator;
import org.jiliang.instrument.testing.SocatPtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference pressure of a blood-pressure-meter verification (issue 10 §4), read from a simulated Druck PACE
 * through a real route, over TCP and over a socat pty pair: the endpoint selects kPa, polls {@code :SENS:PRES?} and
 * sees the pressure set on the standard, then the pressure it is changed to.
 */
@Timeout(60)
class PacePressureStandardRouteTest {

    /** 100 mmHg, exactly, in kPa. */
    private static final BigDecimal HUNDRED_MMHG_IN_KPA = new BigDecimal("13.3322387415");

    private final RouteHarness routes = new RouteHarness();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void stopEverything() throws Exception {
        routes.close();
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void pollsThePressureInKilopascalsOverTcp() throws Exception {
        PacePressureStandardSimulator pace = keep(PacePressureStandardSimulator.builder().unit("MMHG").start());
        pace.applyKilopascal(HUNDRED_MMHG_IN_KPA);

        MockEndpoint readings = routes.start("pace", tcp(pace) + "&startCommand=:UNIT:PRES KPA&pollInterval=50");

        assertPollsTheSetPressureThenTheChangedOne(readings, tcp(pace));
    }

    @Test
    void pollsThePressureInKilopascalsOverASerialPair() throws Exception {
        SocatPtyPair pty = keep(SocatPtyPair.start(directory));
        PacePressureStandardSimulator pace = keep(PacePressureStandardSimulator.builder().unit("MMHG").tcp(false)
                .serialPort(pty.deviceSide().toString()).start());
        pace.applyKilopascal(HUNDRED_MMHG_IN_KPA);
        String uri = "bench-device:pace-1?transport=serial&serialPort=" + pty.linkSide() + "&protocol=pace";

        MockEndpoint readings = routes.start("pace", uri + "&startCommand=:UNIT:PRES KPA&pollInterval=50");

        assertPollsTheSetPressureThenTheChangedOne(readings, uri);
    }

    @Test
    void readsInMillimetresOfMercuryWhenTheStandardIsSetToThemAndTheEndpointSelectsNoUnit() throws Exception {
        PacePressureStandardSimulator pace = keep(PacePressureStandardSimulator.builder().unit("MMHG").start());
        pace.applyKilopascal(HUNDRED_MMHG_IN_KPA);

        MockEndpoint readings = routes.start("pace", tcp(pace) + "&pollInterval=50");

        DeviceReading reading = awaitReading(readings, DeviceReading::isStable);
        assertThat(reading.quantities()).containsExactly(new Quantity("PRES", new BigDecimal("100.0000000"), "mmHg"));
        assertThat(reading.frame().text()).isEqualTo(":SENS:PRES 100.0000000\n");
    }

    @Test
    void aCommandTheStandardDoesNotKnowIsReportedWithItsRealCause() throws Exception {
        PacePressureStandardSimulator pace = keep(PacePressureStandardSimulator.builder().start());
        pace.applyKilopascal(new BigDecimal("5"));
        MockEndpoint readings = routes.start("pace", tcp(pace) + "&startCommand=:UNIT:PRES KPA&pollInterval=50");
        DeviceReading before = awaitReading(readings, DeviceReading::isStable);

        // the manual's own example of a wrong command
        Exchange exchange = routes.producer().request(tcp(pace), e -> e.getIn().setBody("FRED"));

        assertThat(exchange.getException()).isInstanceOf(BenchDeviceProducer.DeviceErrorException.class)
                .hasMessageContaining("refused 'FRED'").hasMessageContaining("-113,\"Undefined header\"");
        DeviceReading cause = awaitReadingAfter(readings, before.frame().sequence(),
                r -> r.status() == ReadingStatus.DEVICE_ERROR);
        assertThat(cause.frame().text()).isEqualTo("-113,\"Undefined header\"\n");
        assertThat(cause.rejectReason()).isEqualTo("the device reports error -113, \"Undefined header\"");
        // the standard answers on: the link stays up and the polls go on
        assertThat(awaitReadingAfter(readings, cause.frame().sequence(), DeviceReading::isStable).value())
                .isEqualByComparingTo("5");
        assertThat(routes.consumer("pace").linkFailures()).isZero();
        assertGaplessSequenceFromOne(readings);
    }

    /**
     * The pressure set on the standard (100 mmHg, shown as 13.3322387 kPa), then the one it is set to over the wire
     * (20 kPa); the standard was set to mmHg, so the kPa readings show that the start command took and that the unit
     * was asked afterwards. Every reading reads again the same on a server that has only the frame and what it answers.
     */
    private void assertPollsTheSetPressureThenTheChangedOne(MockEndpoint readings, String uri) throws Exception {
        Exchange first = awaitExchange(readings, DeviceReading::isStable, RouteHarness.WAIT);
        DeviceReading set = first.getIn().getBody(DeviceReading.class);
        assertThat(set.frame().text()).isEqualTo(":SENS:PRES 13.3322387\n");
        assertThat(set.quantities()).containsExactly(new Quantity("PRES", new BigDecimal("13.3322387"), "kPa"));
        assertThat(first.getIn().getHeader(BenchDeviceConstants.ANSWERED, Answered.class))
                .isEqualTo(new Answered(":SENS:PRES?", "kPa", List.of(), false));
        assertThat(readings(readings)).anySatisfy(r -> {
            assertThat(r.frame().text()).isEqualTo(":UNIT:PRES KPA\n");
            assertThat(r.status()).isEqualTo(ReadingStatus.DEVICE_ANSWER);
        });

        routes.producer().requestBody(uri, "SIM:PRES 20");

        DeviceReading changed = awaitReadingAfter(readings, set.frame().sequence(),
                r -> r.isStable() && r.value().compareTo(set.value()) != 0);
        assertThat(changed.frame().text()).isEqualTo(":SENS:PRES 20.0000000\n");
        assertThat(changed.unit()).isEqualTo("kPa");

        DeviceCodec<?> server = DeviceCodecs.forProfile("pace", null, null, ":SENS:PRES?", null);
        for (Exchange exchange : List.copyOf(readings.getReceivedExchanges())) {
            DeviceReading emitted = exchange.getIn().getBody(DeviceReading.class);
            Answered answered = exchange.getIn().getHeader(BenchDeviceConstants.ANSWERED, Answered.class);
            if (answered != null) {
                assertThat(server.interpretAnswer(emitted.frame(), answered)).as("frame %s", emitted.frame()).isEqualTo(emitted);
            }
            if (emitted.isStable()) {
                assertThat(emitted.unit()).as("frame %s", emitted.frame()).isEqualTo("kPa");
            }
        }
        assertThat(routes.consumer("pace").linkFailures()).isZero();
        assertGaplessSequenceFromOne(readings);
    }

    private static String tcp(PacePressureStandardSimulator pace) {
        return "bench-device:pace-1?host=127.0.0.1&port=" + pace.port() + "&protocol=pace";
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }
}
