package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * Issue 15, the policy's first target: the share of the region's traceability needs the institute's valid standards
 * cover. A need inside a valid standard's range is covered; one that only a standard past its recalibration date
 * reaches is not, and the part no valid standard reaches is named.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TraceabilityCoverageIT {

    private final LimsApi quality = LimsApi.as("quality");

    @Test
    void aNeedIsCoveredByTheValidStandardsRangesAndThePartOnlyAnOverdueStandardReachesIsAGap() {
        String district = "溯源区" + UUID.randomUUID().toString().substring(0, 6);
        JsonObject covered = ok(quality.post("/api/v1/coverage/needs", need("砝码 1 kg–20 kg", "1", "20", "kg", district)));
        try {
            coveredAndNot(district, covered);
        } finally {
            // the needs this test registered no longer count, whatever it found
            quality.get("/api/v1/coverage?district=" + district).object().getJsonArray("rows")
                    .getValuesAs(JsonObject.class).stream().filter(r -> district.equals(r.getString("district", null)))
                    .forEach(r -> quality.post("/api/v1/coverage/needs/" + r.getInt("id") + "/retirement",
                            "{\"reason\":\"测试结束\"}"));
        }
        assertThat(quality.get("/api/v1/coverage?district=" + district).text()).doesNotContain("砝码 1 kg–20 kg");
        assertThat(quality.post("/api/v1/coverage/needs/" + covered.getInt("id") + "/retirement", "{\"reason\":\"x\"}")
                .status()).as("retired already").isEqualTo(404);
    }

    private void coveredAndNot(String district, JsonObject covered) {
        assertThat(covered.getBoolean("covered")).isTrue();
        assertThat(covered.getJsonArray("standards").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains("STD-F1-001");

        // the demo's M1 20 kg weights are past their recalibration date: 20 kg to 40 kg is reached by nothing valid
        JsonObject gap = ok(quality.post("/api/v1/coverage/needs", need("砝码 10 kg–40 kg", "10", "40", "kg", district)));
        assertThat(gap.getBoolean("covered")).isFalse();
        assertThat(gap.getJsonArray("gaps").getString(0)).isEqualTo("20 kg – 40 kg");
        assertThat(gap.getJsonArray("standards").toString()).doesNotContain("STD-M1-002");

        // the district's figure: the region's needs and the district's own, none of another district
        JsonObject figure = ok(quality.get("/api/v1/coverage?district=" + district));
        List<JsonObject> rows = figure.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(rows).extracting(r -> r.getString("district", "region")).containsOnly("region", district);
        assertThat(rows).extracting(r -> r.getString("description")).contains("砝码 1 kg–20 kg", "砝码 10 kg–40 kg",
                "血压计（表）检定 / sphygmomanometers").doesNotContain("汽车衡检定 / weighbridges");
        long coveredRows = rows.stream().filter(r -> r.getBoolean("covered")).count();
        assertThat(figure.getInt("needs")).isEqualTo(rows.size());
        assertThat(figure.getInt("covered")).isEqualTo((int) coveredRows);
        assertThat(figure.getJsonNumber("percent").bigDecimalValue()).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(coveredRows * 100).divide(java.math.BigDecimal.valueOf(rows.size()), 1,
                        java.math.RoundingMode.HALF_UP));

        // the standards' ranges, and which count today
        List<JsonObject> standards = ok2(quality.get("/api/v1/coverage/standards"));
        assertThat(standards).filteredOn(s -> "STD-M1-002".equals(s.getString("code"))).singleElement()
                .satisfies(s -> {
                    assertThat(s.getString("status")).isEqualTo("OVERDUE");
                    assertThat(s.getBoolean("counts")).isFalse();
                    assertThat(s.getString("range")).isEqualTo("20 kg – 40 kg");
                });

        // retired needs no longer count
        for (JsonObject n : List.of(covered, gap)) {
            var retired = quality.post("/api/v1/coverage/needs/" + n.getInt("id") + "/retirement", "{\"reason\":\"测试结束\"}");
            assertThat(retired.status()).as(retired.text()).isEqualTo(204);
        }
    }

    @Test
    void whatIsRefusedSaysWhyAndOnlyTheInstituteSeesTheFigure() {
        var unit = quality.post("/api/v1/coverage/needs", need("x", "1", "2", "furlong", null));
        assertThat(unit.status()).isEqualTo(409);
        assertThat(unit.object().getString("detail")).contains("furlong", "不是本系统认识的单位");
        var order = quality.post("/api/v1/coverage/needs", need("x", "5", "1", "kg", null));
        assertThat(order.object().getString("detail")).contains("5 kg", "1 kg");
        assertThat(quality.post("/api/v1/coverage/needs", need("x", "12345678901", "1", "kg", null)).status())
                .isEqualTo(400);
        assertThat(quality.post("/api/v1/coverage/needs", need(" ", "1", "2", "kg", null)).object().getString("detail"))
                .contains("描述");
        assertThat(quality.put("/api/v1/coverage/standards/NO-SUCH/range", "{\"lower\":1,\"upper\":2,\"unit\":\"kg\"}")
                .status()).isEqualTo(404);
        // the same range again: recorded (and audited), nothing else changes
        var again = quality.put("/api/v1/coverage/standards/STD-RES-008/range", "{\"lower\":10,\"upper\":10,\"unit\":\"kΩ\"}");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.object().getString("range")).isEqualTo("10 kΩ – 10 kΩ");
        assertThat(quality.get("/api/v1/coverage").text()).contains("标准电阻 10 kΩ 量值传递");

        assertThat(LimsApi.as("clerk").post("/api/v1/coverage/needs", need("x", "1", "2", "kg", null)).status())
                .as("the quality manager keeps the register").isEqualTo(403);
        for (String path : List.of("/api/v1/coverage", "/api/v1/coverage/standards")) {
            assertThat(LimsApi.as("customer").get(path).status()).as("customer " + path).isEqualTo(403);
            assertThat(LimsApi.as("technician").get(path).status()).as("technician " + path).isEqualTo(403);
            assertThat(LimsApi.anonymous().get(path).status()).as("anonymous " + path).isEqualTo(401);
        }

        try (Browser browser = new Browser()) {
            browser.openAs("quality", "/coverage.xhtml");
            assertThat(browser.driver().findElements(By.cssSelector("tr.need-row.gap")).stream().map(r -> r.getText())
                    .filter(t -> t.contains("集贸市场电子计价秤")).toList()).singleElement().asString()
                    .contains("20 kg – 30 kg");
            assertThat(browser.text(By.id("coverage-headline"))).contains("%");
            assertThat(browser.text(By.id("coverage-definitions"))).contains("测量范围");
            browser.screenshot("coverage");
        }
    }

    private static String need(String description, String lower, String upper, String unit, String district) {
        return "{\"description\":\"" + description + "\",\"lower\":" + lower + ",\"upper\":" + upper + ",\"unit\":\""
                + unit + "\"," + (district == null ? "" : "\"district\":\"" + district + "\",")
                + "\"source\":\"测试 / test\"}";
    }

    private static JsonObject ok(LimsApi.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    private static List<JsonObject> ok2(LimsApi.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
    }
}
