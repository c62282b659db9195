package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.instrument.camel.RouteHarness.assertGaplessSequenceFromOne;
import static org.jiliang.instrument.camel.RouteHarness.awaitReading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.apache.camel.component.mock.MockEndpoint;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.testing.Await;
import org.jiliang.instrument.testing.SocatPtyPair;
import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.LineFramer;
import org.jiliang.instrument.transport.Link;
import org.jiliang.instrument.transport.SerialLink;
import org.jiliang.instrument.transport.SerialSettings;
import org.jiliang.instrument.transport.TcpLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, the wire side: every byte a device sends reaches a frame, over TCP and over a socat pty
 * pair. The device end is a raw {@link Link} the test writes to byte for byte (a real socket, a real
 * pty), so the faults are exactly the ones described: an over-long line, a line cut by a stop, a
 * fragment followed by a good reply, a line dripping byte by byte for 10 s. Each test checks the
 * invariant an auditor would: the frames, joined, are the bytes the device sent.
 */
@Timeout(90)
class WireIntegrityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SerialSettings SERIAL = new SerialSettings(9600, 8, SerialSettings.Parity.NONE,
            SerialSettings.StopBits.ONE);

    @TempDir
    Path directory;

    private final RouteHarness routes = new RouteHarness();
    private final ExecutorService deviceThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "wire-device");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocket server;
    private SocatPtyPair pty;
    private Link device;

    @AfterEach
    void stopEverything() throws Exception {
        routes.close();
        deviceThread.shutdownNow();
        if (device != null) {
            device.close();
        }
        if (server != null) {
            server.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    // ---- 1. over-long line -------------------------------------------------------------------------------

    @Test
    void aTenThousandByteLineIsKeptWholeUnderTheDefaultLimitOverTcp() throws Exception {
        MockEndpoint readings = tcp("long-tcp", "mode=stream&readTimeout=5000");
        byte[] sent = concat(ascii("S S     1.00 g\r\n"), longLine(10_000), ascii("S S     2.00 g\r\n"));

        device.send(sent);

        awaitReading(readings, weighing("2.00"), WAIT);
        assertThat(joinedFrames(readings)).isEqualTo(sent);
        List<DeviceReading> all = RouteHarness.readings(readings);
        assertThat(all).hasSize(3);
        assertThat(all.get(1).frame().length()).isEqualTo(10_002);
        assertThat(all.get(1).status()).isEqualTo(ReadingStatus.MALFORMED);
        assertThat(routes.consumer("long-tcp").linkFailures()).isZero();
        assertGaplessSequenceFromOne(readings);
    }

    @Test
    void aLineLongerThanTheLimitArrivesInPiecesThatJoinToEveryByteOverASerialPort() throws Exception {
        MockEndpoint readings = serial("long-serial", "mode=stream&readTimeout=5000&maxFrameLength=4096");
        byte[] sent = concat(longLine(10_000), ascii("S S     2.00 g\r\n"));

        device.send(sent);

        awaitReading(readings, weighing("2.00"), WAIT);
        assertThat(joinedFrames(readings)).isEqualTo(sent);
        List<DeviceReading> all = RouteHarness.readings(readings);
        assertThat(all).extracting(r -> r.frame().length()).containsExactly(4096, 4096, 1810, 16);
        assertThat(all).extracting(DeviceReading::rejectReason).containsExactly(
                "part 1 of a line longer than 4096 bytes: no terminator within the limit",
                "part 2 of a line longer than 4096 bytes: no terminator within the limit",
                "part 3, the last, of a line longer than 4096 bytes",
                null);
        assertGaplessSequenceFromOne(readings);
    }

    // ---- 2. half-received line on stop ----------------------------------------------------------------------

    @Test
    void aHalfReceivedLineIsKeptWhenTheRouteIsStoppedOverTcp() throws Exception {
        halfLineKeptOnStop(tcp("stop-tcp", "mode=stream&readTimeout=5000"), "stop-tcp");
    }

    @Test
    void aHalfReceivedLineIsKeptWhenTheRouteIsStoppedOverASerialPort() throws Exception {
        halfLineKeptOnStop(serial("stop-serial", "mode=stream&readTimeout=5000"), "stop-serial");
    }

    private void halfLineKeptOnStop(MockEndpoint readings, String route) throws Exception {
        BenchDeviceConsumer consumer = routes.consumer(route);
        byte[] sent = ascii("S S     1.00 g\r\nS S    1");

        device.send(sent);
        Await.until(() -> consumer.bytesReceived() == sent.length, WAIT, () -> "the consumer read all " + sent.length
                + " bytes (read " + consumer.bytesReceived() + ")");
        readings.getCamelContext().getRouteController().stopRoute(route);

        assertThat(joinedFrames(readings)).isEqualTo(sent);
        DeviceReading cut = RouteHarness.readings(readings).get(1);
        assertThat(cut.frame().bytes()).isEqualTo(ascii("S S    1"));
        assertThat(cut.status()).isEqualTo(ReadingStatus.MALFORMED);
    }

    // ---- 3. fragment followed by a good line ------------------------------------------------------------------

    @Test
    void aFragmentFollowedByAGoodReplyGivesBothFramesOverTcp() throws Exception {
        MockEndpoint readings = tcp("fragment-tcp", "mode=stream&readTimeout=5000");
        byte[] sent = ascii("S S     12S S     100.00 g\r\n");

        device.send(sent);

        DeviceReading good = awaitReading(readings, weighing("100.00"), WAIT);
        assertFragmentThenGoodReply(readings, good, sent);
    }

    @Test
    void aFragmentFollowedByAGoodReplyToAPollGivesBothFramesOverASerialPort() throws Exception {
        MockEndpoint readings = serial("fragment-serial", "pollInterval=50&readTimeout=2000");
        answerPolls(first -> device.send(ascii("S S     12S S     100.00 g\r\n")));

        DeviceReading good = awaitReading(readings, weighing("100.00"), WAIT);
        assertFragmentThenGoodReply(readings, good, null);
    }

    private static void assertFragmentThenGoodReply(MockEndpoint readings, DeviceReading good, byte[] sent) {
        List<DeviceReading> all = RouteHarness.readings(readings);
        DeviceReading fragment = all.get(all.indexOf(good) - 1);
        assertThat(fragment.frame().bytes()).isEqualTo(ascii("S S     12"));
        assertThat(fragment.status()).isEqualTo(ReadingStatus.MALFORMED);
        assertThat(fragment.rejectReason()).isEqualTo("unterminated fragment before the next reply");
        assertThat(good.frame().bytes()).isEqualTo(ascii("S S     100.00 g\r\n"));
        assertThat(good.status()).isEqualTo(ReadingStatus.STABLE);
        assertThat(good.frame().sequence()).isEqualTo(fragment.frame().sequence() + 1);
        if (sent != null) {
            assertThat(joinedFrames(readings)).isEqualTo(sent);
        }
    }

    // ---- 4. liveness by bytes ---------------------------------------------------------------------------------

    @Test
    void aLineDrippingForTenSecondsIsOneFrameAndNoLinkFailureInAStreamOverTcp() throws Exception {
        MockEndpoint readings = tcp("drip-tcp", "mode=stream&readTimeout=1000");
        byte[] dripped = drippedLine();
        deviceThread.execute(() -> {
            try {
                drip(dripped);
                while (!Thread.currentThread().isInterrupted()) {
                    device.send(ascii("S S     2.00 g\r\n"));
                    Thread.sleep(100); // the device's own pace, not the test's synchronisation
                }
            } catch (IOException | InterruptedException stopped) {
                // the test is over
            }
        });

        DeviceReading whole = awaitReading(readings, weighing("100.00"), WAIT);

        assertThat(whole.frame().bytes()).isEqualTo(dripped);
        assertThat(RouteHarness.readings(readings).get(0)).isEqualTo(whole);
        assertThat(routes.consumer("drip-tcp").linkFailures()).isZero();
    }

    @Test
    void aReplyDrippingForTenSecondsIsAwaitedInPollModeOverASerialPort() throws Exception {
        MockEndpoint readings = serial("drip-serial", "pollInterval=50&readTimeout=1000");
        byte[] dripped = drippedLine();
        answerPolls(first -> drip(dripped));

        DeviceReading whole = awaitReading(readings, weighing("100.00"), WAIT);

        assertThat(whole.frame().bytes()).isEqualTo(dripped);
        assertThat(RouteHarness.readings(readings).get(0)).isEqualTo(whole);
        assertThat(routes.consumer("drip-serial").linkFailures()).isZero();
    }

    /** A weight reply of 100 bytes (the value padded with spaces, as MT-SICS allows): 10 s at one byte per 100 ms. */
    private static byte[] drippedLine() {
        byte[] line = ascii("S S" + " ".repeat(87) + "100.00 g\r\n");
        assertThat(line).hasSize(100);
        return line;
    }

    private void drip(byte[] line) throws IOException, InterruptedException {
        for (byte b : line) {
            device.send(new byte[] {b});
            Thread.sleep(100); // the device's own pace, not the test's synchronisation
        }
    }

    // ---- devices ------------------------------------------------------------------------------------------------

    private interface FirstReply {
        void send(String poll) throws IOException, InterruptedException;
    }

    /** The device answers the first poll as told, every later one at once with a plain reading. */
    private void answerPolls(FirstReply first) {
        deviceThread.execute(() -> {
            try {
                boolean answered = false;
                while (!Thread.currentThread().isInterrupted()) {
                    byte[] poll;
                    try {
                        poll = device.readFrame(Duration.ofMillis(200));
                    } catch (FrameTimeoutException idle) {
                        continue;
                    }
                    if (!answered) {
                        answered = true;
                        first.send(new String(poll, StandardCharsets.US_ASCII));
                    } else {
                        device.send(ascii("S S     2.00 g\r\n"));
                    }
                }
            } catch (IOException | InterruptedException stopped) {
                // the test is over
            }
        });
    }

    private MockEndpoint tcp(String route, String options) throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout((int) WAIT.toMillis());
        MockEndpoint readings = routes.start(route, "bench-device:" + route + "?host=127.0.0.1&port=" + server.getLocalPort()
                + "&" + options);
        Socket socket = server.accept();
        device = TcpLink.accepted(socket, new LineFramer(256));
        return readings;
    }

    private MockEndpoint serial(String route, String options) throws Exception {
        pty = SocatPtyPair.start(directory);
        device = SerialLink.open(pty.deviceSide().toString(), SERIAL, new LineFramer(256));
        MockEndpoint readings = routes.start(route, "bench-device:" + route + "?transport=serial&serialPort="
                + pty.linkSide() + "&baudRate=9600&" + options);
        BenchDeviceConsumer consumer = routes.consumer(route);
        Await.until(consumer::isConnected, WAIT, () -> route + " connected");
        return readings;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static Predicate<DeviceReading> weighing(String value) {
        return r -> r.isStable() && r.value().compareTo(new BigDecimal(value)) == 0;
    }

    private static byte[] joinedFrames(MockEndpoint readings) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (DeviceReading reading : RouteHarness.readings(readings)) {
            joined.writeBytes(reading.frame().bytes());
        }
        return joined.toByteArray();
    }

    /** {@code length} digits then CR LF: no MT-SICS reply, and no terminator for {@code length} bytes. */
    private static byte[] longLine(int length) {
        byte[] line = new byte[length + 2];
        for (int i = 0; i < length; i++) {
            line[i] = (byte) ('0' + i % 10);
        }
        line[length] = '\r';
        line[length + 1] = '\n';
        return line;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
