package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9: the frames a device sent can be read back by staff, a page at a time, filtered and exported, each read
 * audited; customers and anonymous callers get nothing. Against the demo's simulated scale BAL-01, which keeps
 * sending while the test reads, so every selection is bounded by a time {@link #cutOff} whose frames are all
 * stored before the test starts reading.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DeviceFramesIT {

    private static final String DEVICE = BenchFlow.DEVICE;
    private static final LimsApi TECHNICIAN = LimsApi.as("technician");
    private static Instant cutOff;

    /**
     * A time before which the scale sent a malformed frame, and after which it has already sent (and the server
     * stored, in order) more frames: the selection "received before the cut-off" no longer changes.
     */
    @BeforeAll
    static void framesBeforeACutOff() throws InterruptedException {
        Instant start = Instant.now();
        SimulatedScale.garbageOnce(); // the next answer is garbage: a malformed frame with its reason
        Waits.awaitTrue(() -> onlyPage("status=MALFORMED&from=" + start.minusSeconds(1)).getJsonArray("frames")
                .size() > 0, Duration.ofSeconds(20), () -> "a malformed frame of " + DEVICE + " after " + start);
        Instant now = Instant.now();
        cutOff = now;
        Waits.awaitTrue(() -> {
            var latest = TECHNICIAN.get("/api/v1/benches/" + DEVICE + "/latest");
            return latest.status() == 200
                    && Instant.parse(latest.object().getString("receivedAt")).isAfter(now.plusMillis(500));
        }, Duration.ofSeconds(20), () -> "a frame of " + DEVICE + " received after " + now);
    }

    @Test
    void allFramesBeforeTheCutOffPageThroughWithoutGapOrDuplicateAndTheExportMatchesThem() {
        List<JsonObject> paged = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (true) {
            var reply = TECHNICIAN.get(framesPath("to=" + cutOff + "&limit=50" + after));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            JsonObject page = reply.object();
            assertThat(page.getString("device")).isEqualTo(DEVICE);
            List<JsonObject> frames = page.getJsonArray("frames").getValuesAs(JsonObject.class);
            pages++;
            if (!paged.isEmpty() && !frames.isEmpty()) {
                assertThat(id(frames.get(0))).as("first id of page %d", pages)
                        .isGreaterThan(id(paged.get(paged.size() - 1)));
            }
            paged.addAll(frames);
            if (page.isNull("next")) {
                assertThat(frames.size()).isLessThanOrEqualTo(50);
                break;
            }
            assertThat(frames).hasSize(50);
            assertThat(page.getJsonNumber("next").longValue()).as("next is the last id of the page")
                    .isEqualTo(id(frames.get(49)));
            after = "&after=" + page.getJsonNumber("next").longValue();
        }
        assertThat(pages).as("the demo scale sends about three frames a second since the server started")
                .isGreaterThan(1);
        List<Long> ids = paged.stream().map(DeviceFramesIT::id).toList();
        assertThat(ids).as("ids strictly increasing, so no duplicate").isSorted().doesNotHaveDuplicates();
        // No gap: within a link session, each frame follows the previous one's sequence number.
        Map<String, Long> lastSequence = new HashMap<>();
        for (JsonObject f : paged) {
            Long previous = lastSequence.put(f.getString("linkSession"), f.getJsonNumber("sequence").longValue());
            if (previous != null) {
                assertThat(f.getJsonNumber("sequence").longValue()).as("frame %d", id(f)).isEqualTo(previous + 1);
            }
            assertThat(Instant.parse(f.getString("receivedAt"))).isBefore(cutOff);
        }
        JsonObject malformed = paged.stream().filter(f -> "MALFORMED".equals(f.getString("status"))).findFirst()
                .orElseThrow(() -> new AssertionError("the garbage frame sent before the cut-off"));
        assertThat(malformed.getString("rejectReason")).isNotBlank();
        assertThat(malformed.isNull("value")).isTrue();
        JsonObject stable = paged.stream().filter(f -> "STABLE".equals(f.getString("status"))).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(stable.getString("rawText")).endsWith("␍␊");
        assertThat(stable.getString("rawHex")).endsWith("0d 0a");
        assertThat(java.util.Base64.getDecoder().decode(stable.getString("rawBase64")))
                .hasSize(stable.getInt("length"));
        assertThat(new BigDecimal(stable.getString("value"))).isNotNull();

        var csv = TECHNICIAN.get(csvPath("to=" + cutOff));
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = Csv.parse(csv.text().substring(1));
        assertThat(rows.get(0)).containsExactly("id", "device", "link_session", "sequence", "received_at",
                "server_received_at", "status", "value", "unit", "reject_reason", "length", "raw_hex", "raw_text");
        assertThat(rows).hasSize(paged.size() + 1);
        for (int i = 0; i < paged.size(); i++) {
            JsonObject f = paged.get(i);
            assertThat(rows.get(i + 1)).as("CSV row %d", i + 1).containsExactly(Long.toString(id(f)), DEVICE,
                    f.getString("linkSession"), f.get("sequence").toString(), f.getString("receivedAt"),
                    f.getString("serverReceivedAt"), f.getString("status"), text(f, "value"), text(f, "unit"),
                    text(f, "rejectReason"), Integer.toString(f.getInt("length")), f.getString("rawHex"),
                    f.getString("rawText"));
        }

        long exported = paged.size();
        assertThat(auditEntries("technician", "frames.exported")).as("the export is in the audit trail")
                .anyMatch(e -> e.getString("recordId").equals(DEVICE)
                        && e.getString("newValue").contains("to=" + cutOff)
                        && e.getString("newValue").contains("returned " + exported + " "));
    }

    @Test
    void statusSessionAndTimeFiltersSelectOnlyTheirFramesAndRangesSplitWithoutOverlap() {
        JsonObject malformed = onlyPage("status=MALFORMED&to=" + cutOff);
        assertThat(malformed.getJsonArray("frames")).isNotEmpty()
                .allSatisfy(f -> assertThat(((JsonObject) f).getString("status")).isEqualTo("MALFORMED"));
        assertThat(onlyPage("status=NO_SUCH_STATUS_YET").getJsonArray("frames"))
                .as("a well-formed status no frame has (the acquisition adds new ones) selects nothing").isEmpty();

        JsonObject last = onlyPage("to=" + cutOff + "&after=0&limit=1000");
        List<JsonObject> frames = last.getJsonArray("frames").getValuesAs(JsonObject.class);
        String session = frames.get(frames.size() - 1).getString("linkSession");
        JsonObject ofSession = onlyPage("session=" + URLEncoder.encode(session, StandardCharsets.UTF_8)
                + "&to=" + cutOff + "&limit=1000");
        assertThat(ofSession.getJsonArray("frames")).isNotEmpty()
                .allSatisfy(f -> assertThat(((JsonObject) f).getString("linkSession")).isEqualTo(session));

        Instant to = cutOff;
        Instant middle = to.minusSeconds(3);
        Instant from = to.minusSeconds(6);
        Set<Long> whole = ids(onlyPage("from=" + from + "&to=" + to + "&limit=1000"));
        Set<Long> first = ids(onlyPage("from=" + from + "&to=" + middle + "&limit=1000"));
        Set<Long> second = ids(onlyPage("from=" + middle + "&to=" + to + "&limit=1000"));
        assertThat(first).as("about three frames a second").isNotEmpty();
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
        Set<Long> both = new LinkedHashSet<>(first);
        both.addAll(second);
        assertThat(both).isEqualTo(whole);
        for (JsonValue v : onlyPage("from=" + from + "&to=" + middle + "&limit=1000").getJsonArray("frames")) {
            Instant at = Instant.parse(((JsonObject) v).getString("receivedAt"));
            assertThat(at).isAfterOrEqualTo(from).isBefore(middle);
        }
    }

    @Test
    void everyWrongInputIsAProblemThatSaysWhatIsWrong() {
        assertProblem(TECHNICIAN.getEnglish(framesPath("from=yesterday")), 400, "error.frames.instant", "yesterday");
        assertProblem(TECHNICIAN.getEnglish(framesPath("limit=0")), 400, "error.frames.limit", "1 to 1000");
        assertProblem(TECHNICIAN.getEnglish(framesPath("limit=1001")), 400, "error.frames.limit", "1001");
        assertProblem(TECHNICIAN.getEnglish(framesPath("limit=ten")), 400, "error.frames.number", "ten");
        assertProblem(TECHNICIAN.getEnglish(framesPath("after=-1")), 400, "error.frames.after", "-1");
        assertProblem(TECHNICIAN.getEnglish(framesPath("status=stable")), 400, "error.frames.status", "STABLE");
        assertProblem(TECHNICIAN.getEnglish(framesPath("from=2026-12-04T10:00:00Z&to=2026-12-04T09:00:00Z")), 400,
                "error.frames.range", "before");
        assertProblem(TECHNICIAN.get(framesPath("limit=0")), 400, "error.frames.limit", "1 至 1000");
        assertProblem(TECHNICIAN.getEnglish("/api/v1/devices/NO-SUCH-DEVICE/frames"), 404, "error.device.unknown",
                "NO-SUCH-DEVICE");
        assertProblem(TECHNICIAN.getEnglish("/api/v1/devices/NO-SUCH-DEVICE/frames.csv"), 404, "error.device.unknown",
                "NO-SUCH-DEVICE");
        assertProblem(TECHNICIAN.getEnglish(csvPath("status=x")), 400, "error.frames.status", "\"x\"");
        assertProblem(TECHNICIAN.getEnglish("/api/v1/frames/abc"), 400, "error.frames.number", "abc");
        assertProblem(TECHNICIAN.getEnglish("/api/v1/frames/987654321987"), 404, "error.frame.notFound",
                "987654321987");
    }

    @Test
    void framesAreTheLabsRecordsNotForCustomersTheIntakeClerkOrAnonymousCallers() {
        long frameId = id(onlyPage("to=" + cutOff + "&limit=1").getJsonArray("frames").getJsonObject(0));
        for (String path : List.of(framesPath(""), csvPath(""), "/api/v1/frames/" + frameId)) {
            for (String user : List.of("customer", "customer2", "clerk")) {
                var reply = LimsApi.as(user).get(path);
                assertProblem(reply, 403, "error.forbidden", "");
                assertThat(reply.text()).doesNotContain("rawHex").doesNotContain(DEVICE + ",");
            }
            var anonymous = LimsApi.anonymous().get(path);
            assertProblem(anonymous, 401, "error.notLoggedIn", "");
            assertThat(anonymous.text()).doesNotContain("rawHex");
        }
        for (String user : List.of("checker", "approver", "quality", "admin")) {
            assertThat(LimsApi.as(user).get("/api/v1/frames/" + frameId).status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void eachReadIsInTheAuditTrailWithWhoWhatAndHowMany() {
        var page = TECHNICIAN.get(framesPath("to=" + cutOff + "&limit=17&status=STABLE"));
        assertThat(page.status()).isEqualTo(200);
        int returned = page.object().getJsonArray("frames").size();
        long frameId = id(page.object().getJsonArray("frames").getJsonObject(0));
        assertThat(TECHNICIAN.get("/api/v1/frames/" + frameId).status()).isEqualTo(200);

        assertThat(auditEntries("technician", "frames.read")).anyMatch(e -> e.getString("recordId").equals(DEVICE)
                && e.getString("newValue").contains("status=STABLE")
                && e.getString("newValue").contains("limit=17")
                && e.getString("newValue").contains("returned " + returned + " "));
        assertThat(auditEntries("technician", "frame.read")).anyMatch(e -> e.getString("recordId")
                .equals(Long.toString(frameId)) && e.getString("newValue").contains("device=" + DEVICE));
    }

    @Test
    void aCapturedReadingNamesTheFrameItCameFromAndThatFrameHoldsTheValue() {
        long job = BenchFlow.openJob(TECHNICIAN, BenchFlow.FOOD_COMPANY_SCALE);
        assertThat(TECHNICIAN.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\"}").status())
                .isEqualTo(200);
        BenchFlow.recordNormalEnvironment(TECHNICIAN, job);
        JsonObject point = TECHNICIAN.get("/api/v1/jobs/" + job).object().getJsonArray("points").getJsonObject(0);
        BenchFlow.place(TECHNICIAN, BenchFlow.grams(point.getString("load")), BigDecimal.ZERO);
        var captured = TECHNICIAN.post("/api/v1/jobs/" + job + "/points/" + point.getInt("ordinal") + "/capture",
                "{\"additionalLoad\":" + BenchFlow.HALF_E_GRAMS + "}");
        assertThat(captured.status()).as(captured.text()).isEqualTo(200);
        JsonObject after = captured.object().getJsonArray("points").getJsonObject(0);
        JsonArray frameIds = after.getJsonArray("frameIds");
        assertThat(frameIds).hasSize(1);
        long frameId = frameIds.getJsonNumber(0).longValue();
        assertThat(after.getJsonNumber("frameId").longValue()).isEqualTo(frameId);

        JsonObject frame = LimsApi.as("checker").get("/api/v1/frames/" + frameId).object();
        assertThat(frame.getString("device")).isEqualTo(DEVICE);
        assertThat(frame.getString("status")).isEqualTo("STABLE");
        assertThat(frame.getString("rawHex")).isEqualTo(after.getString("rawHex"));
        assertThat(LimsApi.as("customer").get("/api/v1/frames/" + frameId).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String framesPath(String query) {
        return "/api/v1/devices/" + DEVICE + "/frames" + (query.isEmpty() ? "" : "?" + query);
    }

    private static String csvPath(String query) {
        return "/api/v1/devices/" + DEVICE + "/frames.csv" + (query.isEmpty() ? "" : "?" + query);
    }

    private static JsonObject onlyPage(String query) {
        var reply = TECHNICIAN.get(framesPath(query));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    private static Set<Long> ids(JsonObject page) {
        assertThat(page.isNull("next")).as("one page holds the whole selection").isTrue();
        Set<Long> ids = new LinkedHashSet<>();
        page.getJsonArray("frames").getValuesAs(JsonObject.class).forEach(f -> ids.add(id(f)));
        return ids;
    }

    private static long id(JsonObject frame) {
        return frame.getJsonNumber("id").longValue();
    }

    private static String text(JsonObject f, String name) {
        return f.isNull(name) ? "" : f.getString(name);
    }

    private static void assertProblem(LimsApi.Reply reply, int status, String key, String detailContains) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = reply.object();
        assertThat(problem.getString("error")).isEqualTo(key);
        assertThat(problem.getString("detail")).contains(detailContains);
    }

    /** The newest audit entries of one user and action, as the quality manager reads them. */
    private static List<JsonObject> auditEntries(String actor, String action) {
        var reply = LimsApi.as("quality").get("/api/v1/audit?count=1000");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class).stream()
                .filter(e -> actor.equals(e.getString("actor")) && action.equals(e.getString("action"))).toList();
    }

    /** RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line ends; records end with CRLF. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            assertThat(cell.length() == 0 && row.isEmpty()).as("the CSV ends with a complete record").isTrue();
            return rows;
        }
    }
}
