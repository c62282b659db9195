package org.jiliang.lims.it;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 14's re-issue of 10 000 certificates end to end on the server (docs/benchmarks.md §10): a PostgreSQL cluster
 * and a WildFly of their own, one certificate made at the demo bench, copies of it in SQL up to {@code certificates},
 * then one re-issue run through the API, timed from the request to the run's end. Each certificate is read with its
 * job, rendered, signed (PAdES and, for a calibration, the DCC) and written as a revision with its files and its item,
 * each in its own transaction, on the batch job's partitions. Not a test: it measures.
 *
 * <pre>benchmarks/run reissue [certificates=10000]</pre>
 */
public final class ReissueBenchmark {

    /** How long the server is watched doing nothing asked of it, before the run. */
    private static final Duration IDLE = Duration.ofSeconds(20);

    private ReissueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> p = new LinkedHashMap<>(Map.of("certificates", 10_000, "rounds", 1));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            p.put(kv[0], Integer.parseInt(kv[1]));
        }
        int certificates = p.get("certificates");
        int rounds = p.get("rounds"); // more than one: the same certificates re-issued again on the warm server
        Path work = Files.createTempDirectory("lims-reissue-bench");
        try (PostgresCluster database = PostgresCluster.create()) {
            // every statement the server sends, counted by the database (PostgreSQL's contrib module, part of
            // Debian's postgresql package; elsewhere the postgresql-contrib package)
            database.setting("shared_preload_libraries", "pg_stat_statements").start();
            database.createDatabase("lims", "lims", "lims");
            try (WildFlyProcess wildfly = WildFlyProcess.copyOf(Path.of(System.getProperty("it.serverDir",
                    "lims-ear/target/server")), work.resolve("wildfly"))
                    .portOffset(WildFlyProcess.freePortOffset())
                    .demo(work.resolve("data"))
                    .postgresql(database, "lims")
                    // the heap the README recommends for production; BENCH_SERVER_JVM to compare or profile, e.g.
                    // "-Xms1g -Xmx2g -XX:StartFlightRecording=filename=/tmp/reissue.jfr,settings=profile"
                    .environment("JBOSS_JAVA_SIZING", System.getenv().getOrDefault("BENCH_SERVER_JVM", "-Xms1g -Xmx2g"))
                    .build()) {
                wildfly.start();
                String base = wildfly.baseUrl() + "/lims";
                String first = IssuedCopies.certificateAtTheBench(base,
                        Integer.parseInt(wildfly.property("jiliang.demo.balance-port")));
                Instant copying = Instant.now();
                try (Connection db = DriverManager.getConnection(database.jdbcUrl("lims"), "lims", "lims")) {
                    IssuedCopies.copyWithJobs(db, first, certificates - 1);
                    try (Statement s = db.createStatement()) {
                        s.execute("analyze");
                    }
                }
                System.out.printf("%d certificates in force (1 made at the bench, copies in SQL in %d s)%n",
                        certificates, Duration.between(copying, Instant.now()).toSeconds());

                long wildflyPid = wildfly.pid().orElseThrow();
                long postgresPid = database.pid().orElseThrow();
                // what the server does while nobody asks anything (the demo's simulated devices, its timers)
                Duration wildflyCpu = ProcessCpu.ofTree(wildflyPid);
                Duration postgresCpu = ProcessCpu.ofTree(postgresPid);
                Instant idleFrom = Instant.now();
                BenchFlow.sleep(IDLE.toMillis());
                double idleSeconds = Duration.between(idleFrom, Instant.now()).toMillis() / 1000.0;
                System.out.printf("Before the run, %.0f s with nothing asked: WildFly used %.2f cores,"
                        + " PostgreSQL %.2f%n", idleSeconds,
                        ProcessCpu.ofTree(wildflyPid).minus(wildflyCpu).toMillis() / 1000.0 / idleSeconds,
                        ProcessCpu.ofTree(postgresPid).minus(postgresCpu).toMillis() / 1000.0 / idleSeconds);
                for (int round = 1; round <= rounds; round++) {
                    if (rounds > 1) {
                        System.out.printf("Round %d of %d%s%n", round, rounds, round == 1 ? ": the server as started"
                                : ": the revisions in force re-issued again, on the server as the rounds before left it");
                    }
                    reissue(base, database, wildflyPid, postgresPid, certificates);
                }
            }
        } finally {
            PostgresCluster.deleteTree(work); // the server's copy and its data
        }
    }

    /** One re-issue run of every certificate in force, timed, with the CPU and the statements it cost. */
    private static void reissue(String base, PostgresCluster database, long wildflyPid, long postgresPid,
            int certificates) throws Exception {
        LimsApi approver = LimsApi.as("approver").at(base);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Duration wildflyCpu = ProcessCpu.ofTree(wildflyPid);
        Duration postgresCpu = ProcessCpu.ofTree(postgresPid);
        ProcessCpu.Machine machine = ProcessCpu.machine();
        var threads = ProcessCpu.threads(wildflyPid);
        try (Connection su = DriverManager.getConnection(database.jdbcUrl("lims"), "postgres", "");
                Statement st = su.createStatement()) {
            st.execute("create extension if not exists pg_stat_statements");
            st.execute("select pg_stat_statements_reset()");
        }
        Instant started = Instant.now();
        var run = approver.post("/api/v1/certificate-reissues", "{\"reason\":\"新版证书模板 / new template"
                + " edition (benchmark)\",\"from\":\"" + today.minusDays(1) + "\",\"until\":\""
                + today.plusDays(1) + "\",\"procedure\":\"JJG 539-2016\",\"password\":\"jiliang\"}");
        if (run.status() != 200) {
            throw new IllegalStateException("The run was refused: " + run.text());
        }
        long id = run.object().getJsonNumber("id").longValue();
        JsonObject last = run.object();
        int shown = -1;
        while (!"DONE".equals(last.getString("state", ""))) {
            BenchFlow.sleep(1000);
            last = approver.get("/api/v1/certificate-reissues/" + id).object();
            if ("FAILED".equals(last.getString("job", ""))) {
                throw new IllegalStateException("The run's job failed: " + last);
            }
            int done = last.getInt("reissued") / 1000;
            if (done != shown) {
                shown = done;
                System.out.printf("  %6d re-issued after %5.1f s%n", last.getInt("reissued"),
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
            }
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        System.out.printf("  from %s to %s (to read a profile of the run alone)%n", started, Instant.now());
        // where the machine's CPU went, per certificate: a figure the day's speed moves less than the time
        double coresBusy = ProcessCpu.machine().coresBusySince(machine);
        wildflyCpu = ProcessCpu.ofTree(wildflyPid).minus(wildflyCpu);
        var threadsAfter = ProcessCpu.threads(wildflyPid);
        postgresCpu = ProcessCpu.ofTree(postgresPid).minus(postgresCpu);
        try (Connection db = DriverManager.getConnection(database.jdbcUrl("lims"), "lims", "lims");
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select count(*), count(distinct supersedes_id) from certificate"
                        + " where reissue_run_id = " + id)) {
            rs.next();
            System.out.printf("RESULT re-issue of %d certificates: %.1f s (%.1f min), %.1f per second;"
                    + " revisions written %d, of distinct certificates %d, failed %d%n", certificates,
                    seconds, seconds / 60, certificates / seconds, rs.getLong(1), rs.getLong(2),
                    last.getInt("failed"));
        }
        System.out.printf("RESULT CPU per certificate: WildFly %.1f ms, PostgreSQL %.1f ms; the machine's"
                + " cores busy %.2f of %d on average%n", wildflyCpu.toNanos() / 1e6 / certificates,
                postgresCpu.toNanos() / 1e6 / certificates, coresBusy, machine.cores());
        System.out.println("  the server's CPU per certificate by kind of thread (its name as the kernel keeps it,"
                + " 15 characters):");
        ProcessCpu.byKindOfThread(threads, threadsAfter, wildflyCpu).entrySet().stream().limit(12)
                .forEach(e -> System.out.printf("  %8.2f ms  %s%n", e.getValue().toNanos() / 1e6 / certificates,
                        e.getKey()));
        statements(database, certificates);
    }

    /**
     * The statements the database ran during the run (the benchmark's own polling of the run's state among them, one
     * a second), per certificate, and those run most often.
     */
    private static void statements(PostgresCluster database, int certificates) throws java.sql.SQLException {
        try (Connection su = DriverManager.getConnection(database.jdbcUrl("lims"), "postgres", "");
                Statement st = su.createStatement()) {
            String ours = " from pg_stat_statements where dbid = (select oid from pg_database where datname = 'lims')";
            try (ResultSet rs = st.executeQuery("select sum(calls), sum(total_exec_time)" + ours)) {
                rs.next();
                System.out.printf("RESULT SQL per certificate: %.1f statements, %.2f ms executing in PostgreSQL%n",
                        rs.getDouble(1) / certificates, rs.getDouble(2) / certificates);
            }
            try (ResultSet rs = st.executeQuery("select calls, total_exec_time, query" + ours
                    + " order by calls desc limit 25")) {
                while (rs.next()) {
                    String query = rs.getString(3).replaceAll("\\s+", " ");
                    System.out.printf("  %6.2f per certificate %8.3f ms each  %s%n", rs.getDouble(1) / certificates,
                            rs.getDouble(2) / Math.max(1, rs.getLong(1)),
                            query.substring(0, Math.min(query.length(), 150)));
                }
            }
        }
    }
}
