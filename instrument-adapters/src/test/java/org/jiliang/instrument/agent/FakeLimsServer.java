package org.jiliang.instrument.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Stands in for the LIMS's two agent endpoints in unit tests of the agent's HTTP side (the real
 * server is exercised by BenchAgentOutageIT): checks the bearer token, keeps each (device, sequence)
 * once like the server, and can play an outage (503) on request.
 */
final class FakeLimsServer implements AutoCloseable {

    record Received(String device, long sequence, byte[] raw, String status, BigDecimal value, String unit) {
    }

    private final HttpServer http;
    private final String token;
    private final JsonArray profiles = new JsonArray();
    private final Map<String, TreeMap<Long, Received>> stored = new ConcurrentHashMap<>();
    private final List<Received> everyDelivery = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile String refusedDevice;
    private final Map<String, String> refusedFrames = new ConcurrentHashMap<>();
    private final Map<String, String> poisonFrames = new ConcurrentHashMap<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    /** For benchmarks: count what arrives instead of keeping it (a bit per sequence, per device). */
    private volatile boolean countOnly;
    private final Map<String, java.util.BitSet> counted = new ConcurrentHashMap<>();

    FakeLimsServer(String token) throws IOException {
        this(token, null);
    }

    /** Over TLS with the given server context (its certificate must name 127.0.0.1); plain HTTP when null. */
    FakeLimsServer(String token, javax.net.ssl.SSLContext tls) throws IOException {
        this.token = token;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            http = HttpServer.create(loopback, 0);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            http = https;
        }
        http.setExecutor(Executors.newFixedThreadPool(2));
        http.createContext("/lims/api/v1/agent/profiles", this::profiles);
        http.createContext("/lims/api/v1/agent/frames", this::frames);
        http.start();
    }

    URI base() {
        String scheme = http instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + http.getAddress().getPort() + "/lims");
    }

    synchronized void addProfile(Map<String, Object> profile) {
        profiles.add(new JsonObject(profile));
    }

    synchronized void clearProfiles() {
        profiles.clear();
    }

    /** While down, every call gets 503, as from a proxy in front of a stopped server. */
    void down(boolean isDown) {
        this.down = isDown;
    }

    /** From now on a batch with this device is refused (409), as for a device taken off the bench. */
    void refuseDevice(String device) {
        this.refusedDevice = device;
    }

    /**
     * From now on this frame is refused for good in the receipt (contract 2), with this reason: the
     * batch's other frames are stored, as the server does with a frame stamped in the future.
     */
    void refuseFrame(String device, long sequence, String reason) {
        refusedFrames.put(device + "#" + sequence, reason);
    }

    /**
     * From now on any batch holding this frame is refused whole with 400 and this detail, as a server
     * answers a request it cannot read at all (a number out of range); nothing of such a batch is stored.
     */
    void poisonFrame(String device, long sequence, String detail) {
        poisonFrames.put(device + "#" + sequence, detail);
    }

    /** From now on frames are only counted, not kept: a million frames must not fill the heap being measured. */
    void countOnly() {
        this.countOnly = true;
    }

    /** Distinct sequences of a device received while counting. */
    long counted(String device) {
        java.util.BitSet bits = counted.get(device);
        synchronized (stored) {
            return bits == null ? 0 : bits.cardinality();
        }
    }

    /** The number of frames in each request that reached the frames endpoint, in order. */
    List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    /** What the server holds for a device, by sequence. */
    TreeMap<Long, Received> stored(String device) {
        synchronized (stored) {
            return new TreeMap<>(stored.getOrDefault(device, new TreeMap<>()));
        }
    }

    /** Every frame received, duplicates included, in arrival order. */
    List<Received> deliveries() {
        return List.copyOf(everyDelivery);
    }

    private void profiles(HttpExchange exchange) throws IOException {
        if (refused(exchange)) {
            return;
        }
        JsonObject body = new JsonObject();
        body.put("bench", "BENCH-T");
        synchronized (this) {
            body.put("devices", new JsonArray(profiles));
        }
        reply(exchange, 200, body.toJson());
    }

    private void frames(HttpExchange exchange) throws IOException {
        if (refused(exchange)) {
            return;
        }
        JsonObject request;
        try (InputStream in = exchange.getRequestBody()) {
            request = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            reply(exchange, 400, "{\"message\":\"bad JSON\"}");
            return;
        }
        Collection<?> frames = (Collection<?>) request.get("frames");
        if (countOnly) {
            reply(exchange, 200, count(frames));
            return;
        }
        batchSizes.add(frames.size());
        for (Object item : frames) {
            JsonObject f = (JsonObject) item;
            if (f.getString("device").equals(refusedDevice)) {
                reply(exchange, 409, "{\"error\":\"error.agent.deviceNotAssigned\",\"detail\":\"Device "
                        + refusedDevice + " is not read by bench agent BENCH-T; nothing of this batch was stored.\"}");
                return;
            }
            String poison = poisonFrames.get(f.getString("device") + "#" + f.getLong("sequence"));
            if (poison != null) {
                reply(exchange, 400, new JsonObject(Map.of("type", "urn:jiliang-lims:problem:error.request.invalid",
                        "status", 400, "error", "error.request.invalid", "detail", poison)).toJson());
                return;
            }
        }
        Map<String, JsonObject> receipts = new TreeMap<>();
        synchronized (stored) {
            for (Object item : frames) {
                JsonObject f = (JsonObject) item;
                Received r = new Received(f.getString("device"), f.getLong("sequence"),
                        Base64.getDecoder().decode(f.getString("raw")), f.getString("status"),
                        f.getBigDecimal("value"), f.getString("unit"));
                everyDelivery.add(r);
                JsonObject receipt = receipts.computeIfAbsent(r.device(), d -> new JsonObject(Map.of("device", d,
                        "acknowledged", 0L, "stored", 0, "duplicates", 0, "refused", new JsonArray())));
                receipt.put("acknowledged", Math.max(receipt.getLong("acknowledged"), r.sequence()));
                String refusal = refusedFrames.get(r.device() + "#" + r.sequence());
                if (refusal != null) {
                    ((JsonArray) receipt.get("refused")).add(new JsonObject(Map.of("sequence", r.sequence(),
                            "error", "error.agent.futureTime", "reason", refusal)));
                } else if (stored.computeIfAbsent(r.device(), d -> new TreeMap<>()).putIfAbsent(r.sequence(), r) == null) {
                    receipt.put("stored", receipt.getInteger("stored") + 1);
                } else {
                    receipt.put("duplicates", receipt.getInteger("duplicates") + 1);
                }
            }
        }
        reply(exchange, 200, new JsonObject(Map.of("devices", new JsonArray(List.copyOf(receipts.values())))).toJson());
    }

    private String count(Collection<?> frames) {
        Map<String, long[]> receipts = new TreeMap<>(); // acknowledged, stored, duplicates
        synchronized (stored) {
            for (Object item : frames) {
                JsonObject f = (JsonObject) item;
                String device = f.getString("device");
                int sequence = Math.toIntExact(f.getLong("sequence"));
                long[] r = receipts.computeIfAbsent(device, d -> new long[3]);
                r[0] = Math.max(r[0], sequence);
                java.util.BitSet bits = counted.computeIfAbsent(device, d -> new java.util.BitSet());
                r[bits.get(sequence) ? 2 : 1]++;
                bits.set(sequence);
            }
        }
        JsonArray devices = new JsonArray();
        receipts.forEach((d, r) -> devices.add(new JsonObject(Map.of("device", d, "acknowledged", r[0], "stored", r[1],
                "duplicates", r[2]))));
        return new JsonObject(Map.of("devices", devices)).toJson();
    }

    private boolean refused(HttpExchange exchange) throws IOException {
        if (down) {
            reply(exchange, 503, "<html>Service Unavailable</html>");
            return true;
        }
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"error\":\"error.agent.token\",\"message\":\"The bench agent token is missing,"
                    + " unknown or revoked.\"}");
            return true;
        }
        return false;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }
}
