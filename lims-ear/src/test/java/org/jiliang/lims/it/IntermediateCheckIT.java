package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13: a standard's intermediate checks. The quality manager states the plan; a technician records checks;
 * each is evaluated at once. Out of tolerance: the standard is suspended and a case opens; out of control (a
 * pattern inside the limits): a case opens and the standard stays in use. Bad entries are refused with the reason
 * and store nothing; only staff see a standard's checks.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IntermediateCheckIT {

    private static final LocalDate TODAY = ItDay.TODAY;
    private final LimsApi quality = LimsApi.as("quality");
    private final LimsApi technician = LimsApi.as("technician");

    private String standard(String prefix) {
        String code = prefix + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"F1 砝码 1 kg\","
                + "\"accuracy\":\"F1\",\"serialNumber\":\"CHK-IT-1\",\"certificateNumber\":\"JZJ-CHK-1\","
                + "\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + TODAY.minusMonths(6) + "\",\"dueDate\":\""
                + TODAY.plusMonths(6) + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        return code;
    }

    private static String check(LocalDate on, String readings, String uncertainty) {
        return "{\"performedOn\":\"" + on + "\",\"points\":[{\"readings\":\"" + readings + "\""
                + (uncertainty == null ? "" : ",\"uncertainty\":" + uncertainty) + "}]}";
    }

    private JsonObject status(String code) {
        return quality.get("/api/v1/standards").array().stream().map(JsonObject.class::cast)
                .filter(s -> code.equals(s.getString("code"))).findFirst().orElseThrow();
    }

    @Test
    void aCheckBeyondTheControlLimitsSuspendsTheStandardAndOpensACase() {
        String code = standard("STD-CHK-");
        var plan = quality.put("/api/v1/standards/" + code + "/check-plan", "{\"intervalDays\":30,"
                + "\"checkStandard\":\"核查砝码 1 kg / check weight CW-1\",\"chart\":\"INDIVIDUALS\","
                + "\"readingsPerCheck\":1,\"baseChecks\":5,\"criterion\":\"CONTROL_LIMITS\","
                + "\"points\":[{\"nominal\":\"1 kg\",\"unit\":\"g\"}]}");
        assertThat(plan.status()).as(plan.text()).isEqualTo(200);

        String[] base = {"1000.0012", "1000.0015", "1000.0011", "1000.0014", "1000.0013"};
        for (int i = 0; i < base.length; i++) {
            var recorded = technician.post("/api/v1/standards/" + code + "/checks", check(TODAY.minusDays(60 - i * 10),
                    base[i], null));
            assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
            assertThat(recorded.object().getString("outcome")).isEqualTo("BASE_PERIOD");
        }
        var inside = technician.post("/api/v1/standards/" + code + "/checks", check(TODAY.minusDays(8), "1000.0018",
                null));
        assertThat(inside.object().getString("outcome")).isEqualTo("IN_CONTROL");
        assertThat(status(code).getString("status")).isEqualTo("VALID");

        // bad entries: refused with the reason, nothing stored
        var text = technician.postEnglish("/api/v1/standards/" + code + "/checks", check(TODAY, "1000.00x", null));
        assertThat(text.status()).isEqualTo(409);
        assertThat(text.object().getString("error")).isEqualTo("error.check.readings");
        assertThat(text.object().getString("detail")).contains("1 kg").contains("1000.00x");
        var two = technician.postEnglish("/api/v1/standards/" + code + "/checks", check(TODAY, "1000.0013 1000.0014",
                null));
        assertThat(two.object().getString("error")).isEqualTo("error.check.readings");
        var future = technician.postEnglish("/api/v1/standards/" + code + "/checks", check(TODAY.plusDays(1),
                "1000.0013", null));
        assertThat(future.object().getString("error")).isEqualTo("error.check.date");
        var beforeLast = technician.postEnglish("/api/v1/standards/" + code + "/checks", check(TODAY.minusDays(9),
                "1000.0013", null));
        assertThat(beforeLast.object().getString("error")).isEqualTo("error.check.date");
        assertThat(quality.get("/api/v1/standards/" + code + "/checks").array()).hasSize(6);

        var outside = technician.post("/api/v1/standards/" + code + "/checks", check(TODAY, "1000.0021", null));
        assertThat(outside.status()).as(outside.text()).isEqualTo(201);
        assertThat(outside.object().getString("outcome")).isEqualTo("OUT_OF_TOLERANCE");
        JsonObject result = outside.object().getJsonArray("results").getJsonObject(0);
        assertThat(result.getString("signals")).startsWith("1");
        assertThat(result.getBoolean("outOfTolerance")).isTrue();

        assertThat(status(code).getString("status")).as("suspended at once").isEqualTo("SUSPENDED");
        var cases = quality.get("/api/v1/standards/" + code + "/cases").array();
        assertThat(cases).hasSize(1);
        assertThat(cases.getJsonObject(0).getString("kind")).isEqualTo("OUT_OF_TOLERANCE");
        assertThat(cases.getJsonObject(0).getString("state")).isEqualTo("OPEN");
        assertThat(cases.getJsonObject(0).getJsonNumber("checkId").longValue())
                .isEqualTo(outside.object().getJsonNumber("id").longValue());
        JsonObject chart = quality.get("/api/v1/standards/" + code + "/control-charts").array().getJsonObject(0);
        assertThat(chart.getString("nominal")).isEqualTo("1 kg");
        // x̄ = 1000.0013 g, MR̄ = 0.000275 g: limits x̄ ± 3·MR̄/1.128 from the five base checks
        assertThat(chart.getJsonObject("values").getJsonNumber("upper").bigDecimalValue()
                .setScale(6, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("1000.002031");
        assertThat(chart.getJsonObject("values").getJsonNumber("lower").bigDecimalValue()
                .setScale(6, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("1000.000569");
        assertThat(chart.getJsonArray("points")).hasSize(7);
        assertThat(chart.getJsonArray("points").getJsonObject(6).getString("signals")).startsWith("1");
        String trail = quality.get("/api/v1/audit/entries.csv?record=" + code + "&action=standard.suspended").text();
        assertThat(trail).contains("standard.suspended").contains("1000.0021");

        assertThat(quality.get("/api/v1/standards/overview?flag=OUT_OF_TOLERANCE").object().getJsonArray("rows"))
                .anyMatch(r -> code.equals(((JsonObject) r).getString("code")));

        var replan = quality.putEnglish("/api/v1/standards/" + code + "/check-plan", "{\"intervalDays\":60,"
                + "\"checkStandard\":\"CW-1\",\"chart\":\"INDIVIDUALS\",\"readingsPerCheck\":1,\"baseChecks\":5,"
                + "\"criterion\":\"CONTROL_LIMITS\",\"points\":[{\"nominal\":\"1 kg\",\"unit\":\"g\"}]}");
        assertThat(replan.status()).isEqualTo(409);
        assertThat(replan.object().getString("error")).isEqualTo("error.check.planInUse");
    }

    @Test
    void underTheNormalizedErrorCriterionEnAboveOneFailsAndAPatternOnlyOpensACase() {
        String code = standard("STD-EN-");
        var plan = quality.put("/api/v1/standards/" + code + "/check-plan", "{\"intervalDays\":90,"
                + "\"checkStandard\":\"核查砝码 CW-2\",\"chart\":\"INDIVIDUALS\",\"readingsPerCheck\":1,"
                + "\"baseChecks\":5,\"criterion\":\"NORMALIZED_ERROR\",\"points\":[{\"nominal\":\"1 kg\","
                + "\"unit\":\"g\",\"referenceValue\":1000.0013,\"referenceUncertainty\":0.0008}]}");
        assertThat(plan.status()).as(plan.text()).isEqualTo(200);
        var noU = technician.postEnglish("/api/v1/standards/" + code + "/checks", check(TODAY.minusDays(30),
                "1000.0013", null));
        assertThat(noU.status()).isEqualTo(409);
        assertThat(noU.object().getString("error")).isEqualTo("error.check.uncertaintyNeeded");

        String[] base = {"1000.0012", "1000.0015", "1000.0011", "1000.0014", "1000.0013"};
        for (int i = 0; i < base.length; i++) {
            assertThat(technician.post("/api/v1/standards/" + code + "/checks", check(TODAY.minusDays(30), base[i],
                    "0.0006")).status()).isEqualTo(201);
        }
        // E_n = 0.8 but beyond the base period's limits: out of control, the standard stays in use
        var pattern = technician.post("/api/v1/standards/" + code + "/checks", check(TODAY.minusDays(20), "1000.0021",
                "0.0006"));
        assertThat(pattern.object().getString("outcome")).isEqualTo("OUT_OF_CONTROL");
        assertThat(status(code).getString("status")).isNotEqualTo("SUSPENDED");
        var again = technician.post("/api/v1/standards/" + code + "/checks", check(TODAY.minusDays(10), "1000.0022",
                "0.0006"));
        assertThat(again.object().getString("outcome")).isEqualTo("OUT_OF_CONTROL");
        var cases = quality.get("/api/v1/standards/" + code + "/cases").array();
        assertThat(cases).as("a later signal joins the open case").hasSize(1);
        assertThat(cases.getJsonObject(0).getString("kind")).isEqualTo("OUT_OF_CONTROL");

        // E_n = (1000.0024 − 1000.0013)/√(0.0006² + 0.0008²) = 1.1: out of tolerance
        var failed = technician.post("/api/v1/standards/" + code + "/checks", check(TODAY, "1000.0024", "0.0006"));
        assertThat(failed.object().getString("outcome")).isEqualTo("OUT_OF_TOLERANCE");
        assertThat(failed.object().getJsonArray("results").getJsonObject(0).getJsonNumber("normalizedError")
                .bigDecimalValue()).isEqualByComparingTo("1.1");
        assertThat(status(code).getString("status")).isEqualTo("SUSPENDED");
        assertThat(quality.get("/api/v1/standards/" + code + "/cases").array()).extracting(c -> ((JsonObject) c)
                .getString("kind")).containsExactly("OUT_OF_TOLERANCE", "OUT_OF_CONTROL");
    }

    @Test
    void theOverviewCountsAndListsAStandardWhoseCheckIsOverdue() {
        String code = standard("STD-OVD-");
        assertThat(quality.put("/api/v1/standards/" + code + "/check-plan", "{\"intervalDays\":7,\"checkStandard\":"
                + "\"CW-4\",\"chart\":\"INDIVIDUALS\",\"readingsPerCheck\":1,\"baseChecks\":5,\"criterion\":"
                + "\"CONTROL_LIMITS\",\"points\":[{\"nominal\":\"1 kg\",\"unit\":\"g\"}]}").status()).isEqualTo(200);
        assertThat(technician.post("/api/v1/standards/" + code + "/checks", check(TODAY.minusDays(10), "1000.0012", null))
                .status()).isEqualTo(201);

        JsonObject overview = quality.get("/api/v1/standards/overview?flag=CHECK_OVERDUE").object();
        JsonObject row = overview.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> code.equals(r.getString("code"))).findFirst().orElseThrow();
        assertThat(row.getString("nextCheck")).isEqualTo(TODAY.minusDays(3).toString());
        assertThat(row.getJsonArray("flags")).extracting(f -> ((jakarta.json.JsonString) f).getString())
                .containsExactlyInAnyOrder("VALID", "CHECK_OVERDUE");
        assertThat(overview.getJsonObject("counts").getInt("CHECK_OVERDUE"))
                .isEqualTo(overview.getJsonArray("rows").size());
        assertThat(quality.get("/api/v1/standards/overview?flag=OUT_OF_CONTROL").object().getJsonArray("rows"))
                .noneMatch(r -> code.equals(((JsonObject) r).getString("code")));
        assertThat(quality.get("/api/v1/standards/overview?flag=SOMETHING").status()).isEqualTo(400);

        // the assessment certificate: re-examination due from six months before its end
        String soon = standard("STD-ASM-");
        String later = standard("STD-ASL-");
        String assessment = "{\"certificate\":\"[2022]江计标证字第 0%s 号\",\"scope\":\"砝码 1 mg–20 kg F1\","
                + "\"validUntil\":\"%s\"}";
        var recorded = quality.put("/api/v1/standards/" + soon + "/assessment", assessment.formatted("17",
                TODAY.plusMonths(5)));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.object().getString("assessment")).isEqualTo("REEXAMINATION_DUE");
        assertThat(quality.put("/api/v1/standards/" + later + "/assessment", assessment.formatted("18",
                TODAY.plusMonths(7))).object().getString("assessment")).isEqualTo("VALID");
        var expiring = quality.get("/api/v1/standards/overview?flag=ASSESSMENT_EXPIRING").object().getJsonArray("rows");
        assertThat(expiring).anyMatch(r -> soon.equals(((JsonObject) r).getString("code")))
                .noneMatch(r -> later.equals(((JsonObject) r).getString("code")));
        var past = quality.putEnglish("/api/v1/standards/" + later + "/assessment", assessment.formatted("19",
                TODAY.minusDays(1)));
        assertThat(past.status()).isEqualTo(409);
        assertThat(past.object().getString("error")).isEqualTo("error.standard.assessmentValidUntil");
        assertThat(technician.put("/api/v1/standards/" + later + "/assessment", assessment.formatted("20",
                TODAY.plusYears(1))).status()).isEqualTo(403);
        for (String other : new String[] {"customer", "clinic", "clerk"}) {
            assertThat(LimsApi.as(other).get("/api/v1/standards/overview").status()).as(other).isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().get("/api/v1/standards/overview").status()).isEqualTo(401);
    }

    @Test
    void onlyStaffSeeAStandardsChecksAndOnlyTheQualityManagerPlansThem() {
        String code = standard("STD-WHO-");
        String planJson = "{\"intervalDays\":30,\"checkStandard\":\"CW-3\",\"chart\":\"MEAN_RANGE\","
                + "\"readingsPerCheck\":3,\"baseChecks\":5,\"criterion\":\"CONTROL_LIMITS\",\"points\":[{\"nominal\":"
                + "\"10 V\",\"unit\":\"V\"}]}";
        for (String other : new String[] {"technician", "clerk", "customer", "customer2"}) {
            assertThat(LimsApi.as(other).put("/api/v1/standards/" + code + "/check-plan", planJson).status()).as(other)
                    .isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().put("/api/v1/standards/" + code + "/check-plan", planJson).status())
                .isEqualTo(401);
        assertThat(quality.put("/api/v1/standards/" + code + "/check-plan", planJson.replace("\"intervalDays\":30",
                "\"intervalDays\":45")).status()).isEqualTo(200);
        // restated before any check is recorded against it
        assertThat(quality.put("/api/v1/standards/" + code + "/check-plan", planJson).status()).isEqualTo(200);
        assertThat(quality.get("/api/v1/standards/" + code + "/check-plan").object().getInt("intervalDays"))
                .isEqualTo(30);
        String entry = check(TODAY, "10.00001 10.00002 10.00001", null);
        assertThat(technician.post("/api/v1/standards/" + code + "/checks", entry).status()).isEqualTo(201);
        for (String path : new String[] {"/check-plan", "/checks", "/cases", "/control-charts"}) {
            for (String other : new String[] {"customer", "customer2", "clinic"}) {
                var reply = LimsApi.as(other).get("/api/v1/standards/" + code + path);
                assertThat(reply.status()).as(other + " " + path).isEqualTo(403);
                assertThat(reply.text()).doesNotContain("10.00001");
            }
            assertThat(LimsApi.anonymous().get("/api/v1/standards/" + code + path).status()).as(path).isEqualTo(401);
        }
        assertThat(LimsApi.as("customer").post("/api/v1/standards/" + code + "/checks", entry).status())
                .isEqualTo(403);
        assertThat(LimsApi.as("clerk").post("/api/v1/standards/" + code + "/checks", entry).status()).isEqualTo(403);
        assertThat(quality.get("/api/v1/standards/" + code + "/checks").array()).hasSize(1);
        assertThat(quality.get("/api/v1/standards/NO-SUCH-STD/checks").status()).isEqualTo(404);
    }
}
