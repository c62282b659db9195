package org.jiliang.instrument.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * The LIMS server as the agent sees it: {@code GET /api/v1/agent/profiles} and
 * {@code POST /api/v1/agent/frames}, authenticated by the bench token. Use an https URL in production;
 * the JDK's trust store applies, and {@code -Djavax.net.ssl.trustStore=...} adds the institute's CA.
 */
public final class ServerConnection {

    /**
     * The version of the frames contract this agent speaks (docs/bench-agent.md §4): 2 adds the
     * batch's {@code sentAt} and the per-frame refusals in the receipt. A server that predates it
     * ignores both and refuses a bad batch whole, which the forwarder handles too.
     */
    public static final int CONTRACT = 2;

    /** The longest reject reason the server's API takes (it keeps its own reading's reason anyway). */
    static final int MAX_REJECT_REASON = 300;

    /** A frame the server refused for good, with its reason ({@code error} is the stable message key). */
    public record Refusal(long sequence, String error, String reason) {
    }

    /**
     * What the server did with a device's frames of a batch: every frame up to {@code acknowledged} is
     * handled (stored, stored before, or in {@code refused}); see the server's DeviceReceipt.
     */
    public record Receipt(String device, long acknowledged, int stored, int duplicates, int quarantined,
                          List<Refusal> refused) {

        public Receipt {
            refused = List.copyOf(refused);
        }

        public Receipt(String device, long acknowledged, int stored, int duplicates) {
            this(device, acknowledged, stored, duplicates, 0, List.of());
        }
    }

    public record Profiles(String bench, List<AgentProfile> devices) {
    }

    /** The server understood the request and said no (bad token, unknown device...): retrying as is will not help. */
    public static final class RefusedException extends Exception {
        private final int status;
        private final String error;

        RefusedException(int status, String error, String message) {
            super(message);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        /** The problem's stable message key, e.g. {@code error.agent.deviceNotAssigned}; {@code null} if none. */
        public String error() {
            return error;
        }

        /** The bench itself is refused (token missing, unknown or revoked): no device can go. */
        public boolean benchRefused() {
            return status == 401 || status == 403;
        }

        /** The device is refused, not a frame: e.g. it is not (any more) a device of this bench. */
        public boolean deviceRefused() {
            return "error.agent.deviceNotAssigned".equals(error);
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;

    public ServerConnection(URI base, String token, Duration connectTimeout, Duration requestTimeout) {
        this(base, token, connectTimeout, requestTimeout, Clock.systemUTC());
    }

    /** @param clock the agent's clock, which stamps each batch with the time it is sent */
    public ServerConnection(URI base, String token, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.clock = clock;
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
        return call(HttpRequest.newBuilder(base.resolve("api/v1/agent/profiles")).GET());
    }

    public static Profiles parseProfiles(JsonObject body) throws IOException {
        List<AgentProfile> devices = new ArrayList<>();
        for (Object device : collection(body, "devices")) {
            devices.add(AgentProfile.fromJson((Map<?, ?>) device));
        }
        return new Profiles(body.getString("bench"), devices);
    }

    /**
     * Sends a batch (an empty one only checks that the server takes this agent's requests at all); the
     * server stores what it does not hold yet and names, per frame, what it refuses for good.
     */
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
                // the server reads the bytes again and keeps its own reason; the API takes at most this much of ours
                f.put("rejectReason", e.rejectReason().length() <= MAX_REJECT_REASON ? e.rejectReason()
                        : e.rejectReason().substring(0, MAX_REJECT_REASON - 3) + "...");
            }
            if (e.answered() != null) {
                f.put("answers", AnsweredJson.toJson(e.answered()));
            }
            frames.add(f);
        }
        JsonObject request = new JsonObject();
        request.put("contract", CONTRACT);
        // On the agent's clock, like receivedAt: the server takes the difference, so the clock's offset cancels.
        request.put("sentAt", clock.instant().toString());
        request.put("frames", frames);
        JsonObject body = call(HttpRequest.newBuilder(base.resolve("api/v1/agent/frames"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toJson(), StandardCharsets.UTF_8)));
        List<Receipt> receipts = new ArrayList<>();
        for (Object item : collection(body, "devices")) {
            JsonObject r = new JsonObject(castMap((Map<?, ?>) item));
            List<Refusal> refused = new ArrayList<>();
            if (r.get("refused") instanceof Collection<?> list) {
                for (Object o : list) {
                    JsonObject f = new JsonObject(castMap((Map<?, ?>) o));
                    refused.add(new Refusal(f.getLong("sequence"), f.getString("error"), f.getString("reason")));
                }
            }
            receipts.add(new Receipt(r.getString("device"), r.getLongOrDefault("acknowledged", 0L),
                    r.getIntegerOrDefault("stored", 0), r.getIntegerOrDefault("duplicates", 0),
                    r.getIntegerOrDefault("quarantined", 0), refused));
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
        if (status == 400 || status == 401 || status == 403 || status == 409 || status == 413 || status == 422) {
            throw new RefusedException(status, errorKey(response.body()),
                    "The server refused (" + status + "): " + message(response.body()));
        }
        if (status / 100 != 2) {
            // 404 while the application deploys, 5xx while it starts, stops or lacks its database,
            // 408 and 429 when busy: try again later.
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

    /** The "error" of an RFC 9457 problem: the stable message key. */
    private static String errorKey(String body) {
        try {
            if (Jsoner.deserialize(body) instanceof JsonObject o) {
                return o.getString("error");
            }
        } catch (DeserializationException | ClassCastException e) {
            // Not a problem document.
        }
        return null;
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
