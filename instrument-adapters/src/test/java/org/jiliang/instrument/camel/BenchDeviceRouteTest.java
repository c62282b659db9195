package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real routes in a plain DefaultCamelContext, polling the balance simulator on a free loopback port. */
@Timeout(30)
class BenchDeviceRouteTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final BigDecimal FIVE_KILOGRAMS_IN_GRAMS = new BigDecimal("5000");

    private MtSicsBalanceSimulator simulator;
    private ScriptedDevice scriptedDevice;
    private DefaultCamelContext context;

    @BeforeEach
    void startSimulator() throws Exception {
        simulator = balance(0);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (context != null) {
            context.stop();
        }
        simulator.close();
        if (scriptedDevice != null) {
            scriptedDevice.close();
        }
    }

    @Test
    void deliversAStableReadingWithTheExactBytesTheBalanceSent() throws Exception {
        simulator.placeLoad(FIVE_KILOGRAMS_IN_GRAMS);
        MockEndpoint readings = startRoute("bench-device:bal-1?host=127.0.0.1&port=" + simulator.port() + "&pollInterval=100");

        Exchange exchange = awaitExchange(readings, r -> r.isStable() && r.value().compareTo(FIVE_KILOGRAMS_IN_GRAMS) == 0);
        DeviceReading reading = exchange.getIn().getBody(DeviceReading.class);

        assertThat(reading.status()).isEqualTo(ReadingStatus.STABLE);
        assertThat(reading.value()).isEqualTo(new BigDecimal("5000"));
        assertThat(reading.unit()).isEqualTo("g");
        assertThat(reading.isUsable()).isTrue();
        assertThat(reading.frame().deviceId()).isEqualTo("bal-1");
        assertThat(reading.frame().bytes()).isEqualTo("S S       5000 g\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(reading.frame().hex()).endsWith("0D 0A");
        assertThat(exchange.getIn().getHeader(BenchDeviceConstants.DEVICE_ID)).isEqualTo("bal-1");
        assertThat(exchange.getIn().getHeader(BenchDeviceConstants.SEQUENCE)).isEqualTo(reading.frame().sequence());
        assertThat(exchange.getIn().getHeader(BenchDeviceConstants.STATUS)).isEqualTo("STABLE");
        assertThat(consumer().isConnected()).isTrue();
    }

    @Test
    void numbersFramesOneTwoThreeWithoutGapsInOneSession() throws Exception {
        MockEndpoint readings = startRoute("bench-device:bal-1?host=127.0.0.1&port=" + simulator.port() + "&pollInterval=50");

        awaitCondition(() -> readings.getReceivedCounter() >= 6);

        assertGaplessSequenceFromOne(readings);
        assertThat(readings.getReceivedExchanges())
                .extracting(e -> e.getIn().getHeader(BenchDeviceConstants.SESSION))
                .containsOnly(consumer().session());
    }

    @Test
    void deliversGarbageAsAMalformedReadingAndKeepsPolling() throws Exception {
        simulator.placeLoad(FIVE_KILOGRAMS_IN_GRAMS);
        MockEndpoint readings = startRoute("bench-device:bal-1?host=127.0.0.1&port=" + simulator.port() + "&pollInterval=100");
        awaitReading(readings, DeviceReading::isStable);

        simulator.injectGarbageOnce();

        DeviceReading malformed = awaitReading(readings, r -> r.status() == ReadingStatus.MALFORMED);
        assertThat(malformed.frame().bytes()).isEqualTo("#@!?\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(malformed.rejectReason()).isEqualTo("'#@!?' is not an MT-SICS response identifier");
        assertThat(malformed.value()).isNull();
        DeviceReading next = awaitReading(readings, r -> r.isStable() && r.frame().sequence() > malformed.frame().sequence());
        assertThat(next.value()).isEqualTo(FIVE_KILOGRAMS_IN_GRAMS);
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void resumesReadingAfterTheBalanceRestartsOnTheSamePort() throws Exception {
        simulator.placeLoad(FIVE_KILOGRAMS_IN_GRAMS);
        int port = simulator.port();
        MockEndpoint readings = startRoute("bench-device:bal-1?host=127.0.0.1&port=" + port + "&pollInterval=100");
        awaitReading(readings, DeviceReading::isStable);

        simulator.close();
        awaitCondition(() -> !consumer().isConnected());
        long lastBeforeOutage = consumer().lastSequence();
        simulator = balance(port);
        simulator.placeLoad(new BigDecimal("1230"));

        DeviceReading resumed = awaitReading(readings, r -> r.isStable() && r.value().compareTo(new BigDecimal("1230")) == 0);
        assertThat(resumed.frame().sequence()).isGreaterThan(lastBeforeOutage);
        assertThat(consumer().isConnected()).isTrue();
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void emitsNothingWhenTheDeviceDoesNotAnswerAndKeepsReconnecting() throws Exception {
        scriptedDevice = ScriptedDevice.silent();
        MockEndpoint readings = startRoute("bench-device:bal-1?host=127.0.0.1&port=" + scriptedDevice.port()
                + "&pollInterval=50&readTimeout=100&reconnectDelay=50&maxReconnectDelay=100");

        awaitCondition(() -> scriptedDevice.connectionCount() >= 3);

        assertThat(readings.getReceivedCounter()).isZero();
    }

    @Test
    void stopsWithinASecondWhileWaitingForASilentDevice() throws Exception {
        scriptedDevice = ScriptedDevice.silent();
        startRoute("bench-device:bal-1?host=127.0.0.1&port=" + scriptedDevice.port() + "&readTimeout=20000");
        awaitCondition(() -> consumer().isConnected());
        Thread.sleep(100);

        long started = System.nanoTime();
        context.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void deliversLinesTheDeviceSendsOnItsOwnInArrivalOrder() throws Exception {
        // Answers each poll, then sends an extra line as a print key would.
        scriptedDevice = new ScriptedDevice(line -> line.equals("SI") ? "S S 1.00 g\r\nS S 2.00 g\r\n" : "ES\r\n");
        MockEndpoint readings = startRoute("bench-device:bal-1?host=127.0.0.1&port=" + scriptedDevice.port() + "&pollInterval=100");

        // this device answers the identity commands (I2, I3, I4) with ES: three device errors first
        awaitCondition(() -> readings.getReceivedCounter() >= 7);

        assertThat(readings(readings).subList(0, 3)).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReadingStatus.DEVICE_ERROR));
        assertThat(readings(readings).subList(3, 7)).extracting(r -> r.value().toPlainString())
                .containsExactly("1.00", "2.00", "1.00", "2.00");
        assertGaplessSequenceFromOne(readings);
    }

    private MtSicsBalanceSimulator balance(int port) throws Exception {
        return MtSicsBalanceSimulator.builder().port(port)
                .capacity(new BigDecimal("6000")).displayInterval(new BigDecimal("10")).unit("g")
                .settleTime(Duration.ofMillis(200))
                .start();
    }

    private MockEndpoint startRoute(String uri) throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("bench-device", new BenchDeviceComponent());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("balance").to("mock:readings");
            }
        });
        context.start();
        return context.getEndpoint("mock:readings", MockEndpoint.class);
    }

    private BenchDeviceConsumer consumer() {
        return (BenchDeviceConsumer) context.getRoute("balance").getConsumer();
    }

    private static List<DeviceReading> readings(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> e.getIn().getBody(DeviceReading.class)).toList();
    }

    private static void assertGaplessSequenceFromOne(MockEndpoint mock) {
        List<Long> sequences = readings(mock).stream().map(r -> r.frame().sequence()).toList();
        assertThat(sequences).isEqualTo(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
    }

    private static DeviceReading awaitReading(MockEndpoint mock, Predicate<DeviceReading> wanted) throws InterruptedException {
        return awaitExchange(mock, wanted).getIn().getBody(DeviceReading.class);
    }

    private static Exchange awaitExchange(MockEndpoint mock, Predicate<DeviceReading> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Exchange exchange : mock.getReceivedExchanges()) {
                if (wanted.test(exchange.getIn().getBody(DeviceReading.class))) {
                    return exchange;
                }
            }
            Thread.sleep(20);
        }
        return fail("no wanted reading within " + WAIT + "; received: " + readings(mock));
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
