package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a re-issue run killed in the middle (SIGKILL, as a power cut) goes on when the server is back and ends
 * with every certificate of its selection re-issued exactly once — on PostgreSQL, with a WildFly of its own.
 */
@OwnServer
class ReissueCrashIT {

    private static final Path SERVER = Path.of(System.getProperty("it.serverDir", "target/server"));
    /** Certificates the run re-issues: the one issued at the bench and its copies. */
    private static final int COPIES = 200;

    @TempDir
    Path work;

    @Test
    void aRunKilledInTheMiddleGoesOnAfterTheRestartAndMakesNoRevisionTwice() throws Exception {
        assumeTrue(PostgresCluster.binaries().isPresent(), "PostgreSQL's initdb and pg_ctl are not installed");
        try (PostgresCluster database = PostgresCluster.create()) {
            database.start();
            database.createDatabase("lims", "lims", "lims");
            try (WildFlyProcess wildfly = WildFlyProcess.copyOf(SERVER, work.resolve("wildfly"))
                    .portOffset(WildFlyProcess.freePortOffset()).demo(work.resolve("data"))
                    .postgresql(database, "lims")
                    .build()) {
                wildfly.start();
                String base = wildfly.baseUrl() + "/lims";
                String first = IssuedCopies.certificateAtTheBench(base,
                        Integer.parseInt(wildfly.property("jiliang.demo.balance-port")));
                try (Connection db = DriverManager.getConnection(database.jdbcUrl("lims"), "lims", "lims")) {
                    IssuedCopies.copy(db, first, COPIES);
                }

                LimsApi approver = LimsApi.as("approver").at(base);
                // this server keeps the institute's zone; a day either side, should the run cross its midnight
                java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
                var started = approver.post("/api/v1/certificate-reissues", "{\"reason\":\"新版证书模板 / new template"
                        + " edition\",\"from\":\"" + today.minusDays(1) + "\",\"until\":\"" + today.plusDays(1)
                        + "\",\"procedure\":\"JJG 539-2016\",\"password\":\"jiliang\"}");
                assertThat(started.status()).as(started.text()).isEqualTo(200);
                long run = started.object().getJsonNumber("id").longValue();
                assertThat(started.object().getInt("selected")).isEqualTo(COPIES + 1);

                JsonObject before = await(approver, run, r -> r.getInt("reissued") >= 20, Duration.ofMinutes(3));
                wildfly.kill();
                int doneWhenKilled = before.getInt("reissued");
                wildfly.start();

                JsonObject after = await(LimsApi.as("approver").at(base), run,
                        r -> "DONE".equals(r.getString("state")), Duration.ofMinutes(5));
                assertThat(after.getInt("reissued")).isEqualTo(COPIES + 1);
                assertThat(after.getInt("failed")).isZero();
                assertThat(doneWhenKilled).as("killed in the middle").isLessThan(COPIES + 1);
                try (Connection db = DriverManager.getConnection(database.jdbcUrl("lims"), "lims", "lims")) {
                    assertThat(count(db, "select count(*) from certificate where reissue_run_id = " + run))
                            .as("one revision per certificate").isEqualTo(COPIES + 1);
                    assertThat(count(db, "select count(distinct supersedes_id) from certificate where reissue_run_id = "
                            + run)).isEqualTo(COPIES + 1);
                    assertThat(count(db, "select count(*) from reissue_item where run_id = " + run))
                            .isEqualTo(COPIES + 1);
                    assertThat(count(db, "select count(*) from certificate c where c.reissue_run_id is null"
                            + " and not exists (select 1 from certificate r where r.supersedes_id = c.id)"))
                            .as("no certificate of the selection left in force").isZero();
                }
            }
        }
    }

    private static JsonObject await(LimsApi user, long run, Predicate<JsonObject> condition, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            var reply = user.get("/api/v1/certificate-reissues/" + run);
            if (reply.status() == 200) {
                last = reply.object();
                if (condition.test(last)) {
                    return last;
                }
                if (last.containsKey("job") && "FAILED".equals(last.getString("job"))) {
                    throw new AssertionError("The job of re-issue run " + run + " failed: " + last);
                }
            }
            BenchFlow.sleep(200);
        }
        throw new AssertionError("Re-issue run " + run + " did not get there within " + limit + "; last: " + last);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
