package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.instrument.camel.RouteHarness.assertGaplessSequenceFromOne;
import static org.jiliang.instrument.camel.RouteHarness.awaitReading;
import static org.jiliang.instrument.camel.RouteHarness.awaitReadingAfter;
import static org.jiliang.instrument.camel.RouteHarness.lastSequence;
import static org.jiliang.instrument.camel.RouteHarness.readings;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.reading.DeviceIdentity;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.instrument.simulator.ScpiMultimeterSimulator;
import org.jiliang.instrument.testing.Await;
import org.jiliang.instrument.testing.SocatPtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer asks the device who it is on every connect, before the first poll, keeps each answer as a
 * frame, and tells its link listener: over TCP and on a socat pty pair.
 */
@Timeout(30)
class BenchDeviceIdentityTest {

    private static final DeviceIdentity BALANCE = new DeviceIdentity("XPE205", "B021002593", "2.10.1");

    @TempDir
    Path directory;

    private final RouteHarness routes = new RouteHarness();
    private final Events events = new Events();
    private MtSicsBalanceSimulator balance;
    private SocatPtyPair pty;

    @AfterEach
    void stop() throws Exception {
        routes.close();
        if (balance != null) {
            balance.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void asksTheBalanceWhoItIsBeforeTheFirstPollAndAgainAfterAReconnect() throws Exception {
        balance = balance(0).start();
        int port = balance.port();
        MockEndpoint readings = start("bench-device:bal-id?host=127.0.0.1&port=" + port + "&pollInterval=50&reconnectDelay=50");

        awaitReading(readings, DeviceReading::isStable);
        assertIdentityFramesAt(readings, 1);
        assertThat(events.identities).containsExactly(BALANCE);
        assertThat(events.connects).hasSize(1);

        balance.close();
        Await.until(() -> !events.downs.isEmpty(), Duration.ofSeconds(5), () -> "the link reported down");
        Instant downSince = events.downs.get(0).since();
        long before = lastSequence(readings);
        balance = balance(port).start();

        DeviceReading resumed = awaitReadingAfter(readings, before, DeviceReading::isStable);
        long firstAfterReconnect = readings(readings).stream().filter(r -> r.frame().sequence() > before)
                .filter(r -> r.status() == ReadingStatus.IDENTITY).findFirst().orElseThrow().frame().sequence();
        assertIdentityFramesAt(readings, firstAfterReconnect);
        assertThat(firstAfterReconnect + 3).isLessThanOrEqualTo(resumed.frame().sequence());
        assertThat(events.identities).containsExactly(BALANCE, BALANCE);
        assertThat(events.connects).hasSize(2);
        assertThat(events.downs).allSatisfy(d -> assertThat(d.since()).isEqualTo(downSince));
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void asksOnASerialPortToo() throws Exception {
        pty = SocatPtyPair.start(directory);
        balance = balance(0).tcp(false).serialPort(pty.deviceSide().toString()).start();
        MockEndpoint readings = start("bench-device:bal-pty?transport=serial&serialPort=" + pty.linkSide()
                + "&pollInterval=50&reconnectDelay=50&maxReconnectDelay=200");

        awaitReading(readings, DeviceReading::isStable);
        assertIdentityFramesAt(readings, 1);

        pty.kill();
        Await.until(() -> !events.downs.isEmpty(), Duration.ofSeconds(5), () -> "the link reported down");
        long before = lastSequence(readings);
        pty.restart();
        awaitReadingAfter(readings, before, DeviceReading::isStable);
        assertThat(events.identities).containsExactly(BALANCE, BALANCE);
    }

    @Test
    void asksAMultimeterWithStarIdn() throws Exception {
        try (ScpiMultimeterSimulator meter = ScpiMultimeterSimulator.builder().port(0).manufacturer("JILIANG")
                .model("DMM-7").serialNumber("D42").firmware("3.1").start()) {
            MockEndpoint readings = start("bench-device:dmm-id?host=127.0.0.1&port=" + meter.port()
                    + "&protocol=scpi&pollInterval=50");

            DeviceReading first = awaitReading(readings, r -> r.frame().sequence() == 1);
            assertThat(first.status()).isEqualTo(ReadingStatus.IDENTITY);
            assertThat(first.frame().text()).startsWith("JILIANG,DMM-7,D42,3.1");
            awaitReading(readings, DeviceReading::isStable);
            assertThat(events.identities).containsExactly(new DeviceIdentity("DMM-7", "D42", "3.1"));
        }
    }

    @Test
    void aBalanceThatRefusesToTellItsSerialNumberIsStillRead() throws Exception {
        try (ScriptedDevice refusing = new ScriptedDevice(line -> switch (line) {
            case "I2" -> "I2 A \"XPE205 220.00 g\"\r\n";
            case "I3" -> "ES\r\n";
            case "I4" -> "I4 I\r\n";
            default -> "S S     100.00 g\r\n";
        })) {
            MockEndpoint readings = start("bench-device:bal-ref?host=127.0.0.1&port=" + refusing.port() + "&pollInterval=50");

            awaitReading(readings, DeviceReading::isStable);
            List<ReadingStatus> firstThree = readings(readings).subList(0, 3).stream().map(DeviceReading::status).toList();
            assertThat(firstThree).containsExactly(ReadingStatus.IDENTITY, ReadingStatus.DEVICE_ERROR, ReadingStatus.DEVICE_ERROR);
            assertThat(events.identities).containsExactly(new DeviceIdentity("XPE205", null, null));
        }
    }

    private void assertIdentityFramesAt(MockEndpoint readings, long firstSequence) {
        List<DeviceReading> all = readings(readings);
        List<String> texts = all.stream().filter(r -> r.frame().sequence() >= firstSequence
                && r.frame().sequence() < firstSequence + 3).map(r -> r.frame().text()).toList();
        assertThat(texts).containsExactly("I2 A \"XPE205 6000 g\"\r\n", "I3 A \"2.10.1\"\r\n", "I4 A \"B021002593\"\r\n");
        assertThat(all.stream().filter(r -> r.frame().sequence() >= firstSequence && r.frame().sequence() < firstSequence + 3))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReadingStatus.IDENTITY));
    }

    private MockEndpoint start(String uri) throws Exception {
        DefaultCamelContext context = routes.newContext();
        context.getComponent("bench-device", BenchDeviceComponent.class).setLinkListener(events);
        RouteHarness.addRoute(context, "device", uri);
        context.start();
        return context.getEndpoint("mock:device", MockEndpoint.class);
    }

    private static MtSicsBalanceSimulator.Builder balance(int port) {
        return MtSicsBalanceSimulator.builder().port(port).model("XPE205").serialNumber("B021002593")
                .softwareVersion("2.10.1").capacity(new BigDecimal("6000")).displayInterval(BigDecimal.ONE).unit("g")
                .settleTime(Duration.ZERO);
    }

    record Down(Instant since, String reason, long attempts) {
    }

    static final class Events implements LinkListener {
        final List<String> connects = new CopyOnWriteArrayList<>();
        final List<DeviceIdentity> identities = new CopyOnWriteArrayList<>();
        final List<Down> downs = new CopyOnWriteArrayList<>();

        @Override
        public void connected(String deviceId, String peer, Instant at, java.util.function.LongSupplier bytesReceived) {
            connects.add(peer);
        }

        @Override
        public void identityRead(String deviceId, DeviceIdentity identity, boolean available, Instant at) {
            identities.add(identity);
        }

        @Override
        public void down(String deviceId, Instant since, String reason, long reconnectAttempts) {
            downs.add(new Down(since, reason, reconnectAttempts));
        }
    }

    @SuppressWarnings("unused")
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
