package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jiliang.lims.it.ApiEndpoints.Endpoint;
import org.jiliang.lims.it.ApiEndpoints.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every endpoint of the REST API (discovered from the web module's JAX-RS annotations) with bad input
 * a careless or hostile client sends: malformed JSON, wrong types per member, huge numbers and exponents,
 * long texts, unknown enum values, missing and empty bodies, wrong content types, negative and zero ids and
 * odd characters in path and query parameters. Each input goes to the endpoint as a user of a role the
 * endpoint serves (found by asking each role) and as a customer; the bench agents' endpoints with a bench's
 * token. Not one answer may be a server error, every refusal must be a problem document (RFC 9457) without
 * a class name or a library's message, and the demo's records must be as they were.
 *
 * <p>On a demo server of its own (on PostgreSQL where it is installed, as CI's shared server is), in the second lane
 * beside the shared server's classes: its sixteen thousand requests are a quarter of an hour's CPU on that lane.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@OwnServer
class ApiFuzzIT {

    private static final String STAFF_PASSWORD = LimsApi.DEMO_PASSWORD;
    /** Users asked, in this order, whether they may call an endpoint. */
    private static final List<String> STAFF = List.of("admin", "technician", "checker", "approver", "quality",
            "clerk");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** What an answer must not show: class and package names, library message codes, stack frames. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|RESTEASY\\d|\\b(java|jakarta|javax|org\\.(jboss|hibernate|eclipse|h2|postgresql|jiliang)"
                    + "|io\\.undertow|com\\.)\\.[a-z]|\\bat [a-z][\\w.$]+\\(|yasson|parsson");

    /** Odd path parameter values, already percent-encoded where a raw character is not allowed in a URI. */
    private static final List<String> ODD_PATH_VALUES = List.of("0", "-1", "9223372036854775808", "abc", "1.5",
            "%00", "%2F", "%2e%2e", "%FF", "a%20b", "%E4%B8%AD", "%3Cscript%3E", "'%22", "x".repeat(4000),
            "1e999999999");
    private static final List<String> ODD_QUERY_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "",
            "%00", "1e999999999", "1.5");

    /** Inputs that are never one JSON object of the right type in UTF-8 with the right content type. */
    private static final java.util.Set<String> MALFORMED = java.util.Set.of("an array", "a string", "a number",
            "an open brace", "a cut-off member", "a closing brace", "single quotes", "not JSON",
            "nested 100 000 deep", "objects nested 20 000 deep", "an 8 MiB string", "invalid UTF-8",
            "trailing garbage", "a second document", "an unknown member", "as text/plain", "declared UTF-16",
            "as XML", "as a form", "a content type that is none");

    private record Input(String label, String contentType, byte[] body, String accept) {

        Input withAccept(String mediaType) {
            return new Input(label, contentType, body, mediaType);
        }
    }

    /** Who sends: a Basic login, a bench's bearer token, or nobody. */
    private record Caller(String name, String authorization) {
    }

    private record Answer(Endpoint endpoint, Caller caller, String url, Input input, int status, String contentType,
            String body) {

        @Override
        public String toString() {
            return endpoint + " as " + caller.name + " [" + input.label + "] " + url.length() + " chars of URL → "
                    + status + " " + contentType + " " + body.substring(0, Math.min(body.length(), 300));
        }
    }

    private final List<Answer> answers = new ArrayList<>();
    private final Map<String, String> fixtures = new LinkedHashMap<>();
    private String benchToken;
    private String ownStaff;
    private String ownCustomer;
    /** The own server's {@code …/lims}. */
    private String base;

    @TempDir
    Path work;

    @Test
    void noBadInputMakesTheServerFailOrTalkAboutItsInsides() throws Exception {
        // the shared server's heap (lims-ear/pom.xml): the fuzz sends bodies of 8 MiB
        try (OwnDemoServer server = OwnDemoServer.start(work, s -> s.environment("JBOSS_JAVA_SIZING",
                "-Xms64m -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m"))) {
            base = server.base();
            fuzz();
        }
    }

    private void fuzz() throws IOException, InterruptedException {
        List<Endpoint> endpoints = ApiEndpoints.discover();
        assertThat(endpoints).as("endpoints found by reading the API's annotations").hasSizeGreaterThan(20);
        createFixtures();
        Map<String, Map<String, String>> before = demoRecords(endpoints);

        List<Endpoint> skipped = new ArrayList<>();
        int inputs = 0;
        Map<Endpoint, String> roles = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            if (e.eventStream()) {
                skipped.add(e); // an event stream never ends; its parameters are those of its sibling "latest"
                continue;
            }
            List<Caller> callers = callers(e, roles);
            for (Input input : inputsFor(e)) {
                inputs++;
                for (Caller caller : callers) {
                    send(e, caller, urlWith(e, Map.of()), input);
                }
            }
            for (Param p : e.pathParams()) {
                for (String odd : ODD_PATH_VALUES) {
                    inputs++;
                    Input plain = plainInput(e, "path " + p.name() + " = " + abbreviate(odd));
                    for (Caller caller : callers) {
                        send(e, caller, urlWith(e, Map.of(p.name(), odd)), plain);
                    }
                }
            }
            for (Param q : e.queryParams()) {
                for (String odd : ODD_QUERY_VALUES) {
                    inputs++;
                    Input plain = plainInput(e, "query " + q.name() + " = " + odd);
                    for (Caller caller : callers) {
                        send(e, caller, urlWith(e, Map.of()) + "?" + q.name() + "=" + odd, plain);
                    }
                }
            }
        }

        Map<String, Map<String, String>> after = demoRecords(endpoints);
        List<Answer> serverErrors = answers.stream().filter(a -> a.status >= 500).toList();
        List<Answer> notProblems = answers.stream().filter(a -> a.status >= 400 && !isProblem(a)).toList();
        List<Answer> leaks = answers.stream().filter(a -> INTERNALS.matcher(a.body).find()).toList();
        List<Answer> accepted = answers.stream()
                .filter(a -> a.status < 300 && !"GET".equals(a.endpoint.method())).toList();
        // a body that is not one JSON object of the endpoint's type, sent where a body is read, is never taken
        List<Answer> malformedTaken = accepted.stream()
                .filter(a -> a.endpoint.bodyType() != null && MALFORMED.contains(a.input.label)).toList();
        String report = report(endpoints, skipped, roles, inputs, serverErrors, notProblems, leaks, accepted);
        System.out.println(report);
        Path dir = Path.of(System.getProperty("it.reportDir", "target/it-reports"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("api-fuzz.txt"), report + "\n" + answers.stream().map(Answer::toString)
                .collect(Collectors.joining("\n")), StandardCharsets.UTF_8);

        assertThat(serverErrors).as("answers ≥ 500").isEmpty();
        assertThat(notProblems).as("refusals that are not RFC 9457 problem details").isEmpty();
        assertThat(leaks).as("answers that name classes, packages or libraries").isEmpty();
        assertThat(malformedTaken).as("malformed bodies taken as if they were good").isEmpty();
        before.forEach((list, records) -> records.forEach((key, json) -> assertThat(after.getOrDefault(list, Map.of()).get(key))
                .as("%s %s after the fuzz", list, key).isEqualTo(json)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fresh records for the endpoints that act on one: the fuzz never touches the demo's own.

    private void createFixtures() throws InterruptedException {
        long job = BenchFlow.openJob(LimsApi.as("technician").at(base), BenchFlow.FOOD_COMPANY_SCALE);
        fixtures.put("/api/v1/jobs/{id}", Long.toString(job));
        String bench = "FZ-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        LimsApi admin = LimsApi.as("admin").at(base);
        var registered = admin.post("/api/v1/bench-agents", "{\"code\":\"" + bench + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        benchToken = registered.object().getString("token");
        // its devices only: revoking it is not bad input, and the token must stay valid
        fixtures.put("/api/v1/bench-agents/{code}/devices", bench);
        var device = admin.post("/api/v1/bench-agents/" + bench + "/devices", "{\"code\":\"" + bench + "-D\","
                + "\"protocol\":\"mt-sics\",\"transport\":\"serial\",\"serialPort\":\"/dev/ttyUSB0\",\"mode\":\"stream\"}");
        assertThat(device.status()).as(device.text()).isEqualTo(200);
        fixtures.put("agent device", bench + "-D");
        // the frame endpoints read a real device (the fixture's, with few frames) and a real frame
        fixtures.put("/api/v1/devices/{code}/frames", bench + "-D");
        fixtures.put("/api/v1/devices/{code}/frames.csv", bench + "-D");
        // a server just started: its first reading of the demo's scale comes with the acquisition's first poll
        LimsApi technician = LimsApi.as("technician").at(base);
        var latest = Waits.awaitValue(() -> technician.get("/api/v1/benches/" + BenchFlow.DEVICE + "/latest"),
                reply -> reply.status() == 200, Duration.ofSeconds(30), () -> "a reading of the demo's scale");
        fixtures.put("/api/v1/frames/{id}", Long.toString(latest.object().getJsonNumber("frameId").longValue()));
        ownStaff = Accounts.staffAt(base, "fuzz", "technician");
        ownCustomer = Accounts.customerAt(base, "fuzz-c", "C0001");
    }

    /** A frame of the fixture bench's device, so that a batch gets as far as being stored. */
    private String agentFrames(String frame) {
        return "{\"frames\":[" + frame + "]}";
    }

    private String plausibleBody(Endpoint e) {
        if (e.bodyType() == null) {
            return null;
        }
        String body = BadInputs.plausible(e.bodyType(), e.bodyGenericType());
        if (e.bearerToken()) {
            // the agent's frame: of its own device, a real instant and base64 bytes
            body = agentFrames("{\"device\":\"" + fixtures.get("agent device") + "\",\"sequence\":1,"
                    + "\"receivedAt\":\"" + Instant.now() + "\",\"raw\":\""
                    + Base64.getEncoder().encodeToString("S S      1.0000 g\r\n".getBytes(StandardCharsets.US_ASCII))
                    + "\",\"status\":\"STABLE\",\"value\":1.0000,\"unit\":\"g\"}");
        }
        return body;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Inputs

    private List<Input> inputsFor(Endpoint e) {
        List<Input> inputs = new ArrayList<>();
        boolean takesBody = e.bodyType() != null || !"GET".equals(e.method());
        if (!takesBody) {
            inputs.add(plainInput(e, "plain"));
            inputs.add(new Input("Accept: image/png", null, null, "image/png"));
            return inputs;
        }
        String plausible = plausibleBody(e);
        String json = "application/json";
        inputs.add(new Input("no body", json, null, null));
        inputs.add(new Input("empty body", json, new byte[0], null));
        inputs.add(text("whitespace", json, "  \n "));
        inputs.add(text("null", json, "null"));
        inputs.add(text("an array", json, "[]"));
        inputs.add(text("a string", json, "\"x\""));
        inputs.add(text("a number", json, "42"));
        inputs.add(text("an open brace", json, "{"));
        inputs.add(text("a cut-off member", json, "{\"a\":"));
        inputs.add(text("a closing brace", json, "}"));
        inputs.add(text("single quotes", json, "{'a':1}"));
        inputs.add(text("not JSON", json, "hello"));
        inputs.add(text("nested 100 000 deep", json, "[".repeat(100_000)));
        inputs.add(text("objects nested 20 000 deep", json, "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
        inputs.add(text("an 8 MiB string", json, "{\"a\":\"" + "x".repeat(8 << 20) + "\"}"));
        inputs.add(new Input("invalid UTF-8", json, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF,
                (byte) 0xFE, '"', '}'}, null));
        if (plausible != null) {
            inputs.add(text("the plausible body", json, plausible));
            inputs.add(text("trailing garbage", json, plausible + "}"));
            inputs.add(text("a second document", json, plausible + plausible));
            inputs.add(text("an unknown member", json, plausible.replaceFirst("^\\{", "{\"noSuchMember\":1,")));
            inputs.add(text("as text/plain", "text/plain", plausible));
            inputs.add(text("without a content type", null, plausible));
            inputs.add(text("declared UTF-16", "application/json; charset=UTF-16", plausible));
            inputs.add(text("Accept: image/png", json, plausible).withAccept("image/png"));
            for (BadInputs.Variant v : BadInputs.variants(e.bodyType(), e.bodyGenericType())) {
                String body = v.json();
                if (e.bearerToken()) {
                    body = bearerVariant(v);
                    if (body == null) {
                        continue;
                    }
                }
                inputs.add(text(v.member() + " = " + v.what(), json, body));
            }
        }
        inputs.add(text("as XML", "application/xml", "<a/>"));
        inputs.add(text("as a form", "application/x-www-form-urlencoded", "a=b"));
        inputs.add(text("a content type that is none", "nonsense", "{}"));
        return inputs;
    }

    /** For the agent's batch, mutate the fixture frame rather than the generated one (it is of a real device). */
    private String bearerVariant(BadInputs.Variant v) {
        if (!v.member().startsWith("frames[0].")) {
            return v.json();
        }
        String member = v.member().substring("frames[0].".length());
        String frame = plausibleBody(new Endpoint("POST", "", Object.class, Object.class, List.of(), List.of(), true,
                false, null));
        JsonObject good = Json.createReader(new StringReader(frame)).readObject().getJsonArray("frames")
                .getJsonObject(0);
        // the variant's raw value of the member, cut out of its JSON text
        String raw = rawMember(v.json(), member);
        if (raw == null) {
            return null;
        }
        StringBuilder b = new StringBuilder("{");
        for (var m : good.entrySet()) {
            if (!m.getKey().equals(member)) {
                b.append(b.length() > 1 ? "," : "").append(Json.createValue(m.getKey())).append(':')
                        .append(m.getValue().toString());
            }
        }
        b.append(b.length() > 1 ? "," : "").append(Json.createValue(member)).append(':').append(raw);
        return agentFrames(b.append('}').toString());
    }

    private static String rawMember(String json, String member) {
        String marker = "\"" + member + "\":";
        int start = json.indexOf(marker);
        if (start < 0) {
            return null;
        }
        start += marker.length();
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return json.substring(start, i);
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return json.substring(start, i);
            }
        }
        return null;
    }

    private Input plainInput(Endpoint e, String label) {
        String body = plausibleBody(e);
        return body == null ? new Input(label, null, null, null) : text(label, "application/json", body);
    }

    private static Input text(String label, String contentType, String body) {
        return new Input(label, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 10) + "…(" + s.length() + " chars)" : s;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Callers

    /**
     * A role the endpoint serves (the first staff user whose plausible request is not refused for the role)
     * and a customer; for the bench agents' endpoints the fixture bench's token, a customer and nobody; for
     * public endpoints nobody too.
     */
    private List<Caller> callers(Endpoint e, Map<Endpoint, String> roles) {
        Caller customer = basic("customer");
        if (e.bearerToken()) {
            roles.put(e, "bench token");
            return List.of(new Caller("bench " + fixtures.get("/api/v1/bench-agents/{code}/devices"), "Bearer " + benchToken),
                    customer, new Caller("nobody", null));
        }
        if (e.path().startsWith("/api/v1/me/")) {
            // the caller's own account: wrong current passwords lock it, as they should, so never a demo user's
            roles.put(e, "accounts of the fuzz's own");
            return List.of(basic(ownStaff, Accounts.OWN), basic(ownCustomer, Accounts.OWN),
                    new Caller("nobody", null));
        }
        Input probe = plainInput(e, "role probe");
        List<Caller> callers = new ArrayList<>();
        Answer anonymous = send(e, new Caller("nobody", null), urlWith(e, Map.of()), probe);
        if (anonymous.status != 401) {
            callers.add(new Caller("nobody", null));
        }
        for (String user : STAFF) {
            Answer a = send(e, basic(user), urlWith(e, Map.of()), probe);
            if (a.status != 401 && a.status != 403) {
                roles.put(e, user);
                callers.add(basic(user));
                break;
            }
        }
        roles.putIfAbsent(e, "no staff role (customers only)");
        callers.add(customer);
        return callers;
    }

    private static Caller basic(String user) {
        return basic(user, STAFF_PASSWORD);
    }

    private static Caller basic(String user, String password) {
        return new Caller(user, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private String urlWith(Endpoint e, Map<String, String> values) {
        String path = e.path();
        for (Param p : e.pathParams()) {
            String template = "{" + p.name() + "}";
            String value = values.get(p.name());
            if (value == null) {
                String prefix = path.substring(0, path.indexOf(template) + template.length());
                value = fixtures.getOrDefault(e.path(), fixtures.getOrDefault(prefix,
                        isNumber(p.type()) ? "987654321" : "NO-SUCH-9"));
                if (p.name().equals("ordinal")) {
                    value = "1";
                }
            }
            path = path.replace(template, value);
        }
        return base + path;
    }

    private static boolean isNumber(Class<?> type) {
        return type.isPrimitive() || Number.class.isAssignableFrom(type);
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTTP

    private Answer send(Endpoint e, Caller caller, String url, Input input) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (caller.authorization != null) {
            b.header("Authorization", caller.authorization);
        }
        if (input.contentType != null) {
            b.header("Content-Type", input.contentType);
        }
        // half in English: neither language may carry internals
        b.header("Accept-Language", answers.size() % 2 == 0 ? "zh-CN" : "en");
        if (input.accept != null) {
            b.header("Accept", input.accept);
        }
        b.method(e.method(), input.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(input.body));
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Answer a = new Answer(e, caller, url, input, r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""), new String(r.body(), StandardCharsets.UTF_8));
            answers.add(a);
            return a;
        } catch (IOException ex) {
            throw new UncheckedIOException(e + " [" + input.label + "] as " + caller.name, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static boolean isProblem(Answer a) {
        if (!a.contentType.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonObject p = Json.createReader(new StringReader(a.body)).readObject();
            return p.getInt("status") == a.status && !p.getString("title").isBlank()
                    && !p.getString("detail").isBlank() && p.getString("type").startsWith("urn:")
                    && !p.getString("error").isBlank();
        } catch (RuntimeException ex) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The demo's records, by list and key, as the lists of the API show them (the fuzz's own records excluded)

    private Map<String, Map<String, String>> demoRecords(List<Endpoint> endpoints) {
        Map<String, Map<String, String>> records = new TreeMap<>();
        for (Endpoint e : endpoints) {
            if (!"GET".equals(e.method()) || !e.pathParams().isEmpty() || e.eventStream() || e.bearerToken()) {
                continue;
            }
            for (String user : List.of("admin", "quality", "technician", "clerk", "customer", "customer2")) {
                var reply = LimsApi.as(user).at(base).get(e.path());
                if (reply.status() != 200 || !reply.text().startsWith("[")) {
                    continue;
                }
                Map<String, String> byKey = new TreeMap<>();
                for (JsonValue v : reply.array()) {
                    if (v instanceof JsonObject o) {
                        String key = o.containsKey("id") ? o.get("id").toString()
                                : o.containsKey("code") ? o.get("code").toString() : null;
                        if (key != null && !isFixture(e, key)) {
                            byKey.put(key, storedPart(o).toString());
                        }
                    }
                }
                if (!byKey.isEmpty()) {
                    records.put(e.path() + " as " + user, byKey);
                }
            }
        }
        return records;
    }

    /**
     * What the record stores: a device's link state (bytes read, connected since) and the identity judged on it
     * are live, not records, and change while the fuzz runs.
     */
    private static JsonObject storedPart(JsonObject o) {
        var stored = jakarta.json.Json.createObjectBuilder(o);
        stored.remove("link");
        stored.remove("identity");
        return stored.build();
    }

    private boolean isFixture(Endpoint list, String key) {
        String bench = "\"" + fixtures.get("/api/v1/bench-agents/{code}/devices");
        return list.path().equals("/api/v1/jobs") ? key.equals(fixtures.get("/api/v1/jobs/{id}")) : key.startsWith(bench);
    }

    // ---------------------------------------------------------------------------------------------------------

    private String report(List<Endpoint> endpoints, List<Endpoint> skipped, Map<Endpoint, String> roles, int inputs,
            List<Answer> serverErrors, List<Answer> notProblems, List<Answer> leaks, List<Answer> accepted) {
        Map<Integer, Long> byStatus = new TreeMap<>(answers.stream()
                .collect(Collectors.groupingBy(a -> a.status, Collectors.counting())));
        long posts = endpoints.stream().filter(e -> "POST".equals(e.method())).count();
        StringBuilder b = new StringBuilder("API fuzz: ").append(endpoints.size()).append(" endpoints (")
                .append(posts).append(" POST), ").append(endpoints.size() - skipped.size()).append(" fuzzed, ")
                .append(inputs).append(" inputs, ").append(answers.size()).append(" requests; answers by status ")
                .append(byStatus).append("; ≥ 500: ").append(serverErrors.size()).append("; not problem details: ")
                .append(notProblems.size()).append("; naming internals: ").append(leaks.size())
                .append("; accepted (2xx to a change): ").append(accepted.size()).append('\n');
        b.append("not fuzzed (event streams): ").append(skipped).append('\n');
        roles.forEach((e, r) -> b.append("  ").append(e).append(" as ").append(r).append(" and a customer\n"));
        for (var list : List.of(Map.entry("≥ 500", serverErrors), Map.entry("not problem details", notProblems),
                Map.entry("naming internals", leaks), Map.entry("accepted", accepted))) {
            list.getValue().stream().limit(60).forEach(a -> b.append(list.getKey()).append(": ").append(a)
                    .append('\n'));
        }
        return b.toString();
    }
}
