package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Device profiles are data: an administrator registers a new balance of a known protocol over
 * the API and the server starts reading it at once, then stops and restarts its route; no
 * code change, no redeploy. The balance is a simulator started by this test on a free port.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeviceRegisterIT {

    private final LimsApi admin = LimsApi.as("admin");

    @Test
    void administratorRegistersStopsAndRestartsADeviceWithoutRedeploying() throws Exception {
        String code = "BAL-IT-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        try (MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().port(0)
                .capacity(new BigDecimal("220.0000")).displayInterval(new BigDecimal("0.0001")).unit("g")
                .serialNumber("IT0000001").start()) {
            balance.placeLoad(new BigDecimal("100.0000"));

            var refused = LimsApi.as("technician").post("/api/v1/devices", registration(code, balance.port()));
            assertThat(refused.status()).as("only administrators register devices").isEqualTo(403);

            var registered = admin.post("/api/v1/devices", registration(code, balance.port()));
            assertThat(registered.status()).as(registered.text()).isEqualTo(200);
            assertThat(registered.object().getBoolean("enabled")).isTrue();

            JsonObject first = awaitStable(code, "100.0000");
            assertThat(first.getString("rawText")).matches("S S +100\\.0000 g\r\n");

            balance.placeLoad(new BigDecimal("50.1234"));
            awaitStable(code, "50.1234");

            assertThat(admin.post("/api/v1/devices/" + code + "/stop", "{}").object().getBoolean("enabled")).isFalse();
            BenchFlow.sleep(1000); // a frame already in flight may still be stored
            long lastSequence = latest(code).getJsonNumber("sequence").longValue();
            BenchFlow.sleep(1500);
            assertThat(latest(code).getJsonNumber("sequence").longValue()).as("no frames while stopped")
                    .isEqualTo(lastSequence);

            balance.placeLoad(new BigDecimal("20.0000"));
            assertThat(admin.post("/api/v1/devices/" + code + "/start", "{}").object().getBoolean("enabled")).isTrue();
            awaitStable(code, "20.0000");
        } finally {
            admin.post("/api/v1/devices/" + code + "/stop", "{}");
        }
        assertThat(LimsApi.as("quality").get("/api/v1/audit").text()).contains("device.registered", code);
    }

    @Test
    void unknownProtocolIsRefusedWithTheSupportedOnes() {
        var refused = admin.post("/api/v1/devices", "{\"code\":\"DMM-X\",\"protocol\":\"modbus\",\"host\":\"127.0.0.1\","
                + "\"port\":5025,\"pollIntervalMs\":500}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.object().getString("detail")).contains("modbus", "mt-sics", "sbi", "scpi", "vaisala");
    }

    private static String registration(String code, int port) {
        return "{\"code\":\"" + code + "\",\"name\":\"IT balance\",\"protocol\":\"mt-sics\",\"host\":\"127.0.0.1\","
                + "\"port\":" + port + ",\"pollCommand\":\"SI\",\"pollIntervalMs\":200}";
    }

    private JsonObject latest(String code) {
        return admin.get("/api/v1/benches/" + code + "/latest").object();
    }

    private JsonObject awaitStable(String code, String grams) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String last = "none";
        while (Instant.now().isBefore(deadline)) {
            var reply = admin.get("/api/v1/benches/" + code + "/latest");
            if (reply.status() == 200) {
                JsonObject r = reply.object();
                last = r.toString();
                if ("STABLE".equals(r.getString("status"))
                        && r.getJsonNumber("value").bigDecimalValue().compareTo(new BigDecimal(grams)) == 0) {
                    return r;
                }
            }
            BenchFlow.sleep(100);
        }
        throw new AssertionError("No stable " + grams + " g from " + code + " within 20 s; last: " + last);
    }
}
