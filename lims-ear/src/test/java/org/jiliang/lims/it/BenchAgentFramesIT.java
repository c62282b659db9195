package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the server believes of a bench agent's frame (issue 8): only its bytes. It stamps the frame with
 * its own time, refuses a time stamp from the future, reads the bytes again with the device's codec and
 * quarantines a frame it reads differently, and judges a capture's freshness by its own clock.
 */
class BenchAgentFramesIT {

    private final LimsApi admin = LimsApi.as("admin");
    private final LimsApi technician = LimsApi.as("technician");
    /** The demo scale's weighing point at 500 e: a load of 5 000 g, which the frames below show. */
    private static final int POINT_5_KG = 3;
    private static final String WITH_DELTA_L = "{\"additionalLoad\":" + BenchFlow.HALF_E_GRAMS + "}";

    @Test
    void theServerStampsItsOwnTimeRefusesFutureFramesAndQuarantinesWhatItReadsDifferently() throws Exception {
        String suffix = suffix();
        String device = "BAL-TR-" + suffix;
        LimsApi agent = LimsApi.bench(registerWithDevice("BENCH-TR-" + suffix, device));
        // The database keeps microseconds.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        var reply = agent.postEnglish("/api/v1/agent/frames", batch(2, now, frame(device, 1, "S S      1.000 g\r\n",
                "STABLE", "1.000", "g", now.minusMillis(300)), frame(device, 2, "S S      2.000 g\r\n", "STABLE", "7.000",
                "g", now.minusMillis(200)), frame(device, 3, "S S      3.000 g\r\n", "STABLE", "3.000", "g",
                now.plus(Duration.ofMinutes(10))), frame(device, 4, "S S      4.000 g\r\n", "STABLE", "4.000", "g",
                now.minusMillis(100))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonObject receipt = reply.object().getJsonArray("devices").getJsonObject(0);
        assertThat(receipt.getJsonNumber("acknowledged").longValue()).as("all four handled").isEqualTo(4);
        assertThat(receipt.getInt("stored")).isEqualTo(3);
        assertThat(receipt.getInt("quarantined")).isEqualTo(1);
        JsonObject refused = receipt.getJsonArray("refused").getJsonObject(0);
        assertThat(refused.getJsonNumber("sequence").longValue()).isEqualTo(3);
        assertThat(refused.getString("error")).isEqualTo("error.agent.futureTime");
        assertThat(refused.getString("reason")).contains("more than PT2M ahead of the server's clock");

        List<String[]> rows = rows(device);
        assertThat(rows).extracting(r -> r[0]).as("the future frame is not stored").containsExactly("1", "2", "4");
        assertThat(rows.get(0)[1]).isEqualTo("STABLE");
        assertThat(rows.get(1)[1]).isEqualTo("QUARANTINED");
        assertThat(rows.get(1)[2]).isNull();
        assertThat(rows.get(1)[3]).isEqualTo("agent read STABLE 7.000 g; server read STABLE 2.000 g");
        assertThat(rows.get(1)[4]).as("raw bytes kept").isEqualTo("S S      2.000 g\r\n");
        for (String[] row : rows) {
            Instant serverTime = Instant.parse(row[5]);
            assertThat(serverTime).as("the server's receive time").isBetween(now.minusSeconds(5), Instant.now());
        }
        assertThat(Instant.parse(rows.get(0)[6])).as("the agent's time stamp kept beside")
                .isEqualTo(now.minusMillis(300));

        // An agent of contract 1 would drop a frame refused in the receipt: it gets the whole batch refused.
        var old = agent.postEnglish("/api/v1/agent/frames", batch(null, null, frame(device, 5, "S S      5.000 g\r\n",
                "STABLE", "5.000", "g", now.minusMillis(50)), frame(device, 6, "S S      6.000 g\r\n", "STABLE", "6.000",
                "g", Instant.now().plus(Duration.ofMinutes(10)))));
        assertThat(old.status()).as(old.text()).isEqualTo(409);
        assertThat(old.object().getString("detail")).contains("ahead of the server's clock",
                "nothing of this batch was stored");
        assertThat(rows(device)).hasSize(3);
    }

    @Test
    void aCaptureIsFreshByTheServersClockNotByTheBenchPcs() throws Exception {
        String device = "BAL-CF-" + suffix();
        LimsApi agent = LimsApi.bench(registerWithDevice("BENCH-CF-" + device.substring(7), device));
        String capture = "/api/v1/jobs/" + openJob(device) + "/points/" + POINT_5_KG + "/capture";

        // A bench PC whose clock runs 90 s ahead (within the allowed skew): its frame is not fresh for 90 s.
        Instant ahead = Instant.now().plusSeconds(90);
        post(agent, batch(2, ahead, frame(device, 1, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg", ahead)));
        Instant arrived = Instant.now();
        Waits.awaitTrue(() -> Instant.now().isAfter(arrived.plusMillis(3500)), Duration.ofSeconds(10), () -> "3.5 s passed");
        var stale = technician.postEnglish(capture, "{}");
        assertThat(stale.status()).as(stale.text()).isEqualTo(409);
        assertThat(stale.object().getString("error")).isEqualTo("error.capture.stale");

        // A frame held on the bench PC for 10 s arrives now, but is 10 s old.
        Instant sent = Instant.now();
        post(agent, batch(2, sent, frame(device, 2, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg",
                sent.minusSeconds(10))));
        var replayed = technician.postEnglish(capture, "{}");
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(409);
        assertThat(replayed.object().getString("error")).isEqualTo("error.capture.stale");

        // A fresh frame is captured.
        Instant fresh = Instant.now();
        post(agent, batch(2, fresh, frame(device, 3, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg", fresh)));
        var captured = technician.postEnglish(capture, WITH_DELTA_L);
        assertThat(captured.status()).as(captured.text()).isEqualTo(200);
    }

    @Test
    void aFrameTheServerReadsDifferentlyIsNeverCaptured() throws Exception {
        String device = "BAL-CQ-" + suffix();
        LimsApi agent = LimsApi.bench(registerWithDevice("BENCH-CQ-" + device.substring(7), device));
        String capture = "/api/v1/jobs/" + openJob(device) + "/points/" + POINT_5_KG + "/capture";

        // The agent says 7.00 kg, the bytes say 5.00 kg: quarantined, never captured.
        Instant t = Instant.now();
        post(agent, batch(2, t, frame(device, 1, "S S      5.00 kg\r\n", "STABLE", "7.00", "kg", t)));
        var quarantined = technician.postEnglish(capture, "{}");
        assertThat(quarantined.status()).as(quarantined.text()).isEqualTo(409);
        assertThat(quarantined.object().getString("error")).isEqualTo("error.capture.quarantined");
        assertThat(quarantined.object().getString("detail")).contains("agent read STABLE 7.00 kg",
                "server read STABLE 5.00 kg");

        // The next frame both read alike is captured, with the server's reading.
        Instant fresh = Instant.now();
        post(agent, batch(2, fresh, frame(device, 2, "S S      5.00 kg\r\n", "STABLE", "5.00", "kg", fresh)));
        var captured = technician.postEnglish(capture, WITH_DELTA_L);
        assertThat(captured.status()).as(captured.text()).isEqualTo(200);
        JsonObject point = captured.object().getJsonArray("points").getJsonObject(POINT_5_KG - 1);
        assertThat(point.getString("rawHex")).as("the frame both read alike")
                .isEqualTo("53 20 53 20 20 20 20 20 20 35 2e 30 30 20 6b 67 0d 0a");
    }

    private long openJob(String device) {
        var opened = technician.post("/api/v1/jobs", "{\"instrumentId\":" + BenchFlow.FOOD_COMPANY_SCALE
                + ",\"verificationType\":\"SUBSEQUENT\",\"benchDevice\":\"" + device + "\"}");
        assertThat(opened.status()).as(opened.text()).isEqualTo(200);
        long job = opened.object().getJsonNumber("id").longValue();
        BenchFlow.readyToCapture(technician, job);
        return job;
    }

    private void post(LimsApi agent, String batch) throws InterruptedException {
        postShown(admin, agent, batch);
    }

    /** Posts a batch of one device's frames and waits until the bench shows its last one; the sequence acknowledged. */
    static long postShown(LimsApi admin, LimsApi agent, String batch) throws InterruptedException {
        var reply = agent.postEnglish("/api/v1/agent/frames", batch);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonObject receipt = reply.object().getJsonArray("devices").getJsonObject(0);
        assertThat(receipt.getInt("stored")).as(reply.text()).isPositive();
        String device = receipt.getString("device");
        long last = receipt.getJsonNumber("acknowledged").longValue();
        Waits.awaitTrue(() -> {
            var latest = admin.get("/api/v1/benches/" + device + "/latest");
            return latest.status() == 200 && latest.object().getJsonNumber("sequence").longValue() == last;
        }, Duration.ofSeconds(5), () -> "the bench shows frame " + last);
        return last;
    }

    private String registerWithDevice(String bench, String device) {
        return registerWithDevice(admin, bench, device);
    }

    /** Registers a bench agent with one serial MT-SICS device; its token. */
    static String registerWithDevice(LimsApi admin, String bench, String device) {
        var registered = admin.post("/api/v1/bench-agents", "{\"code\":\"" + bench + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        var assigned = admin.post("/api/v1/bench-agents/" + bench + "/devices", "{\"code\":\"" + device
                + "\",\"protocol\":\"mt-sics\",\"transport\":\"serial\",\"serialPort\":\"/dev/ttyUSB0\","
                + "\"pollCommand\":\"SI\"}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        return registered.object().getString("token");
    }

    /** sequence, status, value, reason, raw (ISO-8859-1), server_received_at, received_at; by sequence. */
    private static List<String[]> rows(String device) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection db = ServerDatabase.connect(); PreparedStatement q = db.prepareStatement(
                "select f.sequence, f.status, f.reading_value, f.reject_reason, f.raw_bytes, f.server_received_at,"
                        + " f.received_at from device_frame f join bench_device d on d.id = f.device_id"
                        + " where d.code = ? order by f.sequence")) {
            q.setString(1, device);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    BigDecimal value = rs.getBigDecimal(3);
                    rows.add(new String[] {Long.toString(rs.getLong(1)), rs.getString(2),
                        value == null ? null : value.toPlainString(), rs.getString(4),
                        new String(rs.getBytes(5), StandardCharsets.ISO_8859_1),
                        rs.getObject(6, OffsetDateTime.class).toInstant().toString(),
                        rs.getObject(7, OffsetDateTime.class).toInstant().toString()});
                }
            }
        }
        return rows;
    }

    static String batch(Integer contract, Instant sentAt, String... frames) {
        StringBuilder json = new StringBuilder("{");
        if (contract != null) {
            json.append("\"contract\":").append(contract).append(",\"sentAt\":\"").append(sentAt).append("\",");
        }
        return json.append("\"frames\":[").append(String.join(",", frames)).append("]}").toString();
    }

    static String frame(String device, long sequence, String raw, String status, String value, String unit,
            Instant receivedAt) {
        return "{\"device\":\"" + device + "\",\"sequence\":" + sequence + ",\"receivedAt\":\"" + receivedAt
                + "\",\"raw\":\"" + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.ISO_8859_1))
                + "\",\"status\":\"" + status + "\",\"value\":" + value + ",\"unit\":\"" + unit + "\"}";
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    }
}
