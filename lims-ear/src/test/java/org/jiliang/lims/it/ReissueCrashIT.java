package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a re-issue run killed in the middle (SIGKILL, as a power cut) goes on when the server is back and ends
 * with every certificate of its selection re-issued exactly once — on PostgreSQL, with a WildFly of its own.
 */
class ReissueCrashIT {

    private static final Path SERVER = Path.of(System.getProperty("it.serverDir", "target/server"));
    /** Certificates the run re-issues: the one issued at the bench and its copies. */
    private static final int COPIES = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

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
                    .environment("LIMS_DB_DRIVER", "postgresql").environment("LIMS_DB_URL", database.jdbcUrl("lims"))
                    .environment("LIMS_DB_USER", "lims").environment("LIMS_DB_PASSWORD", "lims")
                    .build()) {
                wildfly.start();
                String base = wildfly.baseUrl() + "/lims";
                String first = certificateAtTheBench(base,
                        Integer.parseInt(wildfly.property("jiliang.demo.balance-port")));
                try (Connection db = DriverManager.getConnection(database.jdbcUrl("lims"), "lims", "lims")) {
                    copies(db, first, COPIES);
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

    /** One scale verification on that server's demo bench, from the first reading to the approver's signature. */
    private static String certificateAtTheBench(String base, int balancePort) {
        LimsApi technician = LimsApi.as("technician").at(base);
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        var standard = technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\"}");
        assertThat(standard.status()).as(standard.text()).isEqualTo(200);
        BenchFlow.recordNormalEnvironment(technician, job);
        BenchFlow.captureAllPoints(technician, job, grams -> {
            BigDecimal kg = grams.movePointLeft(3);
            SimulatedScale.load(balancePort, kg.toPlainString());
            BenchFlow.awaitStableReading(technician, kg.setScale(2, java.math.RoundingMode.HALF_UP));
        });
        assertThat(technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}").status())
                .isEqualTo(200);
        assertThat(LimsApi.as("checker").at(base).post("/api/v1/jobs/" + job + "/check", "{\"password\":\"jiliang\"}")
                .status()).isEqualTo(200);
        var approved = LimsApi.as("approver").at(base).post("/api/v1/jobs/" + job + "/approve",
                "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return approved.object().getString("number");
    }

    /**
     * Copies of the certificate, each with its own number and token and the same files, as if the job had been
     * approved that many times: enough certificates for a run to be cut in the middle.
     */
    private static void copies(Connection db, String number, int copies) throws SQLException {
        long id;
        try (PreparedStatement q = db.prepareStatement("select id from certificate where certificate_number = ?")) {
            q.setString(1, number);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement copy = db.prepareStatement("insert into certificate (certificate_number, kind, job_id,"
                + " customer_id, issued_at, valid_until, verification_token, pdf_sha256, revision,"
                + " instrument_description, instrument_manufacturer, instrument_model, instrument_serial_number,"
                + " procedure_code, issuer) select ?, kind, job_id, customer_id, issued_at, valid_until, ?, pdf_sha256,"
                + " 0, instrument_description, instrument_manufacturer, instrument_model, instrument_serial_number,"
                + " procedure_code, issuer from certificate where id = ?", Statement.RETURN_GENERATED_KEYS);
                PreparedStatement content = db.prepareStatement("insert into certificate_content (certificate_id,"
                        + " pdf, dcc_xml) select ?, pdf, dcc_xml from certificate_content where certificate_id = ?")) {
            for (int i = 1; i <= copies; i++) {
                byte[] token = new byte[24];
                RANDOM.nextBytes(token);
                copy.setString(1, number + "-C" + i);
                copy.setString(2, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
                copy.setLong(3, id);
                copy.executeUpdate();
                try (ResultSet keys = copy.getGeneratedKeys()) {
                    keys.next();
                    content.setLong(1, keys.getLong(1));
                    content.setLong(2, id);
                    content.executeUpdate();
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
