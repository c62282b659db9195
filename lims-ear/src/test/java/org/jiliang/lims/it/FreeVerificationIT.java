package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * Issue 10 §4 and issue 15: the policy pays for the free verification of market scales and of the medical instruments
 * of township clinics. A job is free when its owner and its instrument's category are in the same programme; the
 * job says under which programme, why, and what the price list would have charged; the finance department's report
 * counts the jobs done free and the fees waived per programme, district and month.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FreeVerificationIT {

    private static final String CLINICS = "乡镇卫生院医疗计量器具免费检定 Free verification for township clinics";
    private static final String MARKETS = "集贸市场计量器具免费检定 Free verification of market scales";

    private final LimsApi clerk = LimsApi.as("clerk");

    @Test
    void aJobIsFreeWhenItsOwnerAndItsCategoryAreInTheSameProgrammeAndChargedAtThePriceListOtherwise() {
        String district = "测试区" + UUID.randomUUID().toString().substring(0, 6);
        String code = owner("北湖镇卫生院", CLINICS, district);

        // the clinic's sphygmomanometer: the clinic and the category are both in the clinics' programme
        JsonObject job = receive(sphygmomanometerOf(code));
        JsonObject fee = job.getJsonObject("fee");
        assertThat(fee.getBoolean("waived")).isTrue();
        assertThat(fee.getString("programme")).isEqualTo(CLINICS);
        assertThat(fee.getString("reason")).contains(code, "北湖镇卫生院", "SPHYGMOMANOMETER", CLINICS);
        assertThat(fee.getString("category")).isEqualTo("SPHYGMOMANOMETER");
        assertThat(fee.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("30.00");
        assertThat(fee.getString("district")).isEqualTo(district);
        assertThat(LimsApi.as("quality").get("/api/v1/jobs/" + id(job) + "/audit").text())
                .contains("job.feeWaived", CLINICS, "30.00 CNY");

        // the same clinic's scale: scales are in the markets' programme, not the clinics': charged at the list price
        JsonObject scaleJob = receive(scaleOf(code));
        assertThat(scaleJob.getJsonObject("fee").getBoolean("waived")).isFalse();
        assertThat(scaleJob.getJsonObject("fee").containsKey("programme")).isFalse();
        assertThat(scaleJob.getJsonObject("fee").getString("category")).isEqualTo("NAWI");
        assertThat(scaleJob.getJsonObject("fee").getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("60.00");

        // leaving the programme: jobs received afterwards are charged; the earlier job keeps its waiver
        var left = clerk.put("/api/v1/registry/customers/" + code, "{\"name\":\"北湖镇卫生院\",\"address\":\"北湖镇卫生路 2 号\","
                + "\"district\":\"" + district + "\"}");
        assertThat(left.status()).as(left.text()).isEqualTo(200);
        JsonObject later = receive(sphygmomanometerOf(code));
        assertThat(later.getJsonObject("fee").getBoolean("waived")).isFalse();
        assertThat(clerk.get("/api/v1/jobs/" + id(job)).object().getJsonObject("fee").getBoolean("waived")).isTrue();
    }

    @Test
    void theFinanceReportCountsTheFreeJobsDoneAndTheFeesWaivedByProgrammeDistrictAndMonth() throws Exception {
        String district = "测试区" + UUID.randomUUID().toString().substring(0, 6);
        String market = owner("南门农贸市场", MARKETS, district);
        long scale = scaleOf(market);
        String certificate = BenchFlow.verifiedAndApproved(scale, BigDecimal.ZERO);
        String month = clerk.get("/api/v1/certificates/" + certificate).object().getString("issuedAt").substring(0, 7);
        // received, not done: not in the report
        receive(scaleOf(market));

        LimsApi quality = LimsApi.as("quality");
        int year = Integer.parseInt(month.substring(0, 4));
        var report = quality.get("/api/v1/figures/free-verification?year=" + year);
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        List<JsonObject> ours = report.object().getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> district.equals(l.getString("district", null))).toList();
        assertThat(ours).singleElement().satisfies(l -> {
            assertThat(l.getString("programme")).isEqualTo(MARKETS);
            assertThat(l.getString("month")).isEqualTo(month);
            assertThat(l.getInt("jobs")).isEqualTo(1);
            assertThat(l.getJsonNumber("waived").bigDecimalValue()).isEqualByComparingTo("60.00");
            assertThat(l.getInt("unpriced")).isZero();
        });
        JsonObject markets = report.object().getJsonArray("programmes").getValuesAs(JsonObject.class).stream()
                .filter(p -> MARKETS.equals(p.getString("programme"))).findFirst().orElseThrow();
        assertThat(markets.getInt("jobs")).isPositive();
        assertThat(report.object().getJsonObject("total").getJsonNumber("waived").bigDecimalValue())
                .isGreaterThanOrEqualTo(markets.getJsonNumber("waived").bigDecimalValue());

        // the workbook: the same line, counts and amounts as numbers the finance department can sum
        var xlsx = quality.get("/api/v1/figures/free-verification.xlsx?year=" + year);
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).contains("免收金额");
            Row line = null;
            for (Row r : sheet) {
                if (district.equals(r.getCell(1).getStringCellValue())) {
                    line = r;
                }
            }
            assertThat(line).as("the district's line").isNotNull();
            assertThat(line.getCell(0).getStringCellValue()).isEqualTo(MARKETS);
            assertThat(line.getCell(2).getStringCellValue()).isEqualTo(month);
            assertThat(line.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(line.getCell(4).getNumericCellValue()).isEqualTo(60.0);
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("合计 Total");
        }

        // a year the report cannot have is refused with the bounds; whose is it: the institute's finance only
        var refused = quality.get("/api/v1/figures/free-verification?year=1999");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.object().getString("detail")).contains("1999", "2000");
        assertThat(quality.get("/api/v1/figures/free-verification?year=" + (LocalDate.now().getYear() + 2)).status())
                .isEqualTo(400);
        for (String user : new String[] {"customer", "clinic", "clerk", "technician"}) {
            assertThat(LimsApi.as(user).get("/api/v1/figures/free-verification?year=" + year).status()).as(user)
                    .isEqualTo(403);
            assertThat(LimsApi.as(user).get("/api/v1/figures/free-verification.xlsx?year=" + year).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().get("/api/v1/figures/free-verification?year=" + year).status()).isEqualTo(401);
        assertThat(LimsApi.anonymous().get("/api/v1/figures/free-verification.xlsx?year=" + year).status())
                .isEqualTo(401);

        // the page: the quality manager reads the same line and the definitions
        try (Browser browser = new Browser()) {
            browser.openAs("quality", "/free-verification.xhtml?year=" + year);
            assertThat(browser.driver().findElements(By.cssSelector("tr.free-line")).stream().map(r -> r.getText())
                    .filter(t -> t.contains(district)).toList()).singleElement().asString()
                    .contains(MARKETS, month, "60.00");
            assertThat(browser.text(By.id("free-definitions"))).contains("同一项目", "首次出具");
            browser.screenshot("free-verification");
        }
    }

    @Test
    void anOwnerWithTheLongestCodeAndNameIsStillReceivedFreeAndTheTrailKeepsWhatFits() {
        String code = ("FV" + UUID.randomUUID().toString().replace("-", "").toUpperCase()).substring(0, 32);
        String name = "北湖镇中心卫生院".repeat(25); // 200 characters: the column's length
        var owner = clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\","
                + "\"address\":\"北湖镇\",\"freeProgramme\":\"" + CLINICS + "\"}");
        assertThat(owner.status()).as(owner.text()).isEqualTo(200);

        JsonObject job = receive(sphygmomanometerOf(code));
        assertThat(job.getJsonObject("fee").getBoolean("waived")).isTrue();
        assertThat(job.getJsonObject("fee").getString("reason")).as("the job keeps the whole reason").contains(name)
                .endsWith("\"" + CLINICS + "\"");
        assertThat(LimsApi.as("quality").get("/api/v1/jobs/" + id(job) + "/audit").text()).contains("job.feeWaived");
    }

    @Test
    void theClerkChoosesTheProgrammeOnTheCustomersPageAndSavingKeepsTheDistrict() {
        String district = "测试区" + UUID.randomUUID().toString().substring(0, 6);
        String code = owner("西湖社区卫生服务中心", CLINICS, district);
        try (Browser browser = new Browser()) {
            browser.openAs("clerk", "/customers.xhtml");
            browser.driver().findElements(By.cssSelector("#customers tbody tr")).stream()
                    .filter(r -> r.getText().contains(code)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("button[id$='edit-customer']")).click();
            browser.waitUntil(d -> code.equals(d.findElement(By.id("customer-code")).getAttribute("value")));
            assertThat(browser.find(By.id("customer-district")).getAttribute("value")).isEqualTo(district);
            var programme = new org.openqa.selenium.support.ui.Select(browser.find(By.id("customer-programme")));
            assertThat(programme.getFirstSelectedOption().getText()).isEqualTo(CLINICS);
            assertThat(programme.getOptions()).extracting(o -> o.getText()).contains("无", CLINICS, MARKETS);

            browser.type(By.id("customer-email"), "office@xihu.example.org");
            browser.clickCentered(By.id("save-customer"));
            browser.waitUntil(d -> d.findElements(By.cssSelector("#customers tbody tr")).stream()
                    .anyMatch(r -> r.getText().contains(code) && r.getText().contains("office@xihu.example.org")));
        }
        // saving the e-mail left the district and the programme as they were
        JsonObject saved = clerk.get("/api/v1/registry/customers").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> code.equals(c.getString("code"))).findFirst().orElseThrow();
        assertThat(saved.getString("district")).isEqualTo(district);
        assertThat(saved.getString("freeProgramme")).isEqualTo(CLINICS);
    }

    @Test
    void aProgrammeTheCatalogueDoesNotNameOrLongerThanItsColumnIsRefusedAndNothingIsStored() {
        String code = "CL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var tooLong = clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "\",\"name\":\"x\","
                + "\"address\":\"y\",\"freeProgramme\":\"" + "免".repeat(101) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        // a programme written by hand, not as the catalogue names it, would never waive a fee: refused, naming them
        var unknown = clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "\",\"name\":\"x\","
                + "\"address\":\"y\",\"freeProgramme\":\"乡镇卫生院免费检定\"}");
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.object().getString("detail")).contains("乡镇卫生院免费检定", CLINICS, MARKETS);
        assertThat(clerk.get("/api/v1/registry/customers").text()).doesNotContain(code);
    }

    private String owner(String name, String programme, String district) {
        String code = "FV" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var owner = clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\","
                + "\"address\":\"" + district + "卫生路 2 号\",\"freeProgramme\":\"" + programme + "\",\"district\":\""
                + district + "\"}");
        assertThat(owner.status()).as(owner.text()).isEqualTo(200);
        assertThat(owner.object().getString("freeProgramme")).isEqualTo(programme);
        return code;
    }

    private long scaleOf(String customer) {
        return registered("{\"customerCode\":\"" + customer + "\",\"description\":\"电子秤\",\"manufacturer\":\"凯丰衡器\","
                + "\"model\":\"ACS-30\",\"serialNumber\":\"" + serial() + "\",\"mandatoryVerification\":true,"
                + "\"intervalMonths\":12,\"scale\":{\"accuracyClass\":\"III\",\"max\":\"30 kg\",\"e\":\"10 g\","
                + "\"d\":\"10 g\"}}");
    }

    private long sphygmomanometerOf(String customer) {
        return registered("{\"customerCode\":\"" + customer + "\",\"description\":\"台式血压计\",\"manufacturer\":\"鱼跃\","
                + "\"model\":\"XJ11D\",\"serialNumber\":\"" + serial() + "\",\"mandatoryVerification\":true,"
                + "\"intervalMonths\":12,\"kind\":\"SPHYGMOMANOMETER\",\"parameters\":{\"meter.type\":\"MERCURY\","
                + "\"range.high\":\"300 mmHg\",\"division\":\"2 mmHg\"}}");
    }

    private long registered(String body) {
        var instrument = clerk.post("/api/v1/registry/instruments", body);
        assertThat(instrument.status()).as(instrument.text()).isEqualTo(200);
        return id(instrument.object());
    }

    private static String serial() {
        return "FV-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonObject receive(long instrumentId) {
        var job = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":" + instrumentId
                + ",\"verificationType\":\"SUBSEQUENT\"}");
        assertThat(job.status()).as(job.text()).isEqualTo(200);
        return job.object();
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }
}
