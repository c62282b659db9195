package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 13 in the browser: the quality manager states a standard's check plan on its page; a technician records
 * the checks of the base period and then one beyond the control limits, and sees the standard suspended and the
 * case opened; the quality manager lists the certificate the standard was used for since its last good check.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class StandardChecksBrowserIT {

    private static final LocalDate TODAY = ItDay.TODAY;

    private Browser browser;

    @Test
    void aCheckBeyondTheLimitsSuspendsTheStandardOnItsPage() {
        String code = "STD-BRW-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = LimsApi.as("quality").post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":"
                + "\"F1 砝码 1 kg\",\"accuracy\":\"F1\",\"serialNumber\":\"BRW-1\",\"certificateNumber\":\"JZJ-BRW-1\","
                + "\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + TODAY.minusMonths(3) + "\",\"dueDate\":\""
                + TODAY.plusMonths(9) + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        // before its checks find it out of tolerance, the weights verified a customer's scale
        String certificate = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, java.math.BigDecimal.ZERO,
                code);

        browser.openAs("quality", "/standards.xhtml");
        browser.find(By.xpath("//tr[contains(@class,'standard-row')][.//span[@class='std-code' and text()='" + code
                + "']]//a[contains(@class,'standard-link')]")).click();
        browser.waitUntil(d -> !d.findElements(By.id("no-plan")).isEmpty());
        browser.type(By.id("plan-interval"), "30");
        browser.find(By.id("plan-against")).sendKeys("核查砝码 CW-9");
        new Select(browser.find(By.id("plan-chart"))).selectByValue("INDIVIDUALS");
        browser.type(By.id("plan-base"), "3");
        new Select(browser.find(By.id("plan-criterion"))).selectByValue("CONTROL_LIMITS");
        browser.find(By.id("plan-points")).sendKeys("1 kg | g");
        browser.find(By.id("save-plan")).click();
        browser.waitUntil(d -> !d.findElements(By.id("plan-summary")).isEmpty());
        assertThat(browser.text(By.id("plan-summary"))).contains("30", "核查砝码 CW-9", "单值–移动极差图", "在控制限内");
        // its assessment certificate ends in three months: the re-examination is due now
        browser.find(By.id("asm-certificate")).sendKeys("[2022]江计标证字第 0099 号");
        browser.find(By.id("asm-scope")).sendKeys("砝码 1 kg F1");
        browser.find(By.id("asm-until")).sendKeys(TODAY.plusMonths(3).toString());
        browser.find(By.id("record-assessment-button")).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#standard-assessment .assessment-state")).isEmpty());
        assertThat(browser.text(By.id("standard-assessment"))).contains("[2022]江计标证字第 0099 号",
                TODAY.plusMonths(3).toString(), "应申请复查");
        browser.logout();

        browser.openAs("technician", "/standard.xhtml?code=" + code);
        String[] readings = {"1000.0012", "1000.0015", "1000.0011", "1000.0030"};
        for (int i = 0; i < readings.length; i++) {
            int recorded = i + 1;
            browser.type(By.id("check-date"), TODAY.minusDays(30 - i).toString());
            browser.type(By.cssSelector("input.check-readings"), readings[i]);
            browser.find(By.id("record-check-button")).click();
            browser.waitUntil(d -> d.findElements(By.cssSelector("tr.check-row")).size() == recorded);
        }
        assertThat(browser.text(By.cssSelector("tr.check-row .check-outcome"))).isEqualTo("超差：标准已暂停使用");
        assertThat(browser.text(By.id("standard-status"))).isEqualTo("已停用");
        assertThat(browser.text(By.cssSelector("tr.case-row .case-kind"))).isEqualTo("超差");
        assertThat(browser.text(By.cssSelector("tr.case-row .case-finding"))).contains(TODAY.minusDays(27) + " 的核查",
                "1 kg: 1000.003 g", "判异准则 1");
        assertThat(browser.text(By.cssSelector("p.chart-limits"))).contains("由前 3 次核查确定");
        assertThat(browser.driver().findElements(By.cssSelector("#control-charts canvas"))).hasSize(2);
        browser.screenshot("standard-check-out-of-tolerance");

        // a bad entry is refused with the reason beside the button, nothing recorded
        browser.type(By.cssSelector("input.check-readings"), "1000.00x");
        browser.find(By.id("record-check-button")).click();
        browser.waitUntil(d -> d.getPageSource().contains("“1000.00x”不符合"));
        assertThat(browser.driver().findElements(By.cssSelector("tr.check-row"))).hasSize(4);
        browser.logout();

        // the quality manager: suspect from the last check that passed, the certificate the weights were used for
        browser.openAs("quality", "/standard.xhtml?code=" + code);
        assertThat(browser.find(By.id("affected-since")).getAttribute("value"))
                .isEqualTo(TODAY.minusDays(28).toString());
        browser.find(By.id("show-affected")).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("tr.affected-row .affected-certificate")).isEmpty());
        assertThat(browser.text(By.cssSelector("tr.affected-row .affected-certificate"))).isEqualTo(certificate);
        assertThat(browser.text(By.cssSelector("tr.affected-row"))).contains("华东食品有限公司", "YH2026-00731", code);
        browser.screenshot("standard-affected-certificates");

        // the standards at a glance: the count of those out of tolerance filters the list
        browser.driver().get(browser.driver().getCurrentUrl().replaceAll("standard\\.xhtml.*", "standards.xhtml"));
        browser.find(By.id("glance-OUT_OF_TOLERANCE")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("flag=OUT_OF_TOLERANCE"));
        assertThat(browser.text(By.id("standards"))).contains(code, "超差（案件处理中）");
        assertThat(browser.text(By.id("standards"))).doesNotContain("STD-F1-001");
        browser.screenshot("standards-at-a-glance");
    }

    @Test
    void theQualityManagerSuspendsAndReinstatesAStandardFromTheListWithAReason() {
        String code = "STD-LST-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = LimsApi.as("quality").post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":"
                + "\"F1 砝码 2 kg\",\"accuracy\":\"F1\",\"serialNumber\":\"LST-1\",\"certificateNumber\":\"JZJ-LST-1\","
                + "\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + TODAY.minusMonths(3) + "\",\"dueDate\":\""
                + TODAY.plusMonths(9) + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        String row0 = "//tr[contains(@class,'standard-row')][.//span[@class='std-code' and text()='" + code + "']]";
        By row = By.xpath(row0);

        browser.openAs("quality", "/standards.xhtml");
        assertThat(browser.find(row).findElement(By.className("std-status")).getText()).isEqualTo("有效");
        browser.find(By.id("std-reason")).sendKeys("砝码跌落，待核查");
        // centred: the message of the last action shows over the top right corner for a few seconds
        browser.clickCentered(By.xpath(row0 + "//input[contains(@id,'suspend-standard')]"));
        browser.waitUntil(d -> "已停用".equals(d.findElement(row).findElement(By.className("std-status")).getText()));
        assertThat(browser.text(By.id("messages"))).contains("计量标准已停用");
        var trail = LimsApi.as("quality").get("/api/v1/audit/entries.csv?record=" + code + "&action=standard.suspended");
        assertThat(trail.text()).as("the reason is in the audit trail").contains("砝码跌落，待核查");

        browser.find(By.id("std-reason")).sendKeys("核查合格");
        browser.clickCentered(By.xpath(row0 + "//input[contains(@id,'reinstate-standard')]"));
        browser.waitUntil(d -> "有效".equals(d.findElement(row).findElement(By.className("std-status")).getText()));

        browser.clickCentered(By.xpath(row0 + "//input[contains(@id,'edit-standard')]"));
        browser.waitUntil(d -> code.equals(d.findElement(By.id("std-code")).getAttribute("value")));
        assertThat(browser.find(By.id("std-name")).getAttribute("value")).isEqualTo("F1 砝码 2 kg");
        browser.screenshot("standards-list-actions");
    }

    @Test
    void aFormSentAgainAfterASuspensionStillReachesTheStandardItWasMeantFor() {
        // two valid standards side by side in the list (the same due date, far out; ordered by code)
        String tag = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String first = "STD-RS-A" + tag;
        String second = "STD-RS-B" + tag;
        LocalDate due = TODAY.plusYears(3).plusDays(System.nanoTime() % 300);
        for (String code : new String[] {first, second}) {
            var registered = LimsApi.as("quality").post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":"
                    + "\"F1 砝码 1 kg\",\"accuracy\":\"F1\",\"serialNumber\":\"" + code + "\",\"certificateNumber\":"
                    + "\"JZJ-RS\",\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + TODAY.minusMonths(1)
                    + "\",\"dueDate\":\"" + due + "\"}");
            assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        }
        String row = "//tr[contains(@class,'standard-row')][.//span[@class='std-code' and text()='%s']]";

        // only the valid ones: the first, once suspended, no longer belongs to this selection
        browser.openAs("quality", "/standards.xhtml?flag=VALID");
        // Enter in the reason sends nothing (it would press the form's first button: the first row's edit)
        browser.find(By.id("std-reason")).sendKeys("砝码跌落" + org.openqa.selenium.Keys.ENTER);
        var suspend = browser.find(By.xpath(String.format(row, first) + "//input[contains(@id,'suspend-standard')]"));
        // what the browser would send again (reload after the answer, back and click, a second click): kept aside
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("const b = arguments[0];"
                + " const d = new URLSearchParams(new FormData(b.form)); d.append(b.name, b.value);"
                + " sessionStorage.setItem('resend', JSON.stringify({action: b.form.action, body: d.toString()}));",
                suspend);
        browser.clickCentered(By.xpath(String.format(row, first) + "//input[contains(@id,'suspend-standard')]"));
        browser.waitUntil(d -> "已停用".equals(d.findElement(By.xpath(String.format(row, first)))
                .findElement(By.className("std-status")).getText()));
        assertThat(browser.find(By.id("std-code")).getAttribute("value")).as("no row was opened for editing").isEmpty();
        // the row stays where it was while the page is open, the one below it too
        assertThat(browser.text(By.xpath(String.format(row, first) + "/following-sibling::tr[1]//span[@class='std-code']")))
                .isEqualTo(second);

        Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const r = JSON.parse(sessionStorage.getItem('resend'));"
                + " fetch(r.action, {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: r.body}).then(a => done(a.status), e => done(String(e)));");
        assertThat(status).as("the form sent again").isEqualTo(200L);
        var listed = LimsApi.as("quality").get("/api/v1/standards").array().stream()
                .map(jakarta.json.JsonObject.class::cast).filter(s -> s.getString("code").startsWith("STD-RS-"))
                .filter(s -> s.getString("code").endsWith(tag))
                .collect(java.util.stream.Collectors.toMap(s -> s.getString("code"), s -> s.getString("status")));
        assertThat(listed).as("the form sent again suspended nothing else").containsEntry(first, "SUSPENDED")
                .containsEntry(second, "VALID");
        var trail = LimsApi.as("quality").get("/api/v1/audit/entries.csv?record=" + second
                + "&action=standard.suspended");
        assertThat(trail.text()).doesNotContain("砝码跌落");

        // the address bar kept the selection through the post: opened again (a bookmark, a reload), it lists the
        // valid ones, the suspended standard no longer among them
        String address = browser.driver().getCurrentUrl();
        assertThat(address).contains("standards.xhtml?flag=VALID");
        browser.driver().get(address);
        browser.waitUntil(d -> d.findElement(By.id("glance-VALID")).getAttribute("class").contains("selected"));
        assertThat(browser.driver().findElements(By.xpath(String.format(row, first)))).isEmpty();
        assertThat(browser.driver().findElements(By.xpath(String.format(row, second)))).hasSize(1);
    }
}
