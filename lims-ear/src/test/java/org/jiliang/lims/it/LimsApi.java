package org.jiliang.lims.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The LIMS REST API as an outside system sees it: HTTP Basic as one of the demo users. */
final class LimsApi {

    static final String BASE_URL = System.getProperty("lims.baseUrl", "http://localhost:8080/lims");
    static final String DEMO_PASSWORD = "jiliang";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** How long a request may take unless a caller says otherwise. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String authorization;
    /** A logged-in session's cookie instead of credentials in every request; null without. */
    private final String cookie;
    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    private LimsApi(String authorization) {
        this(authorization, null, BASE_URL, HTTP, REQUEST_TIMEOUT);
    }

    private LimsApi(String authorization, String cookie, String baseUrl, HttpClient http, Duration timeout) {
        this.authorization = authorization;
        this.cookie = cookie;
        this.baseUrl = baseUrl;
        this.http = http;
        this.timeout = timeout;
    }

    /** The same caller, against another server (e.g. a WildFlyProcess of a fault test): {@code http://host:port/lims}. */
    LimsApi at(String otherBaseUrl) {
        return new LimsApi(authorization, cookie, otherBaseUrl, http, timeout);
    }

    /** The same caller, against another server reached with a client of its own (e.g. one that trusts its TLS key). */
    LimsApi at(String otherBaseUrl, HttpClient client) {
        return new LimsApi(authorization, cookie, otherBaseUrl, client, timeout);
    }

    /** The same caller, waiting up to {@code limit} for each answer (a benchmark's long request measured). */
    LimsApi waiting(Duration limit) {
        return new LimsApi(authorization, cookie, baseUrl, http, limit);
    }

    /**
     * The same user logged in once through the login form, its requests carrying the session's cookie instead of
     * the password (whose PBKDF2 check every Basic request pays): what a browser's requests cost.
     */
    LimsApi inSession() {
        String[] userAndPassword = new String(Base64.getDecoder().decode(authorization.substring(6)),
                StandardCharsets.UTF_8).split(":", 2);
        String form = "j_username=" + java.net.URLEncoder.encode(userAndPassword[0], StandardCharsets.UTF_8)
                + "&j_password=" + java.net.URLEncoder.encode(userAndPassword[1], StandardCharsets.UTF_8);
        Reply login = send(HttpRequest.newBuilder(URI.create(baseUrl + "/public/login")).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String session = login.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";", 2)[0]).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no session after the login form: " + login.status()));
        return new LimsApi(null, session, baseUrl, http, timeout);
    }

    /** The session cookie ({@code JSESSIONID=…}) of a caller made by {@link #inSession()}; null otherwise. */
    String cookie() {
        return cookie;
    }

    static LimsApi as(String username) {
        return as(username, DEMO_PASSWORD);
    }

    static LimsApi as(String username, String password) {
        return new LimsApi("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A bench agent, authenticated by its bearer token. */
    static LimsApi bench(String token) {
        return new LimsApi("Bearer " + token);
    }

    static LimsApi anonymous() {
        return new LimsApi(null);
    }

    record Reply(int status, byte[] body, HttpResponse<byte[]> raw) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonObject object() {
            return (JsonObject) json();
        }

        JsonArray array() {
            return (JsonArray) json();
        }

        /** The rows of a page of a list ({@code {"rows": [...], "total": n, "atLeast": false}}). */
        JsonArray rows() {
            return ((JsonObject) json()).getJsonArray("rows");
        }

        private JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(text()))) {
                return reader.read();
            }
        }
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    /** A GET with one request header of its own, e.g. If-None-Match. */
    Reply get(String path, String header, String value) {
        return send(request(path).header(header, value).GET());
    }

    Reply getEnglish(String path) {
        return send(request(path).header("Accept-Language", "en").GET());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A body that is not JSON (an uploaded file) with its media type. */
    Reply postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply postEnglish(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply putEnglish(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").header("Accept-Language", "en")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
