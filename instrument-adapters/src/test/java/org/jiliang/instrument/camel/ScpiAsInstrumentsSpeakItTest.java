package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.instrument.camel.RouteHarness.assertGaplessSequenceFromOne;
import static org.jiliang.instrument.camel.RouteHarness.awaitReading;
import static org.jiliang.instrument.camel.RouteHarness.awaitReadingAfter;
import static org.jiliang.instrument.camel.RouteHarness.lastSequence;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.Quantity;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.scpi.ScpiCodec;
import org.jiliang.instrument.simulator.ScpiMultimeterSimulator;
import org.jiliang.instrument.testing.SocatPtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SCPI path against meters that behave as instruments do (issue 10 §3): the quantity of a reading is what
 * was asked, the error queue is read after every command and after a timeout, and what is left of an answer
 * after a timeout is a frame of its own. A real route, the simulator over TCP and over a socat pty pair.
 */
@Timeout(60)
class ScpiAsInstrumentsSpeakItTest {

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
    void readPollsTakeTheFunctionTheMeterWasSetToNotTheEndpointsDefault() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().start());
        meter.apply("VOLT:DC", BigDecimal.TEN);
        meter.apply("RES", new BigDecimal("1000.2"));
        // the endpoint says nothing about the function: the meter is asked (FUNC?), it says DC volts
        MockEndpoint readings = routes.start("dmm", tcp(meter) + "&pollInterval=50");
        DeviceReading volts = awaitReading(readings, DeviceReading::isStable);
        assertThat(volts.quantities()).containsExactly(new Quantity("VOLT:DC", new BigDecimal("1.00000000E+01"), "V"));

        ProducerTemplate template = routes.producer();
        DeviceReading ohms = template.requestBody(tcp(meter), "MEAS:RES?", DeviceReading.class);
        assertThat(ohms.quantities()).containsExactly(new Quantity("RES", new BigDecimal("1.00020000E+03"), "Ω"));

        // MEAS:RES? left the meter in resistance: the next READ? polls read ohms
        long after = lastSequence(readings);
        DeviceReading later = awaitReadingAfter(readings, after, DeviceReading::isStable);
        assertThat(later.unit()).isEqualTo("Ω");
        assertThat(later.quantities().get(0).name()).isEqualTo("RES");
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void aMeterWithoutReadIsReportedWithItsRealCauseOverTcp() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument().start());

        MockEndpoint readings = routes.start("dmm", tcp(meter) + "&startCommand=CONF:VOLT:DC&pollInterval=50&readTimeout=1000");

        assertRealCauseOfUnansweredRead(readings);
    }

    @Test
    void aMeterWithoutReadIsReportedWithItsRealCauseOverASerialPair() throws Exception {
        SocatPtyPair pty = keep(SocatPtyPair.start(directory));
        keep(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument().tcp(false)
                .serialPort(pty.deviceSide().toString()).start());

        MockEndpoint readings = routes.start("dmm", "bench-device:dmm-1?transport=serial&serialPort=" + pty.linkSide()
                + "&protocol=scpi&startCommand=CONF:VOLT:DC&pollInterval=50&readTimeout=1000");

        assertRealCauseOfUnansweredRead(readings);
    }

    @Test
    void aParserLibraryMeterOverASerialPairGivesPlainNumbersItsFloatOverloadAndNan() throws Exception {
        SocatPtyPair pty = keep(SocatPtyPair.start(directory));
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument().readQuery(true)
                .tcp(false).serialPort(pty.deviceSide().toString()).start());
        meter.apply("RES", new BigDecimal("1000.2"));

        MockEndpoint readings = routes.start("dmm", "bench-device:dmm-1?transport=serial&serialPort=" + pty.linkSide()
                + "&protocol=scpi&startCommand=CONF:RES&pollInterval=50");

        DeviceReading ohms = awaitReading(readings, DeviceReading::isStable);
        assertThat(ohms.frame().text()).isEqualTo("1000.2\n");
        assertThat(ohms.quantities()).containsExactly(new Quantity("RES", new BigDecimal("1000.2"), "Ω"));
        meter.apply("RES", new BigDecimal("2E8"));
        assertThat(awaitReading(readings, r -> r.status() == ReadingStatus.OVERLOAD).frame().text())
                .isEqualTo("9.90000030209633e+37\n");
        meter.notANumber(true);
        assertThat(awaitReading(readings, r -> r.status() == ReadingStatus.NOT_A_NUMBER).frame().text()).isEqualTo("nan\n");
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void everyFrameOfAConversationSaysWhatItAnswersAndReadsTheSameFromItsBytesAndThatAlone() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument().readQuery(true)
                .start());
        meter.apply("RES", new BigDecimal("1000.2"));
        meter.apply("VOLT:DC", new BigDecimal("0.5"));
        MockEndpoint readings = routes.start("dmm", tcp(meter) + "&pollInterval=50");
        awaitReading(readings, r -> "V".equals(r.unit())); // the meter's own function, told by FUNC?
        ProducerTemplate template = routes.producer();
        template.requestBody(tcp(meter), "CONF:RES");
        awaitReading(readings, r -> "Ω".equals(r.unit()));
        ScpiMultimeterSimulator strict = keep(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument().start());
        strict.apply("VOLT:DC", new BigDecimal("0.5"));
        MockEndpoint flagged = routes.start("dmm2", "bench-device:dmm-2?host=127.0.0.1&port=" + strict.port()
                + "&protocol=scpi&pollCommand=MEAS:VOLT:DC? 1,2,3&pollInterval=50");
        awaitReading(flagged, r -> r.status() == ReadingStatus.DEVICE_ERROR && r.value() != null);

        ScpiCodec alone = new ScpiCodec(); // what the server's codec for these profiles would say of the bytes alone
        boolean readDifferentlyAlone = false;
        List<Exchange> exchanges = new ArrayList<>(readings.getExchanges());
        exchanges.addAll(flagged.getExchanges());
        for (Exchange exchange : exchanges) {
            DeviceReading emitted = exchange.getIn().getBody(DeviceReading.class);
            Answered answered = exchange.getIn().getHeader(BenchDeviceConstants.ANSWERED, Answered.class);
            if (emitted.status() == ReadingStatus.IDENTITY) {
                assertThat(answered).as("an identity is read from its bytes alone").isNull();
                continue;
            }
            assertThat(answered).as("frame %s", emitted.frame()).isNotNull();
            DeviceReading again = alone.interpretAnswer(emitted.frame(), answered);
            assertThat(again).as("frame %s read again with %s", emitted.frame(), answered).isEqualTo(emitted);
            DeviceReading bytesOnly = alone.interpret(emitted.frame());
            readDifferentlyAlone |= bytesOnly.status() != emitted.status() || !java.util.Objects.equals(bytesOnly.unit(), emitted.unit());
        }
        assertThat(readDifferentlyAlone).as("some frames need what they answer: READ? in ohms, FUNC?, the flagged reading")
                .isTrue();
        List<Answered> told = exchanges.stream()
                .map(e -> e.getIn().getHeader(BenchDeviceConstants.ANSWERED, Answered.class)).toList();
        assertThat(told).contains(new Answered("READ?", "RES", List.of(), false), Answered.to("FUNC?"),
                Answered.to("SYST:ERR?"), new Answered("MEAS:VOLT:DC? 1,2,3", null,
                        List.of("-108,\"Parameter not allowed\""), false));
    }

    private void assertRealCauseOfUnansweredRead(MockEndpoint readings) throws InterruptedException {
        DeviceReading cause = awaitReading(readings, r -> r.status() == ReadingStatus.DEVICE_ERROR);
        assertThat(cause.frame().text()).isEqualTo("-113,\"Undefined header\"\n");
        assertThat(cause.rejectReason()).contains("-113").contains("Undefined header");
        DeviceReading end = awaitReadingAfter(readings, cause.frame().sequence(), r -> true);
        assertThat(end.status()).isEqualTo(ReadingStatus.DEVICE_ANSWER);
        assertThat(end.frame().text()).isEqualTo("0,\"No error\"\n");
        // the meter answers its error queue: it is not "not answering", the link stays up
        assertThat(routes.consumer("dmm").linkFailures()).isZero();
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void aReadingWhoseCommandQueuedAnErrorCarriesTheError() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument().start());
        meter.apply("VOLT:DC", new BigDecimal("0.5"));

        MockEndpoint readings = routes.start("dmm", tcp(meter) + "&pollCommand=MEAS:VOLT:DC? 1,2,3&pollInterval=50");

        DeviceReading reading = awaitReading(readings, r -> r.frame().text().equals("0.5\n"));
        assertThat(reading.status()).isEqualTo(ReadingStatus.DEVICE_ERROR);
        assertThat(reading.isUsable()).isFalse();
        assertThat(reading.value()).isEqualByComparingTo("0.5");
        assertThat(reading.unit()).isEqualTo("V");
        assertThat(reading.rejectReason()).contains("-108,\"Parameter not allowed\"");
        DeviceReading entry = awaitReadingAfter(readings, reading.frame().sequence(), r -> true);
        assertThat(entry.frame().text()).isEqualTo("-108,\"Parameter not allowed\"\n");
        assertThat(entry.status()).isEqualTo(ReadingStatus.DEVICE_ERROR);
    }

    @Test
    void bytesLeftAfterATimeoutAreAFrameOfTheirOwnNotPartOfTheNextAnswer() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().start());
        meter.apply("VOLT:DC", BigDecimal.TEN);
        MockEndpoint readings = routes.start("dmm", tcp(meter) + "&startCommand=CONF:VOLT:DC&pollInterval=50&readTimeout=1000");
        awaitReading(readings, DeviceReading::isStable);

        meter.partialAnswerNext();
        ProducerTemplate template = routes.producer();
        assertThatThrownBy(() -> template.requestBody(tcp(meter), "MEAS:VOLT:DC?"))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(BenchDeviceProducer.DeviceErrorException.class);

        DeviceReading left = awaitReading(readings, r -> r.status() == ReadingStatus.MALFORMED);
        assertThat(left.frame().text()).isEqualTo("+1.0000");
        assertThat(left.rejectReason()).startsWith("bytes left on the link after the answer to MEAS:VOLT:DC? timed out");
        DeviceReading next = awaitReadingAfter(readings, left.frame().sequence(), r -> true);
        assertThat(next.frame().text()).isEqualTo("0,\"No error\"\n");
        // and the polls go on on the same link
        DeviceReading afterwards = awaitReadingAfter(readings, next.frame().sequence(), DeviceReading::isStable);
        assertThat(afterwards.frame().text()).isEqualTo("+1.00000000E+01\n");
        assertThat(routes.consumer("dmm").linkFailures()).isZero();
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void onADirectLinkTheBytesLeftAfterATimeoutAreKeptApartFromTheNextAnswer() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().start());
        meter.apply("VOLT:DC", BigDecimal.TEN);
        routes.newContext().start();
        meter.partialAnswerNext();

        Exchange exchange = routes.producer().request(tcp(meter) + "&readTimeout=1000", e -> e.getIn().setBody("MEAS:VOLT:DC?"));

        assertThat(exchange.getException()).isInstanceOf(BenchDeviceProducer.DeviceErrorException.class);
        List<?> others = exchange.getMessage().getHeader(BenchDeviceConstants.OTHER_FRAMES, List.class);
        assertThat(others).extracting(r -> ((DeviceReading) r).frame().text()).containsExactly("+1.0000", "0,\"No error\"\n");
        assertThat(((DeviceReading) others.get(0)).rejectReason())
                .startsWith("bytes left on the link after the answer to MEAS:VOLT:DC? timed out");
    }

    @Test
    void aCommandTheMeterDoesNotKnowFailsWithItsErrorQueueEntry() throws Exception {
        ScpiMultimeterSimulator meter = keep(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument().start());
        routes.newContext().start();

        Exchange exchange = routes.producer().request(tcp(meter) + "&readTimeout=1000", e -> e.getIn().setBody("READ?"));

        assertThat(exchange.getException()).isInstanceOf(BenchDeviceProducer.DeviceErrorException.class)
                .hasMessageContaining("-113,\"Undefined header\"");
        assertThat(((BenchDeviceProducer.DeviceErrorException) exchange.getException()).deviceErrors())
                .containsExactly("-113,\"Undefined header\"");
    }

    private static String tcp(ScpiMultimeterSimulator meter) {
        return "bench-device:dmm-1?host=127.0.0.1&port=" + meter.port() + "&protocol=scpi";
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }
}
