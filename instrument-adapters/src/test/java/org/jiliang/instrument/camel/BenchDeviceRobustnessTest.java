package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.instrument.camel.RouteHarness.assertGaplessSequenceFromOne;
import static org.jiliang.instrument.camel.RouteHarness.awaitReading;
import static org.jiliang.instrument.camel.RouteHarness.awaitReadingAfter;
import static org.jiliang.instrument.camel.RouteHarness.lastSequence;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.camel.component.mock.MockEndpoint;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.simulator.ManualTicker;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.instrument.simulator.SimulatorFaults;
import org.jiliang.instrument.simulator.Ticker;
import org.jiliang.instrument.simulator.VaisalaPtu300Simulator;
import org.jiliang.instrument.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consumer under every injected fault, over TCP: malformed frames are emitted with their bytes and
 * reason and the connection stays up; a dead link is noticed within 3 s with the default options and
 * the consumer reconnects with back-off. Sequence numbers stay gapless throughout. The balance goes by
 * a {@link ManualTicker}: a fault that lasts a while ends when the test advances it, not when a busy
 * machine happens to get round to it.
 */
@Timeout(30)
class BenchDeviceRobustnessTest {

    private static final Duration DEAD_LINK_LIMIT = Duration.ofSeconds(3);
    private static final BigDecimal FIVE_KG = new BigDecimal("5000");

    private final RouteHarness routes = new RouteHarness();
    private final ManualTicker ticker = new ManualTicker();
    private MtSicsBalanceSimulator balance;
    private VaisalaPtu300Simulator monitor;

    @BeforeEach
    void startBalance() throws Exception {
        balance = balance(0, ticker);
        balance.placeLoad(FIVE_KG);
    }

    @AfterEach
    void stopEverything() {
        routes.close();
        balance.close();
        if (monitor != null) {
            monitor.close();
        }
    }

    @Test
    void garbageIsEmittedAsMalformedWithItsBytesAndTheConnectionStaysUp() throws Exception {
        MockEndpoint readings = poll("&pollInterval=50");
        awaitReading(readings, DeviceReading::isStable);

        balance.faults().garbage();

        DeviceReading garbage = awaitReading(readings, r -> r.status() == ReadingStatus.MALFORMED);
        assertThat(garbage.frame().bytes()).isEqualTo(SimulatorFaults.DEFAULT_GARBAGE);
        assertThat(garbage.rejectReason()).isEqualTo("byte 0x00 at position 5 is not printable ASCII");
        awaitReadingAfter(readings, garbage.frame().sequence(), DeviceReading::isStable);
        assertThat(balance.acceptedConnections()).isEqualTo(1);
        assertThat(routes.consumer("device").linkFailures()).isZero();
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void aTruncatedFrameIsEmittedAsMalformedAndTheConnectionStaysUp() throws Exception {
        MockEndpoint readings = poll("&pollInterval=50");
        awaitReading(readings, DeviceReading::isStable);

        balance.faults().truncate();

        DeviceReading truncated = awaitReading(readings, r -> r.status() == ReadingStatus.MALFORMED);
        assertThat(truncated.frame().bytes()).isEqualTo(ascii("S S     \r\n"));
        assertThat(truncated.rejectReason()).isEqualTo("weight response without a value: 'S S     '");
        awaitReadingAfter(readings, truncated.frame().sequence(), DeviceReading::isStable);
        assertThat(balance.acceptedConnections()).isEqualTo(1);
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void anOverlongLineIsEmittedInPiecesWithoutLosingAByteAndTheLinkResynchronises() throws Exception {
        MockEndpoint readings = poll("&pollInterval=50&readTimeout=300&reconnectDelay=20&maxFrameLength=256");
        DeviceReading first = awaitReading(readings, DeviceReading::isStable);

        balance.faults().overlongLine(1000);

        DeviceReading piece = awaitReadingAfter(readings, first.frame().sequence(), r -> r.status() == ReadingStatus.MALFORMED);
        assertThat(piece.frame().length()).isEqualTo(256);
        assertThat(piece.rejectReason()).isEqualTo("part 1 of a line longer than 256 bytes: no terminator within the limit");
        // Three pieces of 256 bytes; the last 232 bytes have no terminator, so the next poll's answer ends
        // that line: its last part, malformed (split cuts a reply only from a fragment that starts like one).
        // Nothing is dropped and the poll after that reads normally.
        DeviceReading next = awaitReadingAfter(readings, piece.frame().sequence(), DeviceReading::isStable);
        assertThat(next.frame().bytes()).isEqualTo(ascii("S S       5000 g\r\n"));
        StringBuilder kept = new StringBuilder();
        for (DeviceReading r : RouteHarness.readings(readings)) {
            if (r.frame().sequence() >= piece.frame().sequence() && r.frame().sequence() < next.frame().sequence()) {
                assertThat(r.status()).isEqualTo(ReadingStatus.MALFORMED);
                kept.append(r.frame().text());
            }
        }
        assertThat(kept.toString()).isEqualTo("0123456789".repeat(100) + "S S       5000 g\r\n");
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void aTenThousandByteLineIsOneMalformedFrameAndReadingGoesOn() throws Exception {
        MockEndpoint readings = poll("&pollInterval=50");
        awaitReading(readings, DeviceReading::isStable);

        balance.faults().longLine(10_000);

        DeviceReading line = awaitReading(readings, r -> r.status() == ReadingStatus.MALFORMED);
        assertThat(line.frame().bytes()).isEqualTo(ascii("0123456789".repeat(1000) + "\r\n"));
        awaitReadingAfter(readings, line.frame().sequence(), DeviceReading::isStable);
        assertThat(routes.consumer("device").linkFailures()).isZero();
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void aFragmentBeforeAReplyIsKeptApartAndTheReadingKeepsItsValue() throws Exception {
        MockEndpoint readings = poll("&pollInterval=50");
        DeviceReading first = awaitReading(readings, DeviceReading::isStable);

        balance.faults().fragment();

        DeviceReading fragment = awaitReadingAfter(readings, first.frame().sequence(), r -> r.status() == ReadingStatus.MALFORMED);
        assertThat(fragment.frame().bytes()).isEqualTo(ascii("S S     "));
        assertThat(fragment.rejectReason()).isEqualTo("unterminated fragment before the next reply");
        DeviceReading reply = awaitReadingAfter(readings, fragment.frame().sequence(), r -> true);
        assertThat(reply.frame().sequence()).isEqualTo(fragment.frame().sequence() + 1);
        assertThat(reply.frame().bytes()).isEqualTo(ascii("S S       5000 g\r\n"));
        assertThat(reply.isStable()).isTrue();
        assertThat(routes.consumer("device").linkFailures()).isZero();
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void bytesDrippingOneAtATimeMakeWholeReadings() throws Exception {
        balance.close(); // this one drips in real time: the consumer must join bytes that arrive apart
        balance = balance(0, Ticker.SYSTEM);
        balance.placeLoad(FIVE_KG);
        balance.faults().drip(Duration.ofMillis(2));

        MockEndpoint readings = poll("&pollInterval=50");

        DeviceReading reading = awaitReading(readings, DeviceReading::isStable);
        assertThat(reading.frame().bytes()).isEqualTo(ascii("S S       5000 g\r\n"));
        assertThat(RouteHarness.readings(readings)).noneMatch(r -> r.status() == ReadingStatus.MALFORMED);
    }

    @Test
    void aSilentDeviceIsTakenForDeadWithinThreeSecondsWithDefaultOptions() throws Exception {
        MockEndpoint readings = poll("");
        awaitReading(readings, DeviceReading::isStable);
        BenchDeviceConsumer consumer = routes.consumer("device");

        balance.faults().silence();
        long silentFrom = lastSequence(readings);

        Duration detected = Await.timeUntil(() -> consumer.linkFailures() > 0, Duration.ofSeconds(5), () -> "dead link noticed");
        assertThat(detected).isLessThan(DEAD_LINK_LIMIT);
        assertThat(lastSequence(readings)).isLessThanOrEqualTo(silentFrom + 1);

        balance.faults().speak();
        awaitReadingAfter(readings, silentFrom + 1, DeviceReading::isStable);
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void aStreamThatFallsSilentIsTakenForDeadWithinThreeSeconds() throws Exception {
        monitor = VaisalaPtu300Simulator.builder().interval(Duration.ofMillis(100)).start();
        MockEndpoint readings = routes.start("env", "bench-device:env-9?host=127.0.0.1&port=" + monitor.port()
                + "&protocol=vaisala&mode=stream&startCommand=R");
        awaitReading(readings, DeviceReading::isStable);
        BenchDeviceConsumer consumer = routes.consumer("env");

        monitor.faults().silence();

        Duration detected = Await.timeUntil(() -> consumer.linkFailures() > 0, Duration.ofSeconds(5), () -> "dead stream noticed");
        assertThat(detected).isLessThan(DEAD_LINK_LIMIT);
        monitor.faults().speak();
        awaitReadingAfter(readings, lastSequence(readings), DeviceReading::isStable);
        assertThat(monitor.acceptedConnections()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDisconnectInTheMiddleOfAFrameKeepsTheCutBytesAndReconnects() throws Exception {
        MockEndpoint readings = poll("&pollInterval=50&reconnectDelay=20");
        awaitReading(readings, DeviceReading::isStable);

        balance.faults().disconnectMidFrame();

        DeviceReading cut = awaitReading(readings, r -> r.status() == ReadingStatus.MALFORMED);
        assertThat(cut.frame().bytes()).isEqualTo(ascii("S S      "));
        assertThat(cut.rejectReason()).isEqualTo("frame does not end with CR LF, so it is incomplete or too long: 'S S      '");
        awaitReadingAfter(readings, cut.frame().sequence(), DeviceReading::isStable);
        assertThat(routes.consumer("device").linkFailures()).isEqualTo(1);
        assertThat(balance.acceptedConnections()).isEqualTo(2);
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void aBalanceThatGoesAwayIsNoticedAtOnceAndReadAgainWhenItReturns() throws Exception {
        int port = balance.port();
        MockEndpoint readings = poll("&pollInterval=50");
        awaitReading(readings, DeviceReading::isStable);
        BenchDeviceConsumer consumer = routes.consumer("device");

        balance.close();

        Duration detected = Await.timeUntil(() -> consumer.linkFailures() > 0, Duration.ofSeconds(5), () -> "peer gone noticed");
        assertThat(detected).isLessThan(Duration.ofSeconds(1));
        long before = lastSequence(readings);
        balance = balance(port, ticker);
        balance.placeLoad(new BigDecimal("1230"));
        DeviceReading resumed = awaitReadingAfter(readings, before, r -> r.isStable() && r.value().compareTo(new BigDecimal("1230")) == 0);
        assertThat(resumed.frame().sequence()).isGreaterThan(before);
        assertThat(consumer.isConnected()).isTrue();
    }

    @Test
    void backsOffBetweenReconnectAttempts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();
        routes.start("nowhere", "bench-device:nowhere?host=127.0.0.1&port=" + closedPort
                + "&reconnectDelay=50&maxReconnectDelay=400&connectTimeout=200");
        BenchDeviceConsumer consumer = routes.consumer("nowhere");

        Await.until(() -> consumer.linkFailures() >= 5, Duration.ofSeconds(10), () -> "five failed attempts");

        // Between the 1st and the 5th failure the consumer waited 50 + 100 + 200 + 400 ms; without back-off it
        // would have been 4 × 50 ms. A slow machine only makes it longer.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(750));
        assertThat(consumer.reconnectDelay()).as("the wait no longer doubles past maxReconnectDelay").isEqualTo(400);
    }

    @Test
    void measurementFaultsShowAsTheReadingsATechnicianWouldSee() throws Exception {
        MockEndpoint readings = poll("&pollInterval=30");
        awaitReading(readings, DeviceReading::isStable);

        balance.faults().unstable(Duration.ofMillis(300));
        DeviceReading dynamic = awaitReading(readings, r -> r.status() == ReadingStatus.DYNAMIC);
        assertThat(dynamic.isUsable()).isFalse();
        ticker.advance(Duration.ofMillis(300));
        awaitReadingAfter(readings, dynamic.frame().sequence(), DeviceReading::isStable);

        balance.faults().overload();
        assertThat(awaitReading(readings, r -> r.status() == ReadingStatus.OVERLOAD).frame().bytes()).isEqualTo(ascii("S +\r\n"));
        balance.faults().underload();
        assertThat(awaitReading(readings, r -> r.status() == ReadingStatus.UNDERLOAD).frame().bytes()).isEqualTo(ascii("S -\r\n"));
        balance.faults().inRange().noise(new BigDecimal("30"));
        long noisyFrom = lastSequence(readings);
        Await.until(() -> lastSequence(readings) > noisyFrom + 10);
        List<BigDecimal> noisy = RouteHarness.readings(readings).stream()
                .filter(r -> r.frame().sequence() > noisyFrom && r.isStable()).map(DeviceReading::value).toList();
        assertThat(noisy).allSatisfy(v -> assertThat(v).isBetween(new BigDecimal("4970"), new BigDecimal("5030")));
        assertThat(noisy.stream().distinct().count()).isGreaterThan(1);

        balance.faults().noise(BigDecimal.ZERO).drift(new BigDecimal("500"));
        ticker.advance(Duration.ofMillis(200));
        awaitReading(readings, r -> r.isStable() && r.value().compareTo(new BigDecimal("5100")) == 0);
        assertGaplessSequenceFromOne(readings);
    }

    private MockEndpoint poll(String options) throws Exception {
        return routes.start("device", "bench-device:bal-robust?host=127.0.0.1&port=" + balance.port() + options);
    }

    private static MtSicsBalanceSimulator balance(int port, Ticker ticker) throws Exception {
        return MtSicsBalanceSimulator.builder().port(port)
                .capacity(new BigDecimal("6000")).displayInterval(new BigDecimal("10")).unit("g")
                .settleTime(Duration.ZERO).stabilityTimeout(Duration.ofMillis(100)).ticker(ticker)
                .start();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
