package org.jiliang.lims.it;

import static org.jiliang.lims.it.Waits.awaitTrue;
import static org.jiliang.lims.it.Waits.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench agent under faults of the server side (issue 8): the real {@code bench-agent.jar} streams a
 * balance into a WildFly of this test's own, on a PostgreSQL cluster of its own, while WildFly is killed
 * with SIGKILL and started again five times and PostgreSQL is stopped for a minute. Afterwards every
 * frame the balance sent (its own record of them) is in the database exactly once, with its sequence and
 * its bytes, and the figures are printed (and written to {@code target/it-reports/bench-agent-faults.txt}).
 *
 * <p>Skipped, with a message, where PostgreSQL is not installed; CI installs it ({@code .ci/run}).
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@OwnServer
class BenchAgentFaultIT {

    private static final int KILLS = 5;
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(60);
    private static final Path SERVER = Path.of(System.getProperty("it.serverDir", "target/server"));
    private static final Path AGENT_JAR = Path.of(System.getProperty("it.benchAgentJar",
            "../instrument-adapters/target/bench-agent.jar"));
    private static final Path REPORTS = Path.of(System.getProperty("it.reportDir", "target/it-reports"));
    private static final Pattern REPLAYED = Pattern.compile("Server already held (\\d+) frame");

    @TempDir
    Path work;

    @Test
    void everyFrameIsStoredExactlyOnceThroughFiveWildFlyKillsAndAMinuteWithoutPostgres() throws Exception {
        assumeTrue(PostgresCluster.binaries().isPresent(),
                "PostgreSQL is not installed here (no /usr/lib/postgresql/*/bin/initdb): fault test skipped");
        assertThat(AGENT_JAR).as("the executable agent (mvn package in instrument-adapters)").exists();
        Files.createDirectories(REPORTS);
        Path agentLog = REPORTS.resolve("bench-agent-faults.log");
        Files.deleteIfExists(agentLog);
        Instant began = Instant.now();
        Map<String, Duration> phases = new java.util.LinkedHashMap<>();

        try (PostgresCluster database = PostgresCluster.create();
                StreamingBalance balance = new StreamingBalance(40)) {
            database.start();
            database.createDatabase("lims", "lims", "lims");
            int offset = WildFlyProcess.freePortOffset();
            try (WildFlyProcess wildfly = WildFlyProcess.copyOf(SERVER, work.resolve("wildfly")).quickToStart()
                    .portOffset(offset)
                    .demo(work.resolve("data"))
                    .environment("LIMS_DB_DRIVER", "postgresql").environment("LIMS_DB_URL", database.jdbcUrl("lims"))
                    .environment("LIMS_DB_USER", "lims").environment("LIMS_DB_PASSWORD", "lims")
                    .build()) {
                Instant t = Instant.now();
                wildfly.start();
                phases.put("first start", Duration.between(t, Instant.now()));
                String base = wildfly.baseUrl() + "/lims";
                String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
                String bench = "BENCH-FT-" + suffix;
                String device = "BAL-FT-" + suffix;
                LimsApi admin = LimsApi.as("admin").at(base);
                var registered = admin.post("/api/v1/bench-agents", "{\"code\":\"" + bench + "\"}");
                assertThat(registered.status()).as(registered.text()).isEqualTo(200);
                var assigned = admin.post("/api/v1/bench-agents/" + bench + "/devices", "{\"code\":\"" + device
                        + "\",\"protocol\":\"mt-sics\",\"transport\":\"tcp\",\"host\":\"127.0.0.1\",\"port\":"
                        + balance.port() + ",\"mode\":\"stream\",\"startCommand\":\"SIR\"}");
                assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
                Supplier<Long> stored = () -> storedCount(database, device);

                Process agent = startAgent(base, registered.object().getString("token"), work.resolve("journal"),
                        agentLog);
                try {
                    awaitTrue(() -> stored.get() >= 30, Duration.ofSeconds(60),
                            () -> "frames arriving; agent log:\n" + tail(agentLog));

                    t = Instant.now();
                    for (int kill = 1; kill <= KILLS; kill++) {
                        long before = stored.get();
                        // Kill while batches flow, so that one may commit and lose its acknowledgement.
                        awaitTrue(() -> stored.get() >= before + 20, Duration.ofSeconds(60),
                                () -> "frames arriving before the kill; agent log:\n" + tail(agentLog));
                        wildfly.kill();
                        assertThat(agent.isAlive()).as("the agent outlives the server").isTrue();
                        wildfly.start();
                    }
                    long afterKills = stored.get();
                    awaitTrue(() -> stored.get() >= afterKills + 20, Duration.ofSeconds(60),
                            () -> "frames arriving after the last restart; agent log:\n" + tail(agentLog));
                    phases.put(KILLS + " kills and restarts of WildFly", Duration.between(t, Instant.now()));

                    t = Instant.now();
                    database.stop();
                    int sentAtStop = balance.sentCount();
                    Instant outageEnds = Instant.now().plus(DATABASE_OUTAGE);
                    awaitTrue(() -> Instant.now().isAfter(outageEnds), DATABASE_OUTAGE.plusSeconds(10),
                            () -> "the outage's minute");
                    assertThat(balance.sentCount()).as("the balance went on sending").isGreaterThan(sentAtStop + 500);
                    assertThat(agent.isAlive()).isTrue();
                    database.start();
                    long afterOutage = stored.get();
                    awaitTrue(() -> stored.get() >= afterOutage + 20, Duration.ofSeconds(120),
                            () -> "frames arriving after the database is back; agent log:\n" + tail(agentLog));
                    phases.put("PostgreSQL stopped for " + DATABASE_OUTAGE.toSeconds() + " s, and recovery",
                            Duration.between(t, Instant.now()));

                    t = Instant.now();
                    balance.silence(); // nothing more is sent, an answer to the reader's reconnection included
                    int sent = balance.sentCount();
                    awaitTrue(() -> stored.get() >= sent, Duration.ofSeconds(180),
                            () -> stored.get() + " of " + sent + " stored; agent log:\n" + tail(agentLog));
                    phases.put("journal drained", Duration.between(t, Instant.now()));
                } finally {
                    stop(agent);
                }

                List<byte[]> sent = balance.sent();
                Map<Long, List<byte[]>> rows = rows(database, device);
                long storedRows = rows.values().stream().mapToLong(List::size).sum();
                long duplicates = storedRows - rows.size();
                long missing = 0;
                long altered = 0;
                for (int i = 0; i < sent.size(); i++) {
                    List<byte[]> copies = rows.get((long) i + 1);
                    if (copies == null) {
                        missing++;
                    } else if (!Arrays.equals(copies.get(0), sent.get(i))) {
                        altered++;
                    }
                }
                long beyond = rows.keySet().stream().filter(n -> n > sent.size()).count();
                long replayed = replayedFrames(agentLog);
                String figures = String.format("BENCH AGENT FAULTS: %d WildFly kills (SIGKILL) and restarts, PostgreSQL"
                        + " stopped %d s; frames sent %d, stored %d, duplicated %d, missing %d, altered %d, not sent %d;"
                        + " sent again after a lost acknowledgement and stored once: %d; total %d s%n",
                        KILLS, DATABASE_OUTAGE.toSeconds(), sent.size(), storedRows, duplicates, missing, altered,
                        beyond, replayed, Duration.between(began, Instant.now()).toSeconds());
                StringBuilder report = new StringBuilder(figures);
                phases.forEach((phase, d) -> report.append(String.format("  %-45s %5d s%n", phase, d.toSeconds())));
                System.out.print(report);
                Files.writeString(REPORTS.resolve("bench-agent-faults.txt"), report, StandardCharsets.UTF_8);

                assertThat(wildfly.starts()).isEqualTo(KILLS + 1);
                assertThat(sent.size()).as("frames the balance sent").isGreaterThan(1000);
                assertThat(missing).as("frames sent but not stored").isZero();
                assertThat(duplicates).as("frames stored twice").isZero();
                assertThat(altered).as("frames stored with other bytes than sent").isZero();
                assertThat(beyond).as("frames stored that the balance never sent").isZero();
                assertThat(storedRows).isEqualTo(sent.size());
            }
        }
    }

    private Process startAgent(String server, String token, Path journal, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", AGENT_JAR.toAbsolutePath().toString(), "--server", server, "--journal",
                journal.toString(), "--max-backoff", "1000");
        pb.environment().put("JILIANG_BENCH_TOKEN", token);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    private static void stop(Process agent) throws InterruptedException {
        if (agent.isAlive()) {
            agent.destroy();
            if (!agent.waitFor(20, TimeUnit.SECONDS)) {
                agent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static long storedCount(PostgresCluster database, String device) {
        try (Connection db = connect(database); PreparedStatement q = db.prepareStatement(
                "select count(*) from device_frame f join bench_device d on d.id = f.device_id where d.code = ?")) {
            q.setString(1, device);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every stored frame of the device: its bytes by sequence (more than one if it were stored twice). */
    private static Map<Long, List<byte[]>> rows(PostgresCluster database, String device) throws SQLException {
        Map<Long, List<byte[]>> rows = new HashMap<>();
        try (Connection db = connect(database); PreparedStatement q = db.prepareStatement(
                "select f.sequence, f.raw_bytes from device_frame f join bench_device d on d.id = f.device_id"
                        + " where d.code = ?")) {
            q.setString(1, device);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getLong(1), n -> new ArrayList<>()).add(rs.getBytes(2));
                }
            }
        }
        return rows;
    }

    private static Connection connect(PostgresCluster database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl("lims"), "lims", "lims");
    }

    /** Frames the server reported it already held when the agent sent them again (lost acknowledgements). */
    private static long replayedFrames(Path log) throws IOException {
        long n = 0;
        Matcher m = REPLAYED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        while (m.find()) {
            n += Long.parseLong(m.group(1));
        }
        return n;
    }


}
