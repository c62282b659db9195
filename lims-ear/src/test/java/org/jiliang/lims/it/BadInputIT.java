package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bad input a careless client sent the running server in the security review, one case each: impossible
 * conditions, a number where a code belongs, malformed JSON, an absurd exponent, and the instrument list a
 * customer could not open. Each is refused with a problem document that names the field in the caller's
 * language, and nothing is written.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BadInputIT {

    private final LimsApi technician = LimsApi.as("technician");
    private final LimsApi admin = LimsApi.as("admin");

    @Test
    void customersListTheirOwnInstrumentsOnly() {
        var food = LimsApi.as("customer").get("/api/v1/instruments?max=1000");
        assertThat(food.status()).as(food.text()).isEqualTo(200);
        assertThat(food.rows()).isNotEmpty().allSatisfy(i ->
                assertThat(((JsonObject) i).getString("customerName")).isEqualTo("华东食品有限公司"));
        assertThat(food.rows()).extracting(i -> ((JsonObject) i).getString("serialNumber"))
                .contains("YH2026-00731").doesNotContain("KF-88123");

        var market = LimsApi.as("customer2").get("/api/v1/instruments?max=1000");
        assertThat(market.status()).as(market.text()).isEqualTo(200);
        assertThat(market.rows()).extracting(i -> ((JsonObject) i).getString("serialNumber"))
                .containsExactly("KF-88123");

        assertThat(LimsApi.anonymous().get("/api/v1/instruments").status()).isEqualTo(401);
        for (String serial : List.of("YH2026-00731", "KF-88123")) {
            assertThat(LimsApi.as("clerk").get("/api/v1/instruments?text=" + serial).rows()).as("staff see all")
                    .extracting(i -> ((JsonObject) i).getString("serialNumber")).containsExactly(serial);
        }
    }

    @Test
    void impossibleConditionsAreRefusedAndNothingIsRecorded() {
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);

        var negativeHumidity = technician.post("/api/v1/jobs/" + job + "/environment",
                "{\"temperature\":20.0,\"humidity\":-5}");
        assertThat(negativeHumidity.status()).as(negativeHumidity.text()).isEqualTo(400);
        assertThat(negativeHumidity.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = negativeHumidity.object();
        assertThat(problem.getString("error")).isEqualTo("error.validation");
        assertThat(problem.getJsonArray("errors")).hasSize(1);
        JsonObject humidity = problem.getJsonArray("errors").getJsonObject(0);
        assertThat(humidity.getString("field")).isEqualTo("humidity");
        assertThat(humidity.getString("label")).isEqualTo("相对湿度");
        assertThat(problem.getString("detail")).contains("相对湿度");

        var belowAbsoluteZero = technician.postEnglish("/api/v1/jobs/" + job + "/environment",
                "{\"temperature\":-300,\"humidity\":150}");
        assertThat(belowAbsoluteZero.status()).as(belowAbsoluteZero.text()).isEqualTo(400);
        assertThat(belowAbsoluteZero.object().getJsonArray("errors")).extracting(
                e -> ((JsonObject) e).getString("label")).containsExactlyInAnyOrder("Temperature", "Relative humidity");

        assertThat(technician.get("/api/v1/jobs/" + job).object().get("environment"))
                .as("no conditions recorded").isIn(null, JsonValue.NULL);
    }

    @Test
    void aNumberIsNotACodeAndCreatesNothing() {
        String number = Long.toString(100_000_000L + System.nanoTime() % 800_000_000L);

        var agent = admin.post("/api/v1/bench-agents", "{\"code\":" + number + "}");
        assertThat(agent.status()).as(agent.text()).isEqualTo(400);
        assertThat(agent.object().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("code");
        assertThat(admin.get("/api/v1/bench-agents").text()).doesNotContain(number);

        var device = admin.post("/api/v1/devices", "{\"code\":" + number + ",\"protocol\":\"mt-sics\","
                + "\"host\":\"127.0.0.1\",\"port\":4999}");
        assertThat(device.status()).as(device.text()).isEqualTo(400);
        assertThat(admin.get("/api/v1/devices").text()).doesNotContain(number);
    }

    /** No text of the LIMS holds U+0000, and PostgreSQL fails a query that compares with it: refused at the edge. */
    @Test
    void theNulCharacterIsRefusedWhereverItComes() {
        LimsApi admin = LimsApi.as("admin");
        for (var reply : List.of(admin.get("/api/v1/admin/accounts/%00"), admin.post("/api/v1/devices/BAL%0001/stop", "{}"),
                LimsApi.as("customer").get("/api/v1/certificates/JH%00"))) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertThat(reply.object().getString("error")).isEqualTo("error.input.nul");
        }
        var body = LimsApi.as("clerk").post("/api/v1/registry/customers", "{\"code\":\"C\\u000099\",\"name\":\"x\","
                + "\"address\":\"y\"}");
        assertThat(body.status()).as(body.text()).isEqualTo(400);
        assertThat(body.text()).contains("U+0000");
        var login = LimsApi.as("admin\u0000", "jiliang").get("/api/v1/me");
        assertThat(login.status()).as("a user name with NUL is no account: " + login.text()).isEqualTo(401);
    }

    @Test
    void malformedJsonAndUnknownValuesGetAProblemWithoutLibraryText() {
        for (String body : new String[] {"{", "{\"instrumentId\":1,\"verificationType\":\"NOPE\"}",
                "{\"instrumentId\":\"one\"}", "[]"}) {
            var reply = technician.post("/api/v1/jobs", body);
            assertThat(reply.status()).as(body + " → " + reply.text()).isEqualTo(400);
            assertThat(reply.object().getString("detail")).isNotBlank();
            assertThat(reply.text()).doesNotContainIgnoringCase("exception").doesNotContain("RESTEASY")
                    .doesNotContain("org.").doesNotContain("Yasson").doesNotContain("jakarta.");
        }
        var english = technician.postEnglish("/api/v1/jobs", "{\"instrumentId\":1,\"verificationType\":\"NOPE\"}");
        assertThat(english.object().getString("detail")).contains("Type of verification");
    }

    @Test
    void eachRefusalIsOneLineInTheServerLogWithoutAStackTrace() throws Exception {
        String marker = "m" + Long.toString(System.nanoTime(), 36);
        var wrongRole = LimsApi.as("customer").post("/api/v1/devices/NO-" + marker.toUpperCase() + "/stop", "{}");
        assertThat(wrongRole.status()).isEqualTo(403);
        var wrongType = technician.post("/api/v1/jobs", "{\"instrumentId\":1,\"" + marker + "\":true}");
        assertThat(wrongType.status()).isEqualTo(400);
        var notJson = LimsApi.as("customer").post("/api/v1/jobs/" + marker, "{");
        assertThat(notJson.status()).isBetween(400, 499);

        // the file has RESTEasy's DEBUG lines too; what counts is what an operator reads: INFO and above
        Path log = Path.of(System.getProperty("it.serverLog"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<Integer> marked = markedLines(Files.readAllLines(log), marker);
        while (marked.size() < 3 && Instant.now().isBefore(deadline)) {
            BenchFlow.sleep(100);
            marked = markedLines(Files.readAllLines(log), marker);
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(marked).as("log lines naming the three refused requests").hasSize(3);
        for (int i : marked) {
            assertThat(lines.get(i)).contains(" INFO ", "Refused");
        }
        // nothing else between the first and the last refusal: no WFLYEJB0034, no RESTEasy warning, no trace
        assertThat(lines.subList(marked.get(0), marked.get(2) + 1)).noneSatisfy(l -> assertThat(l)
                .matches("(?s)(\\tat |Caused by|.* (WARN|ERROR) ).*"));
    }

    private static List<Integer> markedLines(List<String> lines, String marker) {
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if ((l.contains(marker) || l.contains(marker.toUpperCase())) && !l.contains(" DEBUG ")
                    && !l.contains(" TRACE ")) {
                marked.add(i);
            }
        }
        return marked;
    }

    @Test
    void anAbsurdExponentIsRefused() {
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        var reply = technician.post("/api/v1/jobs/" + job + "/points/1/capture", "{\"additionalLoad\":1e999999999}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.object().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("additionalLoad");
    }
}
