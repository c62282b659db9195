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
 * each in its own transaction, on the batch job's two partitions. Not a test: it measures.
 *
 * <pre>benchmarks/run reissue [certificates=10000]</pre>
 */
public final class ReissueBenchmark {

    private ReissueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> p = new LinkedHashMap<>(Map.of("certificates", 10_000));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            p.put(kv[0], Integer.parseInt(kv[1]));
        }
        int certificates = p.get("certificates");
        Path work = Files.createTempDirectory("lims-reissue-bench");
        try (PostgresCluster database = PostgresCluster.create()) {
            database.start();
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

                LimsApi approver = LimsApi.as("approver").at(base);
                LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
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
            }
        } finally {
            PostgresCluster.deleteTree(work); // the server's copy and its data
        }
    }
}
