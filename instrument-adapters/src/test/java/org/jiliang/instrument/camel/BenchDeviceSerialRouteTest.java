package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.instrument.camel.RouteHarness.assertGaplessSequenceFromOne;
import static org.jiliang.instrument.camel.RouteHarness.awaitReading;
import static org.jiliang.instrument.camel.RouteHarness.awaitReadingAfter;
import static org.jiliang.instrument.camel.RouteHarness.lastSequence;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.mtsics.MtSicsResponse;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.instrument.testing.Await;
import org.jiliang.instrument.testing.SocatPtyPair;
import org.jiliang.instrument.transport.SerialPortHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The consumer and producer on a real socat pty pair, the balance simulator on the device end. */
@Timeout(30)
class BenchDeviceSerialRouteTest {

    private static final Duration DEAD_LINK_LIMIT = Duration.ofSeconds(3);

    @TempDir
    Path directory;

    private final RouteHarness routes = new RouteHarness();
    private SocatPtyPair pty;
    private MtSicsBalanceSimulator balance;

    @BeforeEach
    void start() throws Exception {
        pty = SocatPtyPair.start(directory);
        balance = MtSicsBalanceSimulator.builder().tcp(false).serialPort(pty.deviceSide().toString())
                .capacity(new BigDecimal("6000")).displayInterval(new BigDecimal("10")).unit("g")
                .settleTime(Duration.ZERO).start();
        balance.placeLoad(new BigDecimal("5000"));
    }

    @AfterEach
    void stop() throws Exception {
        routes.close();
        balance.close();
        pty.close();
    }

    @Test
    void readsABalanceOnASerialPort() throws Exception {
        MockEndpoint readings = routes.start("serial", uri("bal-s1") + "&pollInterval=50");

        DeviceReading reading = awaitReading(readings, DeviceReading::isStable);

        assertThat(reading.frame().bytes()).isEqualTo("S S       5000 g\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(reading.frame().deviceId()).isEqualTo("bal-s1");
        assertThat(routes.consumer("serial").isConnected()).isTrue();
    }

    @Test
    void noticesThePtyGoneAtOnceAndReadsAgainWhenItComesBack() throws Exception {
        MockEndpoint readings = routes.start("serial", uri("bal-s2") + "&pollInterval=50&reconnectDelay=50&maxReconnectDelay=200");
        awaitReading(readings, DeviceReading::isStable);
        BenchDeviceConsumer consumer = routes.consumer("serial");

        pty.kill();

        Duration detected = Await.timeUntil(() -> consumer.linkFailures() > 0, Duration.ofSeconds(5), () -> "pty gone noticed");
        assertThat(detected).isLessThan(Duration.ofSeconds(1));
        long before = lastSequence(readings);
        pty.restart();
        awaitReadingAfter(readings, before, DeviceReading::isStable);
        assertThat(consumer.isConnected()).isTrue();
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void aSilentDeviceOnALivePtyIsTakenForDeadWithinThreeSecondsWithDefaultOptions() throws Exception {
        MockEndpoint readings = routes.start("serial", uri("bal-s3"));
        awaitReading(readings, DeviceReading::isStable);
        BenchDeviceConsumer consumer = routes.consumer("serial");

        // The pty stays up, so the library reports nothing at all.
        balance.faults().silence();

        Duration detected = Await.timeUntil(() -> consumer.linkFailures() > 0, Duration.ofSeconds(5), () -> "silence noticed");
        assertThat(detected).isLessThan(DEAD_LINK_LIMIT);
        balance.faults().speak();
        awaitReadingAfter(readings, lastSequence(readings), DeviceReading::isStable);
    }

    @Test
    void refusesASecondRouteOnTheSameSerialPortEvenByAnotherName() throws Exception {
        routes.start("first", uri("bal-s4"));
        String samePortByDevicePath = "bench-device:bal-s5?transport=serial&serialPort=" + pty.linkSide().toRealPath();
        DefaultCamelContext second = routes.newContext();
        RouteHarness.addRoute(second, "second", samePortByDevicePath);

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Serial port " + pty.linkSide().toRealPath() + " is already read by bench device bal-s4"
                        + " in this JVM; a port has one owner at a time, so route second (bench-device://bal-s5?");
    }

    @Test
    void waitsForAPortHeldByAnotherProcessAndReadsOnceItIsFree() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SerialPortHolder.class.getName(), pty.linkSide().toString())
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).startsWith("OPEN");

            MockEndpoint readings = routes.start("serial", uri("bal-s6") + "&reconnectDelay=50&maxReconnectDelay=100");
            BenchDeviceConsumer consumer = routes.consumer("serial");
            Await.until(() -> consumer.linkFailures() >= 2, Duration.ofSeconds(5), () -> "open refused twice");
            assertThat(readings.getReceivedCounter()).isZero();
            assertThat(consumer.isConnected()).isFalse();

            holder.getOutputStream().close();
            assertThat(holder.waitFor(5, TimeUnit.SECONDS)).isTrue();
            awaitReading(readings, DeviceReading::isStable);
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aProducerSendsThroughTheConsumersOpenPort() throws Exception {
        MockEndpoint readings = routes.start("serial", uri("bal-s7") + "&pollInterval=50");
        awaitReading(readings, DeviceReading::isStable);

        Object answer = routes.producer().requestBody(uri("bal-s7"), "I4");

        assertThat(answer).isEqualTo(new MtSicsResponse.TextInfo("I4", List.of("SIM0000001")));
        Await.until(() -> readings.getReceivedCounter() > 5);
        assertGaplessSequenceFromOne(readings);
        assertThat(balance.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void aProducerWithoutConsumerOpensThePortForEachCommand() throws Exception {
        routes.newContext().start();

        assertThat(routes.producer().requestBody(uri("bal-s8"), "SIM LOAD 700 g")).isEqualTo(new MtSicsResponse.Acknowledged("SIM", List.of()));
        assertThat(routes.producer().requestBody(uri("bal-s8"), "SI", DeviceReading.class).value()).isEqualByComparingTo("700");
    }

    private String uri(String deviceId) {
        return "bench-device:" + deviceId + "?transport=serial&serialPort=" + pty.linkSide() + "&baudRate=9600";
    }
}
