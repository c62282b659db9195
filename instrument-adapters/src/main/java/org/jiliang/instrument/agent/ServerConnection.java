package org.jiliang.instrument.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * The LIMS server as the agent sees it: {@code GET /api/agent/profiles} and
 * {@code POST /api/agent/frames}, authenticated by the bench token. Use an https URL in production;
 * the JDK's trust store applies, and {@code -Djavax.net.ssl.trustStore=...} adds the institute's CA.
 */
public final class ServerConnection {

    /** What the server holds per device after a batch; see the server's DeviceReceipt. */
    public record Receipt(String device, long acknowledged, int stored, int duplicates) {
    }

    public record Profiles(String bench, List<AgentProfile> devices) {
    }

    /** The server understood the request and said no (bad token, unknown device...): retrying as is will not help. */
    public static final class RefusedException extends Exception {
        private final int status;

        RefusedException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Duration requestTimeout;

    public ServerConnection(URI base, String token, Duration connectTimeout, Duration requestTimeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    public URI base() {
        return base;
    }

    /** The profiles of this bench's devices. */
    public Profiles profiles() throws IOException, RefusedException {
        return parseProfiles(profilesDocument());
    }

    /** The profiles as the server sent them, to be kept for a start while the server is unreachable. */
    public JsonObject profilesDocument() throws IOException, RefusedException {
        return call(HttpRequest.newBuilder(base.resolve("api/agent/profiles")).GET());
    }

    public static Profiles parseProfiles(JsonObject body) throws IOException {
        List<AgentProfile> devices = new ArrayList<>();
        for (Object device : collection(body, "devices")) {
            devices.add(AgentProfile.fromJson((Map<?, ?>) device));
        }
        return new Profiles(body.getString("bench"), devices);
    }

    /** Sends a batch; the server stores what it does not hold yet, all or nothing. */
    public List<Receipt> send(List<JournalEntry> batch) throws IOException, RefusedException {
        JsonArray frames = new JsonArray();
        for (JournalEntry e : batch) {
            JsonObject f = new JsonObject();
            f.put("device", e.device());
            f.put("sequence", e.sequence());
            f.put("receivedAt", e.receivedAt().toString());
            f.put("raw", Base64.getEncoder().encodeToString(e.raw()));
            f.put("status", e.status());
            if (e.value() != null) {
                f.put("value", e.value());
                f.put("unit", e.unit());
            }
            if (e.rejectReason() != null) {
                f.put("rejectReason", e.rejectReason());
            }
            frames.add(f);
        }
        JsonObject request = new JsonObject();
        request.put("frames", frames);
        JsonObject body = call(HttpRequest.newBuilder(base.resolve("api/agent/frames"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toJson(), StandardCharsets.UTF_8)));
        List<Receipt> receipts = new ArrayList<>();
        for (Object item : collection(body, "devices")) {
            JsonObject r = new JsonObject(castMap((Map<?, ?>) item));
            receipts.add(new Receipt(r.getString("device"), r.getLongOrDefault("acknowledged", 0L),
                    r.getIntegerOrDefault("stored", 0), r.getIntegerOrDefault("duplicates", 0)));
        }
        return receipts;
    }

    private JsonObject call(HttpRequest.Builder request) throws IOException, RefusedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(requestTimeout).header("Accept", "application/json")
                    .header("Accept-Language", "en").header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to " + base, e);
        }
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403 || status == 409 || status == 422) {
            throw new RefusedException(status, "The server refused (" + status + "): " + message(response.body()));
        }
        if (status / 100 != 2) {
            // 404 while the application deploys, 5xx while it starts or stops: try again later.
            throw new IOException("The server at " + base + " answered " + status + ": " + message(response.body()));
        }
        try {
            return (JsonObject) Jsoner.deserialize(response.body());
        } catch (DeserializationException | ClassCastException e) {
            throw new IOException("The server at " + base + " answered something that is not the expected JSON: "
                    + abbreviate(response.body()), e);
        }
    }

    private static String message(String body) {
        try {
            Object json = Jsoner.deserialize(body);
            // RFC 9457 problem details: "detail" is the sentence for a person
            if (json instanceof JsonObject o && o.getString("detail") != null) {
                return o.getString("detail");
            }
        } catch (DeserializationException e) {
            // Not JSON (an HTML error page): show its start.
        }
        return abbreviate(body);
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static Collection<?> collection(JsonObject body, String key) throws IOException {
        Object value = body.get(key);
        if (value instanceof Collection<?> c) {
            return c;
        }
        throw new IOException("The server's answer has no '" + key + "' list");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
