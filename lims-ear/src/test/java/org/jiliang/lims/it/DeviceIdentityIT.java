package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9 against the deployed server: the instrument says who it is on connect, the server compares it with
 * the device profile, refuses readings of the wrong instrument with the reason, records the identity with
 * each captured reading, and shows the link going down.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeviceIdentityIT {

    private static final String PROFILE_SERIAL = "B021002593";

    private final LimsApi admin = LimsApi.as("admin");
    private final LimsApi technician = LimsApi.as("technician");

    @Test
    void aBalanceThatReportsAnotherSerialNumberIsRefusedWithTheReason() throws Exception {
        String code = newCode("BAL-WRONG-");
        try (MtSicsBalanceSimulator balance = balance("B999")) {
            register(code, balance.port());

            JsonObject row = awaitDevice(code, d -> d.containsKey("identity")
                    && "DIFFERS".equals(d.getJsonObject("identity").getString("kind")));
            assertThat(row.getJsonObject("identity").getString("field")).isEqualTo("serialNumber");
            assertThat(row.getJsonObject("identity").getString("deviceValue")).isEqualTo("B999");
            assertThat(row.getJsonObject("identity").getString("profileValue")).isEqualTo(PROFILE_SERIAL);
            assertThat(row.getJsonObject("link").getString("state")).isEqualTo("CONNECTED");

            long job = openJob(code);
            JsonObject latest = BenchFlow.awaitStableReading(technician, code, new BigDecimal("0.00"));
            assertThat(latest.getJsonObject("identity").getString("kind")).isEqualTo("DIFFERS");

            var refused = technician.post("/api/v1/jobs/" + job + "/points/1/capture", "{\"additionalLoad\":5}");
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.object().getString("error")).isEqualTo("error.capture.serialNumberDiffers");
            assertThat(refused.object().getString("detail")).contains(code, "B999", PROFILE_SERIAL);
            var english = technician.postEnglish("/api/v1/jobs/" + job + "/points/1/capture", "{\"additionalLoad\":5}");
            assertThat(english.object().getString("detail"))
                    .isEqualTo("The instrument on " + code + " reports serial number B999, the device profile says "
                            + PROFILE_SERIAL + ": check the cable and port; no reading can be captured.");
        } finally {
            admin.post("/api/v1/devices/" + code + "/stop", "{}");
        }
    }

    @Test
    void aMatchingBalanceIsVerifiedItsIdentityGoesWithTheReadingAndItsLinkGoingDownShows() throws Exception {
        String code = newCode("BAL-RIGHT-");
        try {
            long job;
            try (MtSicsBalanceSimulator balance = balance(PROFILE_SERIAL)) {
                register(code, balance.port());
                JsonObject row = awaitDevice(code, d -> d.containsKey("identity")
                        && "VERIFIED".equals(d.getJsonObject("identity").getString("kind")));
                assertThat(row.getJsonObject("link").getString("softwareVersion")).isEqualTo("2.10.1");

                job = openJob(code);
                JsonObject latest = BenchFlow.awaitStableReading(technician, code, new BigDecimal("0.00"));
                assertThat(latest.getString("linkSession")).isNotBlank();
                assertThat(latest.getJsonNumber("ageMillis").longValue()).isBetween(0L, 3000L);

                var captured = technician.post("/api/v1/jobs/" + job + "/points/1/capture", "{\"additionalLoad\":5}");
                assertThat(captured.status()).as(captured.text()).isEqualTo(200);
                JsonObject point = captured.object().getJsonArray("points").getJsonObject(0);
                assertThat(point.getString("deviceModel")).isEqualTo("XPE205");
                assertThat(point.getString("deviceSerialNumber")).isEqualTo(PROFILE_SERIAL);
                assertThat(point.getString("deviceSoftwareVersion")).isEqualTo("2.10.1");
                assertThat(LimsApi.as("quality").get("/api/v1/audit").text()).contains("S/N " + PROFILE_SERIAL);
            }
            // the balance is gone (its port closed)
            JsonObject down = awaitDevice(code, d -> d.containsKey("link") && "DOWN".equals(d.getJsonObject("link").getString("state")));
            assertThat(down.getJsonObject("link").getString("downSince")).isNotBlank();
            long firstAge = technician.get("/api/v1/benches/" + code + "/latest").object().getJsonNumber("ageMillis").longValue();
            Waits.awaitTrue(() -> technician.get("/api/v1/benches/" + code + "/latest").object().getJsonNumber("ageMillis")
                    .longValue() > firstAge, Duration.ofSeconds(10), () -> "the last reading to age");
            JsonObject stale = technician.get("/api/v1/benches/" + code + "/latest").object();
            assertThat(stale.getJsonObject("link").getString("state")).isEqualTo("DOWN");

            var refused = technician.post("/api/v1/jobs/" + job + "/points/2/capture", "{\"additionalLoad\":5}");
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.object().getString("error")).isEqualTo("error.capture.linkDown");
        } finally {
            admin.post("/api/v1/devices/" + code + "/stop", "{}");
        }
    }

    @Test
    void aBenchAgentsDeviceIsJudgedByTheIdentityAnswersTheAgentForwards() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String device = "BAL-AG-" + suffix;
        String bench = "BENCH-AG-" + suffix;
        var registered = admin.post("/api/v1/bench-agents", "{\"code\":\"" + bench + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        var assigned = admin.post("/api/v1/bench-agents/" + bench + "/devices", "{\"code\":\"" + device
                + "\",\"protocol\":\"mt-sics\",\"transport\":\"serial\",\"serialPort\":\"/dev/ttyUSB0\","
                + "\"pollCommand\":\"SI\",\"serialNumber\":\"" + PROFILE_SERIAL + "\",\"model\":\"XPE205\"}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        LimsApi agent = LimsApi.bench(registered.object().getString("token"));
        long job = openJob(device);

        // the agent connected to another balance: its I4 answer names B999
        Instant t = Instant.now();
        post(agent, BenchAgentFramesIT.batch(2, t, identity(device, 1, "I2 A \"XPE205 220.00 g\"\r\n", t),
                identity(device, 2, "I3 A \"2.10.1\"\r\n", t), identity(device, 3, "I4 A \"B999\"\r\n", t),
                BenchAgentFramesIT.frame(device, 4, "S S      0.00 kg\r\n", "STABLE", "0.00", "kg", t)));
        JsonObject row = awaitDevice(device, d -> "DIFFERS".equals(d.getJsonObject("identity").getString("kind")));
        assertThat(row.getJsonObject("link").getString("state")).isEqualTo("AGENT");
        var refused = technician.post("/api/v1/jobs/" + job + "/points/1/capture", "{\"additionalLoad\":5}");
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.object().getString("error")).isEqualTo("error.capture.serialNumberDiffers");

        // the cable is moved to the right balance: the agent reconnects and forwards its answers
        Instant u = Instant.now();
        post(agent, BenchAgentFramesIT.batch(2, u, identity(device, 5, "I2 A \"XPE205 220.00 g\"\r\n", u),
                identity(device, 6, "I3 A \"2.10.1\"\r\n", u),
                identity(device, 7, "I4 A \"" + PROFILE_SERIAL + "\"\r\n", u),
                BenchAgentFramesIT.frame(device, 8, "S S      0.00 kg\r\n", "STABLE", "0.00", "kg", u)));
        awaitDevice(device, d -> "VERIFIED".equals(d.getJsonObject("identity").getString("kind")));
        var captured = technician.post("/api/v1/jobs/" + job + "/points/1/capture", "{\"additionalLoad\":5}");
        assertThat(captured.status()).as(captured.text()).isEqualTo(200);
        assertThat(captured.object().getJsonArray("points").getJsonObject(0).getString("deviceSerialNumber"))
                .isEqualTo(PROFILE_SERIAL);
    }

    private static String identity(String device, long sequence, String raw, Instant receivedAt) {
        return "{\"device\":\"" + device + "\",\"sequence\":" + sequence + ",\"receivedAt\":\"" + receivedAt
                + "\",\"raw\":\"" + java.util.Base64.getEncoder().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                + "\",\"status\":\"IDENTITY\"}";
    }

    private void post(LimsApi agent, String batch) {
        var reply = agent.postEnglish("/api/v1/agent/frames", batch);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonObject receipt = reply.object().getJsonArray("devices").getJsonObject(0);
        assertThat(receipt.getInt("quarantined")).as(reply.text()).isZero();
        assertThat(receipt.getJsonArray("refused")).as(reply.text()).isEmpty();
    }

    @Test
    void theSerialNumberAndModelOfAProfileAreCheckedForLength() {
        String tooLong = "X".repeat(65);
        var refused = admin.post("/api/v1/devices", "{\"code\":\"BAL-LONG-SN\",\"protocol\":\"mt-sics\",\"host\":\"127.0.0.1\","
                + "\"port\":4999,\"serialNumber\":\"" + tooLong + "\"}");
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    }

    private static MtSicsBalanceSimulator balance(String serialNumber) throws Exception {
        return MtSicsBalanceSimulator.builder().port(0).model("XPE205").serialNumber(serialNumber)
                .softwareVersion("2.10.1").capacity(new BigDecimal("30.00")).displayInterval(new BigDecimal("0.01"))
                .unit("kg").settleTime(Duration.ZERO).start();
    }

    private void register(String code, int port) {
        var registered = admin.post("/api/v1/devices", "{\"code\":\"" + code + "\",\"name\":\"IT balance\","
                + "\"protocol\":\"mt-sics\",\"host\":\"127.0.0.1\",\"port\":" + port + ",\"pollCommand\":\"SI\","
                + "\"pollIntervalMs\":200,\"serialNumber\":\"" + PROFILE_SERIAL + "\",\"model\":\"XPE205\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        assertThat(registered.object().getString("serialNumber")).isEqualTo(PROFILE_SERIAL);
        assertThat(registered.object().getString("model")).isEqualTo("XPE205");
    }

    private long openJob(String device) {
        var reply = technician.post("/api/v1/jobs", "{\"instrumentId\":" + BenchFlow.FOOD_COMPANY_SCALE
                + ",\"verificationType\":\"SUBSEQUENT\",\"benchDevice\":\"" + device + "\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        long job = reply.object().getJsonNumber("id").longValue();
        BenchFlow.readyToCapture(technician, job);
        return job;
    }

    private JsonObject awaitDevice(String code, java.util.function.Predicate<JsonObject> wanted) throws Exception {
        AtomicReference<JsonObject> found = new AtomicReference<>();
        AtomicReference<String> last = new AtomicReference<>("none");
        Waits.awaitTrue(() -> {
            for (var value : admin.get("/api/v1/devices").array()) {
                JsonObject d = (JsonObject) value;
                if (d.getString("code").equals(code)) {
                    last.set(d.toString());
                    if (wanted.test(d)) {
                        found.set(d);
                        return true;
                    }
                }
            }
            return false;
        }, Duration.ofSeconds(20), () -> "device " + code + " as wanted; last: " + last.get());
        return found.get();
    }

    private static String newCode(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    }
}
