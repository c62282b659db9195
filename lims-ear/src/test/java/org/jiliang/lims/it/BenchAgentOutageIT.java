package org.jiliang.lims.it;

import static org.jiliang.lims.it.Waits.awaitTrue;
import static org.jiliang.lims.it.Waits.tail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench agent as it runs on a bench PC: the real executable jar, started as its own process,
 * reads a streaming balance and forwards to the deployed server through a link the test cuts for
 * several seconds, during which the agent is even restarted. Afterwards every frame the balance
 * sent is in the database exactly once, in order, byte for byte.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BenchAgentOutageIT {

    private static final URI SERVER = URI.create(LimsApi.BASE_URL);
    private static final Path AGENT_JAR = Path.of(System.getProperty("it.benchAgentJar",
            "../instrument-adapters/target/bench-agent.jar"));

    private final LimsApi admin = LimsApi.as("admin");

    @TempDir
    Path work;

    @Test
    void everyFrameSentDuringAnOutageAndAnAgentRestartIsStoredExactlyOnceInOrder() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String bench = "BENCH-IT-" + suffix;
        String device = "BAL-AG-" + suffix;
        String token = register(bench);
        Path journal = work.resolve("journal");
        Path log = Path.of(System.getProperty("it.reportDir", "target/it-reports")).resolve("bench-agent-" + bench + ".log");
        Files.createDirectories(log.getParent());

        try (StreamingBalance balance = new StreamingBalance(40);
                CuttableLink network = new CuttableLink(SERVER.getHost(), SERVER.getPort())) {
            var assigned = admin.post("/api/v1/bench-agents/" + bench + "/devices", "{\"code\":\"" + device
                    + "\",\"name\":\"USB balance\",\"protocol\":\"mt-sics\",\"transport\":\"tcp\",\"host\":\"127.0.0.1\","
                    + "\"port\":" + balance.port() + ",\"mode\":\"stream\",\"startCommand\":\"SIR\"}");
            assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);

            String server = "http://127.0.0.1:" + network.port() + SERVER.getPath();
            Process agent = startAgent(server, token, journal, log);
            try {
                awaitTrue(() -> storedCount(device) >= 30, Duration.ofSeconds(60), () -> "frames arriving; agent log:\n"
                        + tail(log));

                network.cut();
                // Frames journaled before the cut may still arrive (a batch in flight); none journaled after it.
                awaitTrue(() -> lastJournalSequence(journal, device) > 0, Duration.ofSeconds(10), () -> "a journal");
                long journaledAtCut = lastJournalSequence(journal, device);
                int sentAtCut = balance.sentCount();
                awaitTrue(() -> balance.sentCount() > sentAtCut + 20
                        && lastJournalSequence(journal, device) > journaledAtCut + 20, Duration.ofSeconds(20),
                        () -> "the balance goes on sending and the agent journaling: sent " + balance.sentCount()
                                + ", journal at " + lastJournalSequence(journal, device));
                assertThat(maxStoredSequence(device)).as("nothing journaled after the cut reaches the server")
                        .isLessThanOrEqualTo(journaledAtCut);

                // The agent restarts while the network is still down: what it journaled must survive.
                balance.streaming(false);
                awaitTrue(() -> lastJournalSequence(journal, device) == balance.sentCount(), Duration.ofSeconds(10),
                        () -> "journal at " + lastJournalSequence(journal, device) + ", sent " + balance.sentCount());
                stop(agent);
                agent = startAgent(server, token, journal, log);
                int sentAtRestart = balance.sentCount();
                balance.streaming(true);
                awaitTrue(() -> lastJournalSequence(journal, device) > sentAtRestart + 20, Duration.ofSeconds(60),
                        () -> "the restarted agent reads the balance again from the devices it kept; journal at "
                                + lastJournalSequence(journal, device) + "; agent log:\n" + tail(log));
                assertThat(maxStoredSequence(device)).as("still cut after the agent's restart")
                        .isLessThanOrEqualTo(journaledAtCut);

                network.restore();
                int sentAtRestore = balance.sentCount();
                awaitTrue(() -> storedCount(device) > sentAtRestore + 20, Duration.ofSeconds(60),
                        () -> "the journal replayed and new frames arriving; agent log:\n" + tail(log));
                balance.silence(); // nothing more is sent, an answer to the reader's reconnection included
                int sent = balance.sentCount();
                awaitTrue(() -> storedCount(device) >= sent, Duration.ofSeconds(60),
                        () -> storedCount(device) + " of " + sent + " stored; agent log:\n" + tail(log));
            } finally {
                stop(agent);
            }

            List<byte[]> sent = balance.sent();
            List<Long> sequences = new ArrayList<>();
            List<byte[]> stored = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            try (Connection db = ServerDatabase.connect(); PreparedStatement q = db.prepareStatement(
                    "select f.sequence, f.raw_bytes, f.status, f.received_at from device_frame f"
                            + " join bench_device d on d.id = f.device_id where d.code = ? order by f.sequence, f.id")) {
                q.setString(1, device);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        sequences.add(rs.getLong(1));
                        stored.add(rs.getBytes(2));
                        statuses.add(rs.getString(3));
                        times.add(rs.getObject(4, java.time.OffsetDateTime.class).toInstant());
                    }
                }
            }
            // at least what the waits above asked for: 30 stored, then 20 more three times over
            assertThat(sent.size()).as("frames the balance sent").isGreaterThanOrEqualTo(90);
            assertThat(stored).as("stored frames: exactly as many as sent, no loss, no duplicate").hasSameSizeAs(sent);
            assertThat(sequences).as("sequences 1..n, each once").isEqualTo(
                    java.util.stream.LongStream.rangeClosed(1, sent.size()).boxed().toList());
            for (int i = 0; i < sent.size(); i++) {
                assertThat(stored.get(i)).as("frame %d byte for byte, in the order sent", i + 1).isEqualTo(sent.get(i));
            }
            int garbled = 0;
            for (int i = 0; i < sent.size(); i++) {
                if (java.util.Arrays.equals(sent.get(i), StreamingBalance.GARBAGE)) {
                    assertThat(statuses.get(i)).as("the garbled frame %d is kept as MALFORMED", i + 1).isEqualTo("MALFORMED");
                    garbled++;
                }
            }
            assertThat(garbled).as("every 37th weight line is garbled").isPositive();
            // on connecting, the agent's reader asks the balance who it is (I2, I3, I4): three identity answers first
            assertThat(statuses.subList(0, 3)).containsOnly("IDENTITY");
            assertThat(statuses.get(3)).isEqualTo("STABLE");
            assertThat(times).as("received in the order of the sequence").isSorted();

            // the live board is updated right after each commit, so it may trail the table by a moment
            awaitTrue(() -> admin.get("/api/v1/benches/" + device + "/latest").object().getJsonNumber("sequence")
                    .longValue() == sent.size(), Duration.ofSeconds(5), () -> "the bench page shows the last frame");
            assertThat(Files.readString(log)).contains("Server not available", "reading the devices of the last start");
        }
    }

    @Test
    void aReplayedBatchIsStoredOnceAndABadBatchIsRefusedWhole() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String bench = "BENCH-RP-" + suffix;
        String device = "BAL-RP-" + suffix;
        String token = register(bench);
        assertThat(admin.post("/api/v1/bench-agents/" + bench + "/devices", "{\"code\":\"" + device
                + "\",\"protocol\":\"mt-sics\",\"transport\":\"serial\",\"serialPort\":\"/dev/ttyUSB0\"}").status())
                .isEqualTo(200);
        LimsApi agent = LimsApi.bench(token);

        JsonObject profiles = agent.get("/api/v1/agent/profiles").object();
        assertThat(profiles.getString("bench")).isEqualTo(bench);
        JsonObject profile = profiles.getJsonArray("devices").getJsonObject(0);
        assertThat(profile.getString("serialPort")).isEqualTo("/dev/ttyUSB0");
        assertThat(profile.getJsonNumber("storedSequence").longValue()).isZero();

        String batch = "{\"frames\":[" + frame(device, 1, "S S      1.000 g\r\n") + "," + frame(device, 2,
                "S S      2.000 g\r\n") + "]}";
        JsonObject first = agent.post("/api/v1/agent/frames", batch).object();
        assertThat(first.getJsonArray("devices").getJsonObject(0).getInt("stored")).isEqualTo(2);
        JsonObject replay = agent.post("/api/v1/agent/frames", batch).object().getJsonArray("devices").getJsonObject(0);
        assertThat(replay.getInt("stored")).as("a replay stores nothing").isZero();
        assertThat(replay.getInt("duplicates")).isEqualTo(2);
        assertThat(replay.getJsonNumber("acknowledged").longValue()).isEqualTo(2);

        var unknown = agent.postEnglish("/api/v1/agent/frames", "{\"frames\":[" + frame(device, 3, "S S      3.000 g\r\n")
                + "," + frame("NOT-MINE", 1, "S S 1 g\r\n") + "]}");
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.object().getString("detail")).contains("NOT-MINE", "nothing of this batch was stored");
        assertThat(storedCount(device)).as("frame 3 of the refused batch was not stored").isEqualTo(2);
        assertThat(agent.get("/api/v1/agent/profiles").object().getJsonArray("devices").getJsonObject(0)
                .getJsonNumber("storedSequence").longValue()).isEqualTo(2);

        assertThat(admin.post("/api/v1/bench-agents/" + bench + "/revoke", "{}").status()).isEqualTo(200);
        var revoked = agent.post("/api/v1/agent/frames", batch);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.object().getString("detail")).contains("令牌");
        var wrong = LimsApi.bench("not-a-token").postEnglish("/api/v1/agent/frames", batch);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.object().getString("detail")).contains("token is missing, unknown or revoked");
        assertThat(LimsApi.as("technician").post("/api/v1/bench-agents", "{\"code\":\"BENCH-X-" + suffix + "\"}")
                .status()).as("only administrators register benches").isEqualTo(403);
    }

    private String register(String bench) {
        var registered = admin.post("/api/v1/bench-agents", "{\"code\":\"" + bench + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        String token = registered.object().getString("token");
        assertThat(token).hasSizeGreaterThan(40);
        return token;
    }

    private static String frame(String device, long sequence, String text) {
        return "{\"device\":\"" + device + "\",\"sequence\":" + sequence + ",\"receivedAt\":\"" + Instant.now()
                + "\",\"raw\":\"" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII))
                + "\",\"status\":\"STABLE\",\"value\":" + sequence + ".000,\"unit\":\"g\"}";
    }

    private Process startAgent(String server, String token, Path journal, Path log) throws IOException {
        assertThat(AGENT_JAR).as("the executable agent (mvn package in instrument-adapters)").exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", AGENT_JAR.toAbsolutePath().toString(), "--server", server, "--journal",
                journal.toString(), "--max-backoff", "1000");
        pb.environment().put("JILIANG_BENCH_TOKEN", token);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    private static void stop(Process agent) throws InterruptedException {
        if (agent.isAlive()) {
            agent.destroy(); // SIGTERM: Camel Main stops the routes and the journal is closed
            if (!agent.waitFor(20, TimeUnit.SECONDS)) {
                agent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static long maxStoredSequence(String device) {
        try (Connection db = ServerDatabase.connect(); PreparedStatement q = db.prepareStatement(
                "select coalesce(max(f.sequence), 0) from device_frame f join bench_device d on d.id = f.device_id"
                        + " where d.code = ?")) {
            q.setString(1, device);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long storedCount(String device) {
        try (Connection db = ServerDatabase.connect(); PreparedStatement q = db.prepareStatement(
                "select count(*) from device_frame f join bench_device d on d.id = f.device_id where d.code = ?")) {
            q.setString(1, device);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sequence of the journal's last complete line: what the agent has safely on disk. */
    private static long lastJournalSequence(Path journal, String device) {
        try {
            Path file = journal.resolve(device + ".journal");
            if (!Files.exists(file)) {
                return 0;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            String content = Files.readString(file, StandardCharsets.US_ASCII);
            if (lines.isEmpty() || !content.endsWith("\n")) {
                return -1;
            }
            String last = lines.get(lines.size() - 1);
            return Long.parseLong(last.substring(0, last.indexOf('\t')));
        } catch (IOException e) {
            return -1;
        }
    }


}
