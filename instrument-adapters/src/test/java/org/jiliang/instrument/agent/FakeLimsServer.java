package org.jiliang.instrument.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        http.createContext("/lims/api/agent/profiles", this::profiles);
        http.createContext("/lims/api/agent/frames", this::frames);
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
        for (Object item : (Collection<?>) request.get("frames")) {
            if (((JsonObject) item).getString("device").equals(refusedDevice)) {
                reply(exchange, 409, "{\"error\":\"error.agent.deviceNotAssigned\",\"message\":\"Device "
                        + refusedDevice + " is not read by bench agent BENCH-T; nothing of this batch was stored.\"}");
                return;
            }
        }
        Map<String, long[]> receipts = new TreeMap<>(); // device -> {acknowledged, stored, duplicates}
        synchronized (stored) {
            for (Object item : (Collection<?>) request.get("frames")) {
                JsonObject f = (JsonObject) item;
                Received r = new Received(f.getString("device"), f.getLong("sequence"),
                        Base64.getDecoder().decode(f.getString("raw")), f.getString("status"),
                        f.getBigDecimal("value"), f.getString("unit"));
                everyDelivery.add(r);
                long[] receipt = receipts.computeIfAbsent(r.device(), d -> new long[3]);
                receipt[0] = Math.max(receipt[0], r.sequence());
                if (stored.computeIfAbsent(r.device(), d -> new TreeMap<>()).putIfAbsent(r.sequence(), r) == null) {
                    receipt[1]++;
                } else {
                    receipt[2]++;
                }
            }
        }
        List<Object> devices = new ArrayList<>();
        receipts.forEach((device, r) -> devices.add(new JsonObject(Map.of("device", device, "acknowledged", r[0],
                "stored", r[1], "duplicates", r[2]))));
        reply(exchange, 200, new JsonObject(Map.of("devices", new JsonArray(devices))).toJson());
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
