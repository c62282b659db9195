package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 13: the yearly stability and repeatability evaluations of a standard (JJF 1033), from last year's checks:
 * the figures as AnnualEvaluationTest works them by hand, a verdict per point, a failure opening a case (the standard
 * stays in use), the evaluation in the history record; a year evaluated once; bad limits refused with the reason;
 * only the quality manager evaluates and only staff read. The quality manager does it on the standard's page too.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class AnnualEvaluationIT {

    private static final LocalDate TODAY = ItDay.TODAY;
    /** Last year: its checks are complete whatever today is. */
    private static final int YEAR = TODAY.getYear() - 1;
    /** Point 1 as AnnualEvaluationTest works it (10 g, g); point 2 drifts by 0.0011 g over the year (1 kg, g). */
    private static final String[][] CHECKS = {
        {YEAR + "-02-10", "10.0001 10.0003 10.0002", "1000.0010 1000.0012 1000.0011"},
        {YEAR + "-05-12", "10.0004 10.0004 10.0004", "1000.0015 1000.0016 1000.0017"},
        {YEAR + "-08-11", "9.9999 10.0001 10.0000", "1000.0018 1000.0018 1000.0018"},
        {YEAR + "-11-10", "10.0003 10.0005 10.0004", "1000.0021 1000.0023 1000.0022"}};

    private final LimsApi quality = LimsApi.as("quality");
    private final LimsApi technician = LimsApi.as("technician");
    private Browser browser;

    /** A standard with a two-point plan and last year's four checks, and one of this year's (not counted). */
    private String standardWithLastYearsChecks() {
        String code = "STD-EV-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"F1 砝码组\","
                + "\"accuracy\":\"F1\",\"serialNumber\":\"EV-1\",\"certificateNumber\":\"JZJ-EV-1\","
                + "\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + YEAR + "-01-05\",\"dueDate\":\""
                + TODAY.plusMonths(6) + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        var plan = quality.put("/api/v1/standards/" + code + "/check-plan", "{\"intervalDays\":90,"
                + "\"checkStandard\":\"核查砝码 CW-EV\",\"chart\":\"MEAN_RANGE\",\"readingsPerCheck\":3,"
                + "\"baseChecks\":5,\"criterion\":\"CONTROL_LIMITS\",\"points\":[{\"nominal\":\"10 g\",\"unit\":\"g\"},"
                + "{\"nominal\":\"1 kg\",\"unit\":\"g\"}]}");
        assertThat(plan.status()).as(plan.text()).isEqualTo(200);
        for (String[] c : CHECKS) {
            var recorded = technician.post("/api/v1/standards/" + code + "/checks", check(c[0], c[1], c[2]));
            assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        }
        assertThat(technician.post("/api/v1/standards/" + code + "/checks", check(TODAY.toString(),
                "10.0100 10.0100 10.0100", "1000.0100 1000.0100 1000.0100")).status()).isEqualTo(201);
        return code;
    }

    private static String check(String on, String point1, String point2) {
        return "{\"performedOn\":\"" + on + "\",\"points\":[{\"readings\":\"" + point1 + "\"},{\"readings\":\""
                + point2 + "\"}]}";
    }

    private static String limits(int year, String point1, String point2) {
        return "{\"year\":" + year + ",\"points\":[" + point1 + (point2 == null ? "" : "," + point2) + "]}";
    }

    private static String point(int ordinal, String stability, String basis, String repeatability) {
        return "{\"ordinal\":" + ordinal + ",\"stabilityLimit\":" + stability + ",\"limitBasis\":"
                + (basis == null ? "null" : "\"" + basis + "\"") + ",\"repeatabilityLimit\":" + repeatability + "}";
    }

    @Test
    void lastYearsChecksGiveEachPointsStabilityAndRepeatabilityWithAVerdict() {
        String code = standardWithLastYearsChecks();
        String path = "/api/v1/standards/" + code + "/evaluations";

        // bad limits: refused with the reason, nothing stored
        var missing = quality.postEnglish(path, limits(YEAR, point(1, "0.0005", "MPE", "0.0001"), null));
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.object().getString("error")).isEqualTo("error.evaluation.limits");
        assertThat(missing.object().getString("detail")).contains("2 check points");
        assertThat(quality.post(path, limits(YEAR, point(1, "0.0005", "MPE", "0.0001"),
                point(2, "-0.001", "MPE", "0.0002"))).object().getString("error")).isEqualTo("error.evaluation.limits");
        assertThat(quality.post(path, limits(YEAR, point(1, "0.0005", null, "0.0001"),
                point(2, "0.001", "MPE", "0.0002"))).object().getString("error")).isEqualTo("error.evaluation.limits");
        assertThat(quality.post(path, limits(YEAR, point(1, "0.0005", "MPE", "0.0001"),
                point(1, "0.001", "MPE", "0.0002"))).object().getString("error")).isEqualTo("error.evaluation.limits");
        assertThat(quality.post(path, limits(YEAR, point(1, "0.0000000000001", "MPE", "0.0001"),
                point(2, "0.001", "MPE", "0.0002"))).status()).as("13 decimals").isEqualTo(400);
        var future = quality.postEnglish(path, limits(TODAY.getYear() + 1, point(1, "0.0005", "MPE", "0.0001"),
                point(2, "0.001", "MPE", "0.0002")));
        assertThat(future.object().getString("error")).isEqualTo("error.evaluation.year");
        var empty = quality.postEnglish(path, limits(YEAR - 1, point(1, "0.0005", "MPE", "0.0001"),
                point(2, "0.001", "MPE", "0.0002")));
        assertThat(empty.object().getString("error")).isEqualTo("error.evaluation.noChecks");
        assertThat(empty.object().getString("detail")).contains(String.valueOf(YEAR - 1)).doesNotContain(",");
        assertThat(technician.post(path, limits(YEAR, point(1, "0.0005", "MPE", "0.0001"),
                point(2, "0.001", "MPE", "0.0002"))).status()).as("a technician does not evaluate").isEqualTo(403);
        assertThat(quality.get(path).array()).isEmpty();

        var evaluated = quality.post(path, limits(YEAR, point(1, "0.0005", "MPE", "0.0001"),
                point(2, "0.0010", "U", "0.0002")));
        assertThat(evaluated.status()).as(evaluated.text()).isEqualTo(201);
        List<JsonObject> points = evaluated.array().getValuesAs(JsonObject.class);
        JsonObject first = points.get(0);
        assertThat(first.getInt("year")).isEqualTo(YEAR);
        assertThat(first.getInt("groups")).as("this year's check is not counted").isEqualTo(4);
        assertThat(first.getJsonNumber("stability").bigDecimalValue()).isEqualByComparingTo("0.0004");
        assertThat(first.getString("stabilityVerdict")).isEqualTo("PASS");
        assertThat(first.getInt("degreesOfFreedom")).isEqualTo(8);
        assertThat(first.getJsonNumber("repeatability").bigDecimalValue()).isEqualByComparingTo("0.0000866025");
        assertThat(first.getString("repeatabilityVerdict")).isEqualTo("PASS");
        JsonObject second = points.get(1);
        assertThat(second.getJsonNumber("stability").bigDecimalValue()).isEqualByComparingTo("0.0011");
        assertThat(second.getString("basis")).isEqualTo("U");
        assertThat(second.getString("stabilityVerdict")).isEqualTo("FAIL");
        assertThat(second.getString("repeatabilityVerdict")).isEqualTo("PASS");

        // the failure opens a case; the standard stays in use until the quality manager decides
        var cases = quality.get("/api/v1/standards/" + code + "/cases").array().getValuesAs(JsonObject.class);
        assertThat(cases).extracting(c -> c.getString("kind")).containsExactly("EVALUATION_FAILED");
        assertThat(cases.get(0).getString("reason")).contains(YEAR + ": point 2 (1 kg): stability 0.0011 g");
        assertThat(quality.get("/api/v1/standards").array().getValuesAs(JsonObject.class).stream()
                .filter(s -> code.equals(s.getString("code"))).findFirst().orElseThrow().getString("status"))
                .isNotEqualTo("SUSPENDED");
        assertThat(quality.get("/api/v1/standards/" + code + "/history").text()).contains("standard.evaluated",
                "stability 0.0004 g from 4 checks");

        // once a year
        var again = quality.postEnglish(path, limits(YEAR, point(1, "0.0005", "MPE", "0.0001"),
                point(2, "0.0020", "MPE", "0.0002")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.object().getString("detail")).contains("evaluated by quality");
        assertThat(quality.get(path).array()).hasSize(2);

        // whose is it: staff only
        assertThat(technician.get(path).array()).hasSize(2);
        for (String customer : new String[] {"customer", "customer2"}) {
            var reply = LimsApi.as(customer).get(path);
            assertThat(reply.status()).as(customer).isEqualTo(403);
            assertThat(reply.text()).doesNotContain("0.0004");
            assertThat(LimsApi.as(customer).post(path, limits(YEAR - 2, point(1, "1", "MPE", "1"),
                    point(2, "1", "MPE", "1"))).status()).isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().get(path).status()).isEqualTo(401);
        assertThat(LimsApi.anonymous().post(path, "{}").status()).isEqualTo(401);
    }

    /**
     * The demo's E2 reference weight tells the story through the services (DemoStandardHistory): its people, eight
     * checks every 91 days, one out of tolerance whose case was closed and the standard reinstated, last year's
     * evaluation passed, a change of environment waiting for a decision.
     */
    @Test
    void theDemosReferenceWeightHasItsHistory() {
        String code = "/api/v1/standards/STD-E2-005";
        JsonObject people = quality.get(code + "/people").object();
        assertThat(people.getString("responsible")).isEqualTo("quality");
        assertThat(people.getBoolean("enough")).isTrue();
        var checks = quality.get(code + "/checks").array().getValuesAs(JsonObject.class);
        assertThat(checks).hasSizeGreaterThanOrEqualTo(8);
        assertThat(checks.subList(0, 8)).extracting(c -> c.getString("outcome")).containsExactly("BASE_PERIOD",
                "BASE_PERIOD", "BASE_PERIOD", "BASE_PERIOD", "BASE_PERIOD", "OUT_OF_TOLERANCE", "IN_CONTROL",
                "IN_CONTROL");
        var cases = quality.get(code + "/cases").array().getValuesAs(JsonObject.class);
        assertThat(cases).extracting(c -> c.getString("kind") + " " + c.getString("state"))
                .contains("OUT_OF_TOLERANCE CLOSED");
        JsonObject lastYear = quality.get(code + "/evaluations").array().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getInt("year") == YEAR).findFirst().orElseThrow();
        assertThat(lastYear.getInt("groups")).isGreaterThanOrEqualTo(4);
        assertThat(lastYear.getString("stabilityVerdict")).isEqualTo("PASS");
        assertThat(lastYear.getString("repeatabilityVerdict")).isEqualTo("PASS");
        assertThat(lastYear.getJsonNumber("largest").bigDecimalValue())
                .isGreaterThan(java.math.BigDecimal.valueOf(1000));
        assertThat(quality.get(code + "/changes").text()).contains("ENVIRONMENT", "PROPOSED");
        assertThat(quality.get(code + "/history").text()).contains("standard.assessed", "case.closed",
                "standard.reinstated",
                "standard.evaluated");
    }

    @Test
    void theQualityManagerEvaluatesOnTheStandardsPage() {
        String code = standardWithLastYearsChecks();
        browser.openAs("quality", "/standard.xhtml?code=" + code);
        assertThat(browser.find(By.id("evaluation-year")).getAttribute("value")).isEqualTo(String.valueOf(YEAR));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("tr.evaluation-input"));
        assertThat(rows).hasSize(2);
        rows.get(0).findElement(By.cssSelector("input.stability-limit")).sendKeys("0.0005");
        rows.get(0).findElement(By.cssSelector("input.repeatability-limit")).sendKeys("0.00005");
        rows.get(1).findElement(By.cssSelector("input.stability-limit")).sendKeys("0.002");
        rows.get(1).findElement(By.cssSelector("input.repeatability-limit")).sendKeys("0.0002");
        browser.clickCentered(By.id("evaluate-button"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("tr.evaluation-row")).size() == 2);
        List<WebElement> made = browser.driver().findElements(By.cssSelector("tr.evaluation-row"));
        assertThat(made.get(0).getText()).contains(String.valueOf(YEAR), "10 g", "0.0004 g", "0.0000866025 g");
        assertThat(made.get(0).findElement(By.cssSelector(".stability-verdict")).getText()).isEqualTo("合格");
        // 0.0000866 g is above the 0.00005 g the budget assumed
        assertThat(made.get(0).findElement(By.cssSelector(".repeatability-verdict")).getText()).isEqualTo("不合格");
        assertThat(made.get(1).findElement(By.cssSelector(".stability-verdict")).getText()).isEqualTo("合格");
        assertThat(browser.text(By.id("cases"))).contains("年度评定不合格");
        assertThat(browser.text(By.id("history"))).contains("年度稳定性与重复性评定");
        // next time the form proposes this year, with the limits just used
        assertThat(browser.find(By.id("evaluation-year")).getAttribute("value"))
                .isEqualTo(String.valueOf(TODAY.getYear()));
        assertThat(browser.driver().findElements(By.cssSelector("input.stability-limit")).get(1).getAttribute("value"))
                .isEqualTo("0.002");
        browser.screenshot("annual-evaluation");
        browser.driver().get(LimsApi.BASE_URL + "/standard.xhtml?code=STD-E2-005");
        browser.waitUntil(d -> !d.findElements(By.cssSelector("tr.evaluation-row")).isEmpty());
        browser.screenshot("standard-demo-history");
    }
}
