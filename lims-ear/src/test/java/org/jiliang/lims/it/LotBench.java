package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;

/**
 * A net-content inspection's steps over the API on one server (the shared one, or a test's own): the clerk registers
 * a lot, receives it and gives it to the technician at the mass comparator used as the lot's balance, a package is
 * set on the simulated balance and captured, the checker and the approver sign, the trader downloads the report.
 */
final class LotBench {

    static final String BALANCE = "CMP-01";

    private final String base;

    /** The steps on the server at {@code base} ({@code …/lims}). */
    LotBench(String base) {
        this.base = base;
    }

    LimsApi as(String user) {
        return LimsApi.as(user).at(base);
    }

    /** A lot of prepackages as the clerk registers it (白砂糖 of 华东食品 unless the test replaces the description). */
    static String lot(String serial, String owner, String labelled, String lotSize, String tare) {
        return "{\"customerCode\":\"" + owner + "\",\"description\":\"白砂糖 White sugar\",\"manufacturer\":\"华东食品有限公司\","
                + "\"model\":\"华东牌 500 g 袋装\",\"serialNumber\":\"" + serial + "\",\"mandatoryVerification\":false,"
                + "\"intervalMonths\":12,\"kind\":\"PREPACKAGE_LOT\",\"parameters\":{\"labelled\":\"" + labelled
                + "\",\"lot.size\":\"" + lotSize + "\",\"sampled.at\":\"成品库 finished-goods store\",\"sampled.on\":\""
                + ItDay.TODAY.minusDays(1) + "\",\"tare\":\"" + tare + "\"}}";
    }

    long register(String serial, String owner, String labelled, String lotSize, String tare) {
        return register(lot(serial, owner, labelled, lotSize, tare));
    }

    /** Registers the lot of this body; its id. */
    long register(String body) {
        var reply = as("clerk").post("/api/v1/registry/instruments", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object().getJsonNumber("id").longValue();
    }

    /** The registered lot with this number, as the clerk finds it. */
    JsonObject registered(String lotNumber) {
        for (var value : as("clerk").get("/api/v1/instruments?text=" + lotNumber).rows()) {
            JsonObject i = (JsonObject) value;
            if (lotNumber.equals(i.getString("serialNumber"))) {
                return i;
            }
        }
        throw new AssertionError("no lot " + lotNumber);
    }

    /** Received, assigned to the technician at the balance, started, the balance chosen, the conditions recorded. */
    long atTheBalance(long instrument) {
        long job = CalibrationBench.receiveAndStart(base, instrument, BALANCE);
        LimsApi technician = as("technician");
        assertThat(technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-BAL-009\"}").status())
                .isEqualTo(200);
        BenchFlow.recordNormalEnvironment(technician, job);
        return job;
    }

    /** Sets a package (or a sieve, an empty packaging) on the simulated balance and waits for its stable reading. */
    void place(String grams) {
        LimsApi technician = as("technician");
        var placed = technician.post("/api/v1/benches/" + BALANCE + "/simulated-load",
                "{\"value\":" + grams + ",\"unit\":\"g\"}");
        assertThat(placed.status()).as(placed.text()).isIn(200, 204);
        BenchFlow.awaitStableReading(technician, BALANCE, new BigDecimal(grams));
    }

    /** Places {@code grams} and captures the point with nothing typed. */
    void capture(long job, int ordinal, String grams) {
        place(grams);
        var reply = as("technician").post("/api/v1/jobs/" + job + "/points/" + ordinal + "/capture", "{}");
        assertThat(reply.status()).as("point " + ordinal + ": " + reply.text()).isEqualTo(200);
    }

    /** How many readings a point holds. */
    int readings(long job, int ordinal) {
        for (var p : as("technician").get("/api/v1/jobs/" + job).object().getJsonArray("points")) {
            JsonObject point = (JsonObject) p;
            if (point.getInt("ordinal") == ordinal) {
                return point.getInt("readingsTaken");
            }
        }
        throw new AssertionError("no point " + ordinal);
    }

    /** Submitted, checked and approved; the report as the trader (customer2) downloads it: its number, its text. */
    String[] issuedToTheTrader(long job) throws Exception {
        var submitted = as("technician").post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        String number = checkedAndApproved(job);
        var pdf = as("customer2").get("/api/v1/certificates/" + number + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        return new String[] {number, PdfDocuments.text(pdf.body()).replaceAll("\\s+", " ")};
    }

    /** Checked and approved; the report's number. */
    String checkedAndApproved(long job) {
        BenchFlow.checked(base, job);
        var approved = as("approver").post("/api/v1/jobs/" + job + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return approved.object().getString("number");
    }
}
