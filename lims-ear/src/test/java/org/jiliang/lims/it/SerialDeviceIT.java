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
import java.util.concurrent.TimeUnit;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A device on a serial port of the server is registered like a network one, over the API, and read
 * at once: a simulated MT-SICS balance sits on one end of a socat pty pair, the server is told the
 * other end's path and line settings, and the balance's frames are stored byte for byte.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SerialDeviceIT {

    private final LimsApi admin = LimsApi.as("admin");

    @Test
    void administratorRegistersASerialBalanceAndItsFramesAreStored() throws Exception {
        String code = "BAL-SER-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        try (PtyPair pty = PtyPair.start();
                MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().tcp(false)
                        .serialPort(pty.deviceSide().toString()).capacity(new BigDecimal("220.0000"))
                        .displayInterval(new BigDecimal("0.0001")).unit("g").serialNumber("IT0000002").start()) {
            balance.placeLoad(new BigDecimal("100.0000"));
            try {
                var registered = admin.post("/api/v1/devices", "{\"code\":\"" + code + "\",\"name\":\"serial balance\","
                        + "\"protocol\":\"mt-sics\",\"transport\":\"serial\",\"serialPort\":\"" + pty.serverSide() + "\","
                        + "\"baudRate\":9600,\"dataBits\":8,\"parity\":\"none\",\"stopBits\":\"1\",\"flowControl\":\"none\","
                        + "\"pollCommand\":\"SI\",\"pollIntervalMs\":200}");
                assertThat(registered.status()).as(registered.text()).isEqualTo(200);
                JsonObject view = registered.object();
                assertThat(view.getString("transport")).isEqualTo("serial");
                assertThat(view.getString("serialPort")).isEqualTo(pty.serverSide().toString());
                assertThat(view.getString("serialSettings")).isEqualTo("9600 N 8 1");
                assertThat(view.getBoolean("enabled")).isTrue();

                JsonObject first = awaitStable(code, "100.0000");
                assertThat(first.getString("rawText")).matches("S S +100\\.0000 g\r\n");
                assertThat(storedBytes(first.getJsonNumber("frameId").longValue()))
                        .as("the frame is stored byte for byte")
                        .isEqualTo(first.getString("rawText").getBytes(StandardCharsets.US_ASCII));

                balance.placeLoad(new BigDecimal("50.1234"));
                awaitStable(code, "50.1234");
            } finally {
                admin.post("/api/v1/devices/" + code + "/stop", "{}");
            }
        }
    }

    @Test
    void aSerialProfileWithBadSettingsIsRefusedInBothLanguages() {
        String relativePort = "{\"code\":\"BAL-SER-X\",\"protocol\":\"mt-sics\",\"transport\":\"serial\","
                + "\"serialPort\":\"ttyUSB0\",\"baudRate\":9600,\"pollIntervalMs\":500}";
        var chinese = admin.post("/api/v1/devices", relativePort);
        assertThat(chinese.status()).isEqualTo(409);
        assertThat(chinese.object().getString("detail")).contains("串口", "ttyUSB0", "/dev/ttyUSB0");
        var english = admin.postEnglish("/api/v1/devices", relativePort);
        assertThat(english.status()).isEqualTo(409);
        assertThat(english.object().getString("detail")).contains("Serial port", "ttyUSB0", "full path");

        var badParity = admin.postEnglish("/api/v1/devices", "{\"code\":\"BAL-SER-Y\",\"protocol\":\"mt-sics\","
                + "\"transport\":\"serial\",\"serialPort\":\"/dev/ttyUSB0\",\"baudRate\":9600,\"dataBits\":8,"
                + "\"parity\":\"x\",\"stopBits\":\"1\",\"pollIntervalMs\":500}");
        assertThat(badParity.status()).isEqualTo(409);
        assertThat(badParity.object().getString("detail")).contains("Parity", "none, odd, even, mark or space");

        var badDataBits = admin.post("/api/v1/devices", "{\"code\":\"BAL-SER-Z\",\"protocol\":\"mt-sics\","
                + "\"transport\":\"serial\",\"serialPort\":\"/dev/ttyUSB0\",\"baudRate\":9600,\"dataBits\":9,"
                + "\"parity\":\"none\",\"stopBits\":\"1\",\"pollIntervalMs\":500}");
        assertThat(badDataBits.status()).isEqualTo(409);
        assertThat(badDataBits.object().getString("detail")).contains("数据位", "9");
    }

    private static byte[] storedBytes(long frameId) throws Exception {
        try (Connection c = ServerDatabase.connect();
                PreparedStatement ps = c.prepareStatement("select raw_bytes from device_frame where id = ?")) {
            ps.setLong(1, frameId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("frame " + frameId + " is in device_frame").isTrue();
                return rs.getBytes(1);
            }
        }
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
        throw new AssertionError("No stable " + grams + " g from serial device " + code + " within 20 s; last: " + last);
    }
}
