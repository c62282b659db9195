package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * Many issued certificates quickly, for a re-issue run (ReissueCrashIT, ReissueBenchmark): one certificate made at
 * a server's demo bench through the API, then copies of it written in SQL beside it.
 */
final class IssuedCopies {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IssuedCopies() {
    }

    /** One scale verification on that server's demo bench, from the first reading to the approver's signature. */
    static String certificateAtTheBench(String base, int balancePort) {
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
    static void copy(Connection db, String number, int copies) throws SQLException {
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
}
