package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9's acceptance run: a balance that sends every hard case — a value of 10^15, nine decimals, a 10 000-byte
 * line, a fragment followed by a good line, a piece-count unit, a unit change, a line that drips in byte by byte for
 * ten seconds, and a line cut by stopping the device — over TCP and over a socat serial pair. Every byte the balance
 * wrote (its own log) is found, in order, in the frames the server stored, read back through the frames API; the
 * figures are printed for docs/acquisition-integrity.md. A balance that reports another serial number than its
 * profile blocks capture, and says why.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AcquisitionIntegrityIT {

    private static final String SERIAL_NUMBER = "B021002593";
    private static final Duration DRIP_PER_BYTE = Duration.ofMillis(560);

    private final LimsApi admin = LimsApi.as("admin");
    private final LimsApi technician = LimsApi.as("technician");

    @Test
    void overTcpEveryByteSentIsStored() throws Exception {
        String code = code("INT-TCP");
        try (ScriptedBalance balance = ScriptedBalance.tcp(SERIAL_NUMBER)) {
            register(code, "\"host\":\"127.0.0.1\",\"port\":" + balance.port(), SERIAL_NUMBER);
            everyCase(code, balance, "TCP");
        }
    }

    @Test
    void overASerialPairEveryByteSentIsStored() throws Exception {
        String code = code("INT-SER");
        try (PtyPair pty = PtyPair.start();
                ScriptedBalance balance = ScriptedBalance.serial(SERIAL_NUMBER, pty.deviceSide().toString())) {
            register(code, "\"transport\":\"serial\",\"serialPort\":\"" + pty.serverSide() + "\",\"baudRate\":9600,"
                    + "\"dataBits\":8,\"parity\":\"none\",\"stopBits\":\"1\",\"flowControl\":\"none\"", SERIAL_NUMBER);
            everyCase(code, balance, "serial (socat pty pair)");
        }
    }

    @Test
    void aBalanceWithAnotherSerialNumberCannotBeUsedForCapture() throws Exception {
        String code = code("INT-ID");
        try (ScriptedBalance swapped = ScriptedBalance.tcp("B999000111")) {
            register(code, "\"host\":\"127.0.0.1\",\"port\":" + swapped.port(), SERIAL_NUMBER);
            try {
                JsonObject device = awaitDevice(code, d -> identityVerdict(d).equals("DIFFERS"));
                assertThat(device.toString()).contains("B999000111").contains(SERIAL_NUMBER);

                var opened = technician.post("/api/v1/jobs", "{\"instrumentId\":" + BenchFlow.FOOD_COMPANY_SCALE
                        + ",\"verificationType\":\"SUBSEQUENT\",\"benchDevice\":\"" + code + "\"}");
                assertThat(opened.status()).as(opened.text()).isEqualTo(200);
                long job = opened.object().getJsonNumber("id").longValue();
                BenchFlow.awaitStableReading(technician, code, java.math.BigDecimal.ZERO);
                var refused = technician.post("/api/v1/jobs/" + job + "/points/1/capture", "{\"additionalLoad\":0}");
                assertThat(refused.status()).as(refused.text()).isEqualTo(409);
                assertThat(refused.object().getString("detail")).contains("B999000111").contains(SERIAL_NUMBER);
                var point = technician.get("/api/v1/jobs/" + job).object().getJsonArray("points").getJsonObject(0);
                assertThat(point.toString()).as("nothing was captured").doesNotContain("\"indication\":\"0");
            } finally {
                admin.post("/api/v1/devices/" + code + "/stop", "{}");
            }
        }
    }

    private void everyCase(String code, ScriptedBalance balance, String transport) throws Exception {
        try {
            BenchFlow.awaitStableReading(technician, code, java.math.BigDecimal.ZERO);
            int queriesBefore = balance.identityQueries();
            balance.send("S S 1000000000000000 g\r\n");
            balance.send("S S 12.345678901 g\r\n");
            balance.send("S S " + "9".repeat(10_000 - 8) + " g\r\n");
            balance.send("S S     12" + "S S     100.00 g\r\n");
            balance.send("S S     50.00 PCS\r\n");
            balance.send("S S      0.50 kg\r\n");
            balance.drip("S S     42.00 g\r\n", DRIP_PER_BYTE);
            Waits.awaitTrue(() -> balance.stepsDone() == 7, Duration.ofSeconds(30), () -> "the balance sent its script");
            balance.idleReadings(false);
            awaitAllStored(code, balance);

            List<JsonObject> frames = frames(code);
            assertThat(value(frames, "1000000000000000")).as("10^15 kept exactly").isPresent();
            assertThat(value(frames, "12.345678901")).as("nine decimals kept exactly").isPresent();
            JsonObject longLine = frames.stream().filter(f -> f.getInt("length") >= 10_000 - 8).findFirst()
                    .orElseThrow(() -> new AssertionError("the 10 000-byte line is not stored whole"));
            assertThat(longLine.getString("status")).isEqualTo("MALFORMED");
            assertThat(longLine.getString("rejectReason")).isNotBlank();
            assertThat(value(frames, "100.00")).as("the good line after a fragment keeps its value").isPresent();
            JsonObject pieces = frames.stream().filter(f -> "PCS".equals(f.getString("unit", null))).findFirst()
                    .orElseThrow(() -> new AssertionError("the piece-count frame is not stored with its unit"));
            assertThat(pieces.getString("status")).isNotEqualTo("STABLE");
            assertThat(pieces.getString("rejectReason")).contains("PCS");
            assertThat(value(frames, "42.00")).as("the dripped line arrives as one frame").isPresent();
            assertThat(balance.identityQueries()).as("the dripping line did not make the link look dead")
                    .isEqualTo(queriesBefore);

            // A line cut by stopping the device is kept too.
            balance.send("S S      7");
            Waits.awaitTrue(() -> balance.stepsDone() == 8, Duration.ofSeconds(10), () -> "the balance sent the cut line");
            awaitServerRead(code, balance);
            var stopped = admin.post("/api/v1/devices/" + code + "/stop", "{}");
            assertThat(stopped.status()).as(stopped.text()).isEqualTo(200);
            awaitAllStored(code, balance);
            List<JsonObject> all = frames(code);
            assertThat(new String(raw(all.get(all.size() - 1)), StandardCharsets.ISO_8859_1)).isEqualTo("S S      7");

            report(transport, balance.sentBytes(), all);
        } finally {
            admin.post("/api/v1/devices/" + code + "/stop", "{}");
        }
    }

    /** Waits until the stored frames, in order, hold exactly the bytes the balance wrote. */
    private void awaitAllStored(String code, ScriptedBalance balance) throws InterruptedException {
        byte[][] last = new byte[1][];
        Waits.awaitTrue(() -> java.util.Arrays.equals(last[0] = concatenated(frames(code)), balance.sentBytes()),
                Duration.ofSeconds(30), () -> "stored " + (last[0] == null ? 0 : last[0].length) + " bytes, sent "
                        + balance.sentBytes().length + "; first difference at " + firstDifference(last[0], balance.sentBytes()));
    }

    /** Waits until the server has read every byte the balance wrote on this link, the unfinished line too. */
    private void awaitServerRead(String code, ScriptedBalance balance) throws InterruptedException {
        long sent = balance.sentBytes().length;
        Waits.awaitTrue(() -> link(device(code)).getJsonNumber("bytesReceived").longValue() == sent,
                Duration.ofSeconds(10), () -> "the server read " + sent + " bytes: " + link(device(code)));
    }

    private static int firstDifference(byte[] a, byte[] b) {
        if (a == null) {
            return 0;
        }
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return n;
    }

    private void report(String transport, byte[] sent, List<JsonObject> frames) {
        long lines = 0;
        for (byte b : sent) {
            if (b == '\n') {
                lines++;
            }
        }
        Map<String, Integer> byStatus = new TreeMap<>();
        long withReason = 0;
        long kept = 0;
        for (JsonObject f : frames) {
            byStatus.merge(f.getString("status"), 1, Integer::sum);
            kept += raw(f).length;
            if (!f.isNull("rejectReason") && !f.getString("rejectReason").isBlank()) {
                withReason++;
            }
        }
        System.out.printf("acquisition integrity over %s: %d bytes in %d lines sent (plus one cut line), %d frames"
                + " stored holding %d bytes, %d kept with a reason; by status %s%n", transport, sent.length, lines,
                frames.size(), kept, withReason, byStatus);
        assertThat(kept).isEqualTo(sent.length);
    }

    private static java.util.Optional<JsonObject> value(List<JsonObject> frames, String exact) {
        return frames.stream().filter(f -> f.get("value") != null && f.get("value").getValueType() == JsonValue.ValueType.STRING
                && f.getString("value").equals(exact)).findFirst();
    }

    /** Every frame of the device, oldest first, paged through the frames API. */
    private List<JsonObject> frames(String code) {
        List<JsonObject> all = new ArrayList<>();
        String after = "";
        while (true) {
            var reply = admin.get("/api/v1/devices/" + code + "/frames?limit=1000" + after);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            JsonObject page = reply.object();
            page.getJsonArray("frames").forEach(v -> all.add((JsonObject) v));
            if (page.isNull("next")) {
                return all;
            }
            after = "&after=" + page.getJsonNumber("next").longValue();
        }
    }

    private static byte[] concatenated(List<JsonObject> frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        frames.forEach(f -> bytes.writeBytes(raw(f)));
        return bytes.toByteArray();
    }

    private static byte[] raw(JsonObject frame) {
        return Base64.getDecoder().decode(frame.getString("rawBase64"));
    }

    private void register(String code, String address, String serialNumber) {
        var reply = admin.post("/api/v1/devices", "{\"code\":\"" + code + "\",\"name\":\"scripted balance\","
                + "\"protocol\":\"mt-sics\"," + address + ",\"mode\":\"stream\",\"startCommand\":\"SIR\","
                + "\"pollCommand\":\"SI\",\"serialNumber\":\"" + serialNumber + "\",\"model\":\""
                + ScriptedBalance.MODEL + "\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    private JsonObject device(String code) {
        var reply = admin.get("/api/v1/devices");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.array().stream().map(JsonObject.class::cast).filter(d -> d.getString("code").equals(code))
                .findFirst().orElseThrow(() -> new AssertionError(code + " is not in the device list"));
    }

    private JsonObject awaitDevice(String code, java.util.function.Predicate<JsonObject> condition)
            throws InterruptedException {
        Waits.awaitTrue(() -> condition.test(device(code)), Duration.ofSeconds(15), () -> "device " + device(code));
        return device(code);
    }

    private static JsonObject link(JsonObject device) {
        return device.getJsonObject("link");
    }

    private static String identityVerdict(JsonObject device) {
        JsonObject identity = device.getJsonObject("identity");
        return identity == null || identity.isNull("kind") ? "" : identity.getString("kind");
    }

    private static String code(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    }
}
