package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.lims.it.BenchAgentFramesIT.batch;
import static org.jiliang.lims.it.BenchAgentFramesIT.frame;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, the record side, against the running server: a device's value is stored exactly as sent (10^15,
 * 9 decimals), one the record cannot hold is a malformed frame with its bytes and a reason, a piece count is
 * kept but never captured, a unit change is an event, a captured value keeps its digits, and devices are
 * retired (administrators only), never deleted.
 */
class DeviceRecordIT {

    private final LimsApi admin = LimsApi.as("admin");
    private final LimsApi technician = LimsApi.as("technician");

    @Test
    void everyFrameIsKeptExactlyAsSentOrAsMalformedWithItsBytesAndTheReason() throws Exception {
        String device = "BAL-EX-" + suffix();
        LimsApi agent = LimsApi.bench(registerWithDevice("BENCH-EX-" + device.substring(7), device));
        Instant now = Instant.now();

        post(agent, batch(2, now,
                frame(device, 1, "S S 1000000000000000 g\r\n", "STABLE", "1000000000000000", "g", now),
                frame(device, 2, "S S 12.345678900 g\r\n", "STABLE", "12.345678900", "g", now),
                frame(device, 3, "S S 0.0000004 g\r\n", "STABLE", "0.0000004", "g", now),
                frame(device, 4, "S S 1000000000000000000000000 g\r\n", "STABLE", "1000000000000000000000000", "g",
                        now),
                frame(device, 5, "S S 50.00 PCS\r\n", "STABLE", "50.00", "PCS", now)), 5);

        List<String[]> rows = rows(device);
        assertThat(rows).extracting(r -> r[0]).as("every frame stored").containsExactly("1", "2", "3", "4", "5");
        assertThat(rows.get(0)).containsSequence("STABLE", "1000000000000000");
        assertThat(rows.get(1)).as("digits and trailing zeros as sent").containsSequence("STABLE", "12.345678900");
        assertThat(rows.get(2)).containsSequence("STABLE", "0.0000004");
        assertThat(rows.get(3)[1]).isEqualTo("MALFORMED");
        assertThat(rows.get(3)[2]).isNull();
        assertThat(rows.get(3)[3]).contains("does not fit the record: at most 20 digits before and 18 after");
        assertThat(rows.get(3)[4]).as("raw bytes kept").isEqualTo("S S 1000000000000000000000000 g\r\n");
        assertThat(rows.get(4)).containsSequence("UNEXPECTED_UNIT", "50.00");
        assertThat(rows.get(4)[3]).contains("unit PCS is not one the device profile expects");
    }

    @Test
    void aCapturedReadingKeepsNineDecimalsAndAPieceCountOrAUnitChangeIsNeverTakenForAWeight() throws Exception {
        String device = "BAL-CP-" + suffix();
        LimsApi agent = LimsApi.bench(registerWithDevice("BENCH-CP-" + device.substring(7), device));
        long job = openJob(device);
        String capture = "/api/v1/jobs/" + job + "/points/1/capture";

        Instant t = Instant.now();
        post(agent, batch(2, t, frame(device, 1, "S S 50.00 PCS\r\n", "STABLE", "50.00", "PCS", t)), 1);
        var pieces = technician.postEnglish(capture, "{}");
        assertThat(pieces.status()).as(pieces.text()).isEqualTo(409);
        assertThat(pieces.object().getString("error")).isEqualTo("error.capture.unexpectedUnit");

        Instant t2 = Instant.now();
        post(agent, batch(2, t2, frame(device, 2, "S S 0.000000123 kg\r\n", "STABLE", "0.000000123", "kg", t2)), 2);
        Instant t3 = Instant.now();
        post(agent, batch(2, t3, frame(device, 3, "S S 0.000123456 g\r\n", "STABLE", "0.000123456", "g", t3)), 3);
        JsonObject latest = admin.get("/api/v1/benches/" + device + "/latest").object();
        assertThat(latest.getString("unitChangedFrom")).as("kg -> g is an event").isEqualTo("kg");
        assertThat(latest.getJsonNumber("value").bigDecimalValue()).isEqualTo(new BigDecimal("0.000123456"));

        Instant t4 = Instant.now();
        // in the test point's unit (g, the scale's e = 10 g), so the stored value is the device's digits
        post(agent, batch(2, t4, frame(device, 4, "S S 0.123456789 g\r\n", "STABLE", "0.123456789", "g", t4)), 4);
        var captured = technician.postEnglish(capture, "{\"additionalLoad\":" + BenchFlow.HALF_E_GRAMS + "}");
        assertThat(captured.status()).as(captured.text()).isEqualTo(200);
        try (Connection db = ServerDatabase.connect(); PreparedStatement q = db.prepareStatement(
                "select r.indication_value from point_reading r join test_point p on p.id = r.test_point_id"
                        + " where p.job_id = ? and p.ordinal = 1")) {
            q.setLong(1, job);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(1)).as("nine decimals, not rounded to six")
                        .isEqualByComparingTo("0.123456789");
            }
        }

        var inUse = admin.postEnglish("/api/v1/devices/" + device + "/retire", "{\"reason\":\"replaced\"}");
        assertThat(inUse.status()).as(inUse.text()).isEqualTo(409);
        assertThat(inUse.object().getString("error")).isEqualTo("error.device.retireInUse");
        assertThat(inUse.object().getString("detail")).contains(technician.get("/api/v1/jobs/" + job).object()
                .getString("jobNumber"));
    }

    @Test
    void anAdministratorRetiresADeviceWithAReasonItsFramesStayAndNobodyElseCan() throws Exception {
        String device = "BAL-RT-" + suffix();
        LimsApi agent = LimsApi.bench(registerWithDevice("BENCH-RT-" + device.substring(7), device));
        Instant t = Instant.now();
        post(agent, batch(2, t, frame(device, 1, "S S 5.00 g\r\n", "STABLE", "5.00", "g", t)), 1);
        String retire = "/api/v1/devices/" + device + "/retire";

        assertThat(LimsApi.anonymous().post(retire, "{\"reason\":\"test entry\"}").status()).isIn(401, 403);
        assertThat(LimsApi.as("customer").post(retire, "{\"reason\":\"test entry\"}").status()).isEqualTo(403);
        assertThat(technician.post(retire, "{\"reason\":\"test entry\"}").status()).isEqualTo(403);
        assertThat(LimsApi.as("customer").get("/api/v1/devices?retired=true").status()).isEqualTo(403);
        var noReason = admin.postEnglish(retire, "{\"reason\":\" \"}");
        assertThat(noReason.status()).as(noReason.text()).isIn(400, 409);
        assertThat(admin.get("/api/v1/devices").text()).contains(device);

        var retired = admin.postEnglish(retire, "{\"reason\":\"a test entry, never a real balance\"}");

        assertThat(retired.status()).as(retired.text()).isEqualTo(200);
        assertThat(retired.object().getBoolean("retired")).isTrue();
        assertThat(retired.object().getString("retiredBy")).isEqualTo("admin");
        assertThat(retired.object().getBoolean("enabled")).isFalse();
        assertThat(admin.get("/api/v1/devices").text()).as("hidden by default").doesNotContain(device);
        assertThat(admin.get("/api/v1/devices?retired=true").text()).contains(device);
        assertThat(rows(device)).as("its frames stay").hasSize(1);
        var start = admin.postEnglish("/api/v1/devices/" + device + "/start", "{}");
        assertThat(start.status()).as(start.text()).isEqualTo(409);
        assertThat(start.object().getString("error")).isEqualTo("error.device.retired");
        var job = technician.postEnglish("/api/v1/jobs", "{\"instrumentId\":" + BenchFlow.FOOD_COMPANY_SCALE
                + ",\"verificationType\":\"SUBSEQUENT\",\"benchDevice\":\"" + device + "\"}");
        assertThat(job.status()).as(job.text()).isEqualTo(409);
        assertThat(job.object().getString("error")).isEqualTo("error.device.retired");
        assertThat(LimsApi.as("quality").get("/api/v1/audit").text()).contains("device.retired", device,
                "a test entry, never a real balance");
    }

    private long openJob(String device) {
        var opened = technician.post("/api/v1/jobs", "{\"instrumentId\":" + BenchFlow.FOOD_COMPANY_SCALE
                + ",\"verificationType\":\"SUBSEQUENT\",\"benchDevice\":\"" + device + "\"}");
        assertThat(opened.status()).as(opened.text()).isEqualTo(200);
        long job = opened.object().getJsonNumber("id").longValue();
        BenchFlow.readyToCapture(technician, job);
        return job;
    }

    /** Posts a batch of one device's frames and waits until the bench shows its last one, {@code last}. */
    private void post(LimsApi agent, String batch, long last) throws InterruptedException {
        assertThat(BenchAgentFramesIT.postShown(admin, agent, batch)).as("the frame acknowledged last").isEqualTo(last);
    }

    private String registerWithDevice(String bench, String device) {
        return BenchAgentFramesIT.registerWithDevice(admin, bench, device);
    }

    /** sequence, status, reading_text, reason, raw (ISO-8859-1); by sequence. */
    private static List<String[]> rows(String device) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection db = ServerDatabase.connect(); PreparedStatement q = db.prepareStatement(
                "select f.sequence, f.status, f.reading_text, f.reject_reason, f.raw_bytes from device_frame f"
                        + " join bench_device d on d.id = f.device_id where d.code = ? order by f.sequence")) {
            q.setString(1, device);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), new String(rs.getBytes(5), StandardCharsets.ISO_8859_1)});
                }
            }
        }
        return rows;
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    }
}
