package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * Issue 15, the targets dashboard: every target of the policy on one page and one resource, each figure the same
 * count as the page that lists its records, against its threshold; by year and district; exported; the institute's
 * only.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PolicyTargetsIT {

    private final LimsApi quality = LimsApi.as("quality");

    @Test
    void everyTargetIsTheCountOfTheRecordsItDrillsDownToAgainstItsThreshold() throws Exception {
        int year = ItDay.TODAY.getYear();
        JsonObject dashboard = ok(quality.get("/api/v1/figures/targets?year=" + year));
        List<JsonObject> figures = dashboard.getJsonArray("figures").getValuesAs(JsonObject.class);
        assertThat(figures).extracting(f -> f.getJsonObject("target").getString("code")).containsExactly("COVERAGE",
                "VERIFICATION_RATE", "NET_CONTENT_PASS_RATE", "FREE_VERIFICATION", "INTEGRITY");

        JsonObject coverage = ok(quality.get("/api/v1/coverage"));
        JsonObject c = figures.get(0);
        assertThat(c.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo(
                coverage.getJsonNumber("percent").bigDecimalValue());
        assertThat(c.getInt("of")).isEqualTo(coverage.getInt("needs"));
        assertThat(c.getBoolean("met")).isEqualTo(coverage.getJsonNumber("percent").bigDecimalValue()
                .compareTo(java.math.BigDecimal.valueOf(90)) >= 0);

        JsonObject compliance = ok(quality.get("/api/v1/figures/compliance?year=" + year)).getJsonObject("total");
        JsonObject v = figures.get(1);
        assertThat(v.getInt("counted")).isEqualTo(compliance.getInt("onTime"));
        assertThat(v.getInt("of")).isEqualTo(compliance.getInt("due"));
        assertThat(v.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo(
                compliance.getJsonNumber("rate").bigDecimalValue());

        // the lots whose report was issued this year: passed (a report) of all (a report or a failed lot's notice)
        String thisYear = "&from=" + year + "-01-01&until=" + year + "-12-31";
        int passedLots = ok(quality.get("/api/v1/certificates?kind=NET_CONTENT_REPORT" + thisYear)).getInt("total");
        int lots = passedLots + ok(quality.get("/api/v1/certificates?kind=NET_CONTENT_NOTICE" + thisYear)).getInt("total");
        JsonObject n = figures.get(2);
        boolean lotsInspected = lots > 0;
        if (lotsInspected) {
            assertThat(n.getInt("counted")).isEqualTo(passedLots);
            assertThat(n.getInt("of")).isEqualTo(lots);
            assertThat(n.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(
                    passedLots * 100L).divide(java.math.BigDecimal.valueOf(lots), 1, java.math.RoundingMode.HALF_UP));
        } else {
            assertThat(n.containsKey("value")).isFalse();
            assertThat(n.getString("unmeasured")).isEqualTo("targets.unmeasured.netContent");
        }

        int free = ok(quality.get("/api/v1/figures/free-verification?year=" + year)).getJsonObject("total").getInt("jobs");
        assertThat(figures.get(3).getInt("value")).isEqualTo(free);
        assertThat(figures.get(3).containsKey("met")).as("the policy sets no figure").isFalse();

        int standing = new FromAddress("127.0.0.42").get("/api/v1/public/integrity", null, null).body()
                .split("\"signedOn\"", -1).length - 1;
        assertThat(figures.get(4).getInt("value")).isEqualTo(standing);

        // one district: the district's own needs with the region's, its own traders
        JsonObject district = ok(quality.get("/api/v1/figures/targets?year=" + year + "&district=北湖区"));
        assertThat(district.getString("district")).isEqualTo("北湖区");
        assertThat(district.getJsonArray("figures").getJsonObject(0).getInt("of"))
                .isEqualTo(ok(quality.get("/api/v1/coverage?district=北湖区")).getInt("needs"));
        // a past year: today's figures are not that year's
        JsonObject past = ok(quality.get("/api/v1/figures/targets?year=" + (year - 1)));
        assertThat(past.getJsonArray("figures").getJsonObject(0).getString("unmeasured")).isEqualTo("targets.unmeasured.today");
        assertThat(quality.get("/api/v1/figures/targets?year=" + (year + 1)).status()).isEqualTo(400);

        var xlsx = quality.get("/api/v1/figures/targets.xlsx?year=" + year);
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("a heading and five targets").isEqualTo(5);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Traceability needs covered by public standards");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(
                    c.getJsonNumber("value").doubleValue());
            if (!lotsInspected) {
                assertThat(sheet.getRow(3).getCell(8).getStringCellValue()).contains("没有签发定量包装商品检验批");
            }
        }

        for (String user : List.of("customer", "clerk", "technician")) {
            assertThat(LimsApi.as(user).get("/api/v1/figures/targets").status()).as(user).isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().get("/api/v1/figures/targets").status()).isEqualTo(401);
        // the way down to the failed lots: the quality manager reads them; the administrator, who keeps the accounts
        // and not the records, is refused (403), not given a server error
        String failedLots = "/certificates.xhtml?kind=NET_CONTENT_NOTICE&from=" + year + "-01-01&until=" + year + "-12-31";
        assertThat(LimsApi.as("quality").inSession().get(failedLots).status()).isEqualTo(200);
        assertThat(LimsApi.as("admin").inSession().get(failedLots).status()).isEqualTo(403);

        try (Browser browser = new Browser()) {
            browser.openAs("quality", "/targets.xhtml");
            assertThat(browser.text(By.cssSelector("tr.target-COVERAGE .target-value")))
                    .startsWith(c.getJsonNumber("value").bigDecimalValue().toPlainString());
            if (!lotsInspected) {
                assertThat(browser.text(By.cssSelector("tr.target-NET_CONTENT_PASS_RATE .target-note"))).contains("无法统计");
            }
            assertThat(browser.driver().findElements(By.cssSelector("#targets-chart canvas"))).isNotEmpty();
            assertThat(browser.text(By.id("targets-definitions"))).contains("受检率", "测量范围");
            browser.screenshot("targets");
            browser.find(By.cssSelector("tr.target-COVERAGE a.target-drill")).click();
            assertThat(browser.text(By.id("coverage-headline"))).contains(c.getJsonNumber("value").bigDecimalValue()
                    .toPlainString());
        }
    }

    private static JsonObject ok(LimsApi.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }
}
