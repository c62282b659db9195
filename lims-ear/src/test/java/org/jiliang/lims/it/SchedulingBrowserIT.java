package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 12 in the browser, as the clerk and the quality manager do it: the clerk imports a spreadsheet (preview,
 * confirm), finds its instruments on the due list, plans a campaign for them and moves one of its jobs on the
 * calendar; the quality manager reads 受检率 with its definitions and chart.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class SchedulingBrowserIT {

    private static final LocalDate TODAY = ItDay.TODAY;

    private Browser browser;

    @TempDir
    Path work;

    @Test
    void theClerkImportsPlansACampaignAndMovesAJobAndTheQualityManagerReadsTheFigures() throws Exception {
        String owner = "BRW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String district = "浏览区" + owner.substring(4);
        StringBuilder csv = new StringBuilder("使用单位代码,使用单位名称,使用单位地址,使用单位区县,使用地点,类别代码,器具名称,制造单位,型号,"
                + "出厂编号,资产编号,检定周期（月）,上次检定日期,上次证书编号,准确度等级,最大秤量,检定分度值,实际分度值\n");
        for (int i = 1; i <= 3; i++) {
            csv.append(owner).append(",浏览农贸市场,浏览路 1 号,").append(district).append(",A 区,NAWI,电子计价秤,凯丰衡器,ACS-30,")
                    .append(owner).append('-').append(i).append(",ZC-").append(i).append(",12,")
                    .append(TODAY.minusMonths(12).plusDays(5 * i)).append(",P-").append(i).append(",III,30 kg,10 g,10 g\n");
        }
        Path file = work.resolve("register.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        browser.openAs("clerk", "/import.xhtml");
        browser.driver().findElement(By.cssSelector("#import-file input[type=file]")).sendKeys(file.toString());
        browser.waitUntil(d -> !d.findElements(By.id("import-counts")).isEmpty());
        assertThat(browser.text(By.id("import-counts"))).contains("3 行", "新登记 3", "问题 0");
        browser.find(By.id("import-confirm")).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector(".import-state-DONE")).isEmpty());
        assertThat(browser.text(By.id("import-state"))).contains("已导入：新登记 3 台器具，0 行原已登记");
        browser.screenshot("import-done");

        browser.driver().get(LimsApi.BASE_URL + "/due.xhtml");
        browser.find(By.id("filter-owner")).sendKeys(owner);
        browser.find(By.id("apply-filter")).click();
        browser.waitUntil(d -> d.findElements(By.cssSelector("tr.due-row")).size() == 3);
        assertThat(browser.text(By.id("due"))).contains(owner + "-1", district, "浏览农贸市场");

        browser.driver().get(LimsApi.BASE_URL + "/campaigns.xhtml");
        browser.find(By.id("campaign-name")).sendKeys("浏览区农贸市场免费检定 " + owner);
        browser.find(By.id("campaign-district")).sendKeys(district);
        browser.find(By.id("campaign-due")).sendKeys(TODAY.plusDays(30).toString());
        browser.find(By.id("campaign-planned")).sendKeys(TODAY.plusDays(5).toString());
        browser.find(By.id("campaign-location")).sendKeys("浏览农贸市场 A 区");
        browser.find(By.id("campaign-preview")).click();
        browser.waitUntil(d -> !d.findElements(By.id("campaign-selection")).isEmpty());
        assertThat(browser.text(By.id("campaign-selection"))).contains("3 台");
        browser.find(By.id("campaign-create")).click();
        browser.waitUntil(d -> d.getPageSource().contains("已创建"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("tr.campaign-row")).stream()
                .anyMatch(r -> r.getText().contains(owner)));
        browser.screenshot("campaign-created");

        browser.driver().get(LimsApi.BASE_URL + "/calendar.xhtml?date=" + TODAY.plusDays(5));
        browser.waitUntil(d -> d.findElements(By.cssSelector(".job-event")).stream()
                .anyMatch(e -> e.getText().contains("浏览农贸市场")));
        browser.driver().findElements(By.cssSelector(".job-event")).stream()
                .filter(e -> e.getText().contains("浏览农贸市场")).findFirst().orElseThrow().click();
        browser.waitUntil(d -> !d.findElements(By.id("calendar-selected")).isEmpty());
        browser.type(By.id("plan-day"), TODAY.plusDays(6).toString());
        browser.find(By.id("plan-job")).click();
        browser.waitUntil(d -> d.getPageSource().contains("已计划在 " + TODAY.plusDays(6)));
        browser.screenshot("calendar-moved");
        assertThat(LimsApi.as("clerk").get("/api/v1/calendar/jobs?from=" + TODAY.plusDays(6) + "&to="
                + TODAY.plusDays(6)).text()).contains("浏览农贸市场");

        browser.logout();
        browser.openAs("quality", "/figures.xhtml");
        assertThat(browser.text(By.id("figures-headline"))).contains("受检率");
        assertThat(browser.text(By.id("figures-definitions"))).contains("应检周期", "在到期日当天或之前");
        assertThat(browser.driver().findElements(By.cssSelector("#figures-chart canvas"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("tr.figures-row"))).isNotEmpty();
        browser.screenshot("figures");
    }

    @Test
    void theQualityManagerRegistersACategoryInTheCatalogueAndTheClerkOnlyReadsIt() {
        String code = "BRW_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '0');
        browser.openAs("quality", "/catalogue.xhtml");
        assertThat(browser.driver().findElements(By.cssSelector("tr.catalogue-row.in-force")).stream()
                .map(r -> r.getText()).filter(t -> t.contains("NAWI")).toList())
                .singleElement().asString().contains("JJG 539-2016", "现行");

        // the form starts from the edition in force
        browser.driver().findElements(By.cssSelector("tr.catalogue-row.in-force")).stream()
                .filter(r -> r.getText().contains("NAWI")).findFirst().orElseThrow()
                .findElement(By.cssSelector(".catalogue-later")).click();
        browser.waitUntil(d -> "NAWI".equals(d.findElement(By.id("edition-code")).getAttribute("value")));
        assertThat(browser.find(By.id("edition-regulation")).getAttribute("value")).isEqualTo("JJG 539-2016");

        // a new category of its own, first with a date already past: refused, and said why
        fill("edition-code", code);
        fill("edition-edition", "JL-BRW-1");
        fill("edition-from", TODAY.minusDays(1).toString());
        fill("edition-name-zh", "浏览测试秤");
        fill("edition-name-en", "Browser test scale");
        fill("edition-regulation", "JJG 539-2016");
        fill("edition-interval", "6");
        fill("edition-source", "browser test, not a legal source [M]");
        browser.find(By.id("edition-register")).click();
        browser.waitUntil(d -> d.getPageSource().contains("已过去的计划不改写"));
        assertThat(browser.driver().findElements(By.cssSelector("tr.catalogue-row")).stream()
                .anyMatch(r -> r.getText().contains(code))).isFalse();

        // still the scale's kind, copied from the weighing instruments' edition: a kind falls in one category
        fill("edition-from", TODAY.toString());
        browser.find(By.id("edition-register")).click();
        browser.waitUntil(d -> d.getPageSource().contains("器具种类 SCALE 已归入类别 NAWI"));
        assertThat(LimsApi.as("clerk").get("/api/v1/catalogue/" + code + "/editions").status()).isEqualTo(404);

        browser.find(By.id("edition-kind")).clear();
        browser.find(By.id("edition-register")).click();
        browser.waitUntil(d -> d.getPageSource().contains(code + " 的版本 JL-BRW-1 已登记"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("tr.catalogue-row.in-force")).stream()
                .anyMatch(r -> r.getText().contains(code) && r.getText().contains("浏览测试秤")));
        browser.screenshot("catalogue-edition");
        assertThat(LimsApi.as("clerk").get("/api/v1/catalogue/" + code + "/editions").text())
                .contains("JL-BRW-1", "\"intervalMonths\":6");

        browser.logout();
        browser.openAs("clerk", "/catalogue.xhtml");
        assertThat(browser.text(By.id("catalogue"))).contains(code, "NAWI");
        assertThat(browser.driver().findElements(By.id("edition-register"))).as("only the quality manager registers")
                .isEmpty();
    }

    private void fill(String id, String value) {
        browser.type(By.id(id), value);
    }
}
