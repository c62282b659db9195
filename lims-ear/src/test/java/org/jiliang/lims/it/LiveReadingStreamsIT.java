package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live readings on the deployed server: only bench staff read and stream them; a stream whose
 * browser went away is let go with its socket even when its device never sends; one user holds at
 * most four streams; a client that stops reading is dropped while frames go on being stored.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LiveReadingStreamsIT {

    private static final Logger LOG = LoggerFactory.getLogger(LiveReadingStreamsIT.class);
    private static final List<String> STAFF = List.of("technician", "checker", "approver", "quality", "admin");
    private static final int STREAMS_PER_USER = 4;
    /** Two heartbeats notice a closed stream; the rest is slack for a busy machine. */
    private static final Duration LET_GO = Duration.ofSeconds(30);
    /** File descriptors the server may open or close meanwhile for other reasons (pooled connections, logs). */
    private static final int FD_SLACK = 10;

    private final LimsApi admin = LimsApi.as("admin");

    @Test
    void onlyBenchStaffReadAndStreamLiveReadings() throws IOException {
        awaitUntil(() -> LimsApi.as("technician").get("/api/v1/benches/BAL-01/latest").status() == 200,
                Duration.ofSeconds(20), () -> "a reading of the demo's scale");
        for (String user : STAFF) {
            assertThat(LimsApi.as(user).get("/api/v1/benches/BAL-01/latest").status()).as(user).isEqualTo(200);
            try (LiveStream stream = LiveStream.open(user, BenchFlow.DEVICE)) {
                assertThat(stream.status()).as(user).isEqualTo(200);
                assertThat(stream.nextReading(Duration.ofSeconds(10)).getString("deviceCode")).isEqualTo("BAL-01");
            }
        }
        for (String user : List.of("customer", "customer2", "clerk")) {
            var latest = LimsApi.as(user).get("/api/v1/benches/BAL-01/latest");
            assertThat(latest.status()).as(user + ": " + latest.text()).isEqualTo(403);
            assertThat(latest.object().getString("error")).isEqualTo("error.forbidden");
            assertThat(latest.text()).doesNotContain("deviceCode", "rawHex");
            try (LiveStream stream = LiveStream.open(user, BenchFlow.DEVICE)) {
                assertThat(stream.status()).as(user + " streaming").isEqualTo(403);
            }
            assertThat(LimsApi.as(user).post("/api/v1/benches/BAL-01/simulated-load", "{\"value\":5,\"unit\":\"kg\"}")
                    .status()).as(user + " loading the simulated scale").isEqualTo(403);
        }
        LimsApi anonymous = LimsApi.anonymous();
        assertThat(anonymous.get("/api/v1/benches/BAL-01/latest").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/benches/BAL-01/live").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/benches/BAL-01/simulated-load", "{\"value\":5,\"unit\":\"kg\"}").status())
                .isEqualTo(401);
        assertThat(LimsApi.as("technician").get("/api/v1/live-streams").status())
                .as("the stream counts are for administrators").isEqualTo(403);
    }

    @Test
    void closedStreamsOfADeviceThatNeverSendsAreLetGoWithTheirSockets() {
        String device = silentDevice();
        awaitNoStreamsOf(STAFF);
        int openBefore = streams().getInt("open");
        ServerConnections before = ServerConnections.now();
        int rounds = 5;
        int perRound = STAFF.size() * STREAMS_PER_USER;
        for (int round = 1; round <= rounds; round++) {
            List<LiveStream> streams = new ArrayList<>();
            for (String user : STAFF) {
                for (int i = 0; i < STREAMS_PER_USER; i++) {
                    LiveStream stream = LiveStream.open(user, device);
                    streams.add(stream);
                    assertThat(stream.status()).as("stream %d of %s in round %d", i + 1, user, round).isEqualTo(200);
                }
            }
            ServerConnections open = ServerConnections.now();
            assertThat(open.open()).as("server-side connections with %d streams open", perRound)
                    .isGreaterThanOrEqualTo(before.open() + perRound);

            streams.forEach(LiveStream::close);

            int r = round;
            awaitUntil(() -> ServerConnections.now().halfOpen() <= before.halfOpen(), LET_GO,
                    () -> "round " + r + ": connections the clients closed and the server kept (half-open): "
                            + ServerConnections.now() + ", before the streams: " + before);
            awaitUntil(() -> streams().getInt("open") <= openBefore, LET_GO,
                    () -> "round " + r + ": streams the server still counts: " + streams());
        }
        ServerConnections after = ServerConnections.now();
        LOG.info("{} streams opened and closed in {} rounds; server before {}, after {}; {}", rounds * perRound,
                rounds, before, after, streams());
        assertThat(after.fileDescriptors()).as("server file descriptors after %d closed streams; before: %s",
                rounds * perRound, before).isLessThanOrEqualTo(before.fileDescriptors() + FD_SLACK);
        assertThat(streams().getJsonNumber("endedByClients").longValue()).isGreaterThanOrEqualTo(rounds * perRound);
    }

    @Test
    void oneStreamMoreThanFourForOneUserIsRefusedUntilAnotherCloses() throws Exception {
        String device = silentDevice();
        awaitNoStreamsOf(List.of("approver", "checker"));
        List<LiveStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_USER; i++) {
                streams.add(LiveStream.open("approver", device));
                assertThat(streams.get(i).status()).isEqualTo(200);
            }

            var refused = LimsApi.as("approver").get("/api/v1/benches/" + device + "/live");
            assertThat(refused.status()).as(refused.text()).isEqualTo(429);
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
            JsonObject problem = refused.object();
            assertThat(problem.getString("error")).isEqualTo("error.live.tooManyStreams");
            assertThat(problem.getString("detail")).contains("4", "实时读数");
            var english = LimsApi.as("approver").getEnglish("/api/v1/benches/" + device + "/live");
            assertThat(english.object().getString("detail")).contains("4 live reading streams");
            try (LiveStream otherUser = LiveStream.open("checker", device)) {
                assertThat(otherUser.status()).as("the limit is per user").isEqualTo(200);
            }

            streams.remove(0).close();
            awaitUntil(() -> {
                LiveStream again = LiveStream.open("approver", device);
                if (again.status() == 200) {
                    streams.add(again);
                    return true;
                }
                again.close();
                return false;
            }, LET_GO, () -> "a stream for approver after closing one of four");
        } finally {
            streams.forEach(LiveStream::close);
        }
    }

    /**
     * The server notices a client that stopped reading only once the connection's buffers are full (on
     * loopback the kernel lets a send buffer grow to a few MB), so the device sends long lines, and the
     * test waits minutes rather than seconds for that; what it checks then takes seconds.
     */
    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aClientThatStopsReadingIsDroppedWhileFramesGoOnBeingStored() throws Exception {
        String code = "LIVE-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        try (ChattyDevice device = new ChattyDevice()) {
            var registered = admin.post("/api/v1/devices", "{\"code\":\"" + code + "\",\"name\":\"Live IT\","
                    + "\"protocol\":\"mt-sics\",\"host\":\"127.0.0.1\",\"port\":" + device.port()
                    + ",\"mode\":\"stream\",\"startCommand\":\"SIR\"}");
            assertThat(registered.status()).as(registered.text()).isEqualTo(200);
            awaitNoStreamsOf(List.of("checker", "technician"));
            long droppedBefore = streams().getJsonNumber("droppedAsStalled").longValue();
            awaitUntil(() -> LimsApi.as("checker").get("/api/v1/benches/" + code + "/latest").status() == 200,
                    Duration.ofSeconds(20), () -> "first reading of " + code);

            try (LiveStream reading = LiveStream.open("checker", code);
                    LiveStream stalled = LiveStream.open("technician", code, 2048)) {
                assertThat(stalled.status()).isEqualTo(200);
                AtomicLong lastSeen = new AtomicLong();
                Thread reader = readAlong(reading, lastSeen);
                long started = System.nanoTime();
                // the stalled client reads nothing from here on

                awaitUntil(() -> streams().getJsonNumber("droppedAsStalled").longValue() > droppedBefore,
                        Duration.ofMinutes(4), () -> "the stalled client dropped; " + streams());
                Duration toDrop = Duration.ofNanos(System.nanoTime() - started);

                long sent = device.sent();
                awaitUntil(() -> sequenceOf(code) >= sent, Duration.ofSeconds(10),
                        () -> "frames stored up to what the device sent (" + sent + "); stored up to "
                                + sequenceOf(code));
                awaitUntil(() -> lastSeen.get() >= sent, Duration.ofSeconds(10),
                        () -> "the reading client sees frame " + sent + "; it saw " + lastSeen.get());
                assertThat(streams().getJsonObject("openByUser").getJsonNumber("checker").longValue())
                        .as("the reading client's stream").isEqualTo(1);

                // Undertow's write-timeout (30 s without progress) ends the connection the server could not write to
                awaitUntil(() -> !ServerConnections.holdsConnectionFrom(stalled.localPort()), Duration.ofSeconds(90),
                        () -> "the server closes the stalled client's connection");
                Duration toClose = Duration.ofNanos(System.nanoTime() - started);
                assertThat(stalled.drainUntilServerCloses(Duration.ofSeconds(30)))
                        .as("the stalled client finds its stream ended").isTrue();
                LOG.info("Stalled client dropped after {} s and disconnected after {} s; the device sent {} frames,"
                        + " stored up to {}, the reading client saw {}; {}", toDrop.toSeconds(), toClose.toSeconds(),
                        device.sent(), sequenceOf(code), lastSeen.get(), streams());
                reader.interrupt();
            }
        } finally {
            admin.post("/api/v1/devices/" + code + "/stop", "{}");
        }
    }

    /** A device registered on a port where nothing listens, and stopped: it never sends a frame. */
    private String silentDevice() {
        String code = "SILENT-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = admin.post("/api/v1/devices", "{\"code\":\"" + code + "\",\"name\":\"Silent IT\","
                + "\"protocol\":\"mt-sics\",\"host\":\"127.0.0.1\",\"port\":9,\"pollIntervalMs\":1000}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        assertThat(admin.post("/api/v1/devices/" + code + "/stop", "{}").status()).isEqualTo(200);
        return code;
    }

    private JsonObject streams() {
        var reply = admin.get("/api/v1/live-streams");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    private long sequenceOf(String code) {
        return admin.get("/api/v1/benches/" + code + "/latest").object().getJsonNumber("sequence").longValue();
    }

    /** Streams of these users left by an earlier test (a browser's bench page) must not count against this one. */
    private void awaitNoStreamsOf(List<String> users) {
        awaitUntil(() -> users.stream().noneMatch(streams().getJsonObject("openByUser")::containsKey),
                LET_GO, () -> "no live streams of " + users + " open; " + streams());
    }

    private static Thread readAlong(LiveStream stream, AtomicLong lastSeen) {
        Thread reader = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    lastSeen.set(stream.nextReading(Duration.ofSeconds(30)).getJsonNumber("sequence").longValue());
                }
            } catch (IOException e) {
                // the stream ended or the test closed it
            }
        }, "live-reading-client");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /**
     * A streaming device with long lines (malformed for MT-SICS, stored all the same), so that the live
     * events are large and a stalled client's connection fills sooner; it counts what it sent.
     */
    private static final class ChattyDevice implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final AtomicLong sent = new AtomicLong();
        private final Thread thread = new Thread(this::serve, "chatty-device");

        ChattyDevice() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        long sent() {
            return sent.get();
        }

        private void serve() {
            try (Socket client = server.accept()) {
                InputStream in = client.getInputStream();
                for (int b = in.read(); b != '\n'; b = in.read()) {
                    if (b < 0) {
                        return;
                    }
                }
                OutputStream out = client.getOutputStream();
                while (!Thread.currentThread().isInterrupted()) {
                    long n = sent.get() + 1;
                    String line = ("S S " + n + " ").repeat(40).substring(0, 240) + "\r\n";
                    out.write(line.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    sent.set(n); // counted once the whole line is written
                    Thread.sleep(2);
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            thread.interrupt();
            server.close();
        }
    }

    private static void awaitUntil(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what.get());
            }
            BenchFlow.sleep(200);
        }
    }
}
