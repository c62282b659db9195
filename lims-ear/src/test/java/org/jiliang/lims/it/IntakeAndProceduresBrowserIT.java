package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The intake desk and the procedure editions in a real browser: the clerk receives a weight and assigns it to an
 * authorized technician at the mass comparator, the technician starts it and finds the bench asking for the air
 * pressure; the quality manager registers a new edition of a procedure and cannot register the same one twice.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class IntakeAndProceduresBrowserIT {

    private static final Pattern JOB_NUMBER = Pattern.compile("JC\\d{4}-\\d{5}");

    private Browser browser; // opened and closed around each test by BrowserSession

    @Test
    void clerkReceivesAndAssignsTechnicianStartsAtTheComparator() {
        browser.openAs("clerk", "/jobs.xhtml");
        new Select(browser.find(By.id("intake-instrument"))).selectByVisibleText(
                browser.find(By.xpath("//select[@id='intake-instrument']/option[contains(., 'W-2611-01')]")).getText());
        browser.find(By.id("receive")).click();
        String message = browser.waitUntil(d -> {
            String text = d.findElement(By.id("messages")).getText();
            return JOB_NUMBER.matcher(text).find() ? text : null;
        });
        Matcher m = JOB_NUMBER.matcher(message);
        assertThat(m.find()).isTrue();
        String number = m.group();
        String row = "//tr[.//span[@class='job-number' and text()='" + number + "']]";
        assertThat(browser.text(By.xpath(row + "//span[@class='job-state']"))).isEqualTo("已收样");
        assertThat(browser.text(By.xpath(row))).contains("JJG 99-2006");

        // only technicians authorized for JJG 99 today are offered: technician2's authorization is for JJG 539 only
        Select technicians = new Select(browser.find(By.xpath(row + "//select[contains(@class,'assign-technician')]")));
        assertThat(technicians.getOptions()).extracting(o -> o.getAttribute("value")).contains("technician")
                .doesNotContain("technician2", "checker", "approver");
        // named, not left to the first option: other tests add authorized technicians to the same database
        technicians.selectByValue("technician");
        new Select(browser.find(By.xpath(row + "//select[contains(@class,'assign-device')]"))).selectByValue("CMP-01");
        browser.find(By.xpath(row + "//button[contains(@class,'assign')]")).click();
        browser.waitUntil(d -> d.findElement(By.xpath(row + "//span[@class='job-state']")).getText().equals("已分配"));
        assertThat(browser.text(By.xpath(row))).contains("张伟").contains("CMP-01");
        browser.logout();

        browser.openAs("technician", "/jobs.xhtml");
        browser.find(By.xpath(row + "//button[contains(@class,'start-job')]")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/bench.xhtml?job="));
        assertThat(browser.find(By.id("env-pressure")).isDisplayed()).isTrue();
        assertThat(browser.text(By.id("cal-missing"))).contains("参考砝码");
        assertThat(browser.text(By.id("points"))).contains("循环 1 · A1 参考砝码").contains("循环 3 · A2 参考砝码");
    }

    @Test
    void qualityManagerRegistersANewEditionOnceAndOnlyOnce() {
        browser.openAs("quality", "/procedures.xhtml");
        assertThat(browser.text(By.id("procedures"))).contains("JJG 539-2016").contains("JJG 99-2006");

        fillEdition();
        browser.find(By.id("add-edition")).click();
        String row = "//tr[.//span[@class='procedure-code' and text()='JJG 539-2016']"
                + " and .//span[@class='effective-from' and text()='2030-01-01']]";
        browser.waitUntil(d -> !d.findElements(By.xpath(row)).isEmpty());
        // a future edition is registered but not yet in force: today's jobs keep the current one
        assertThat(browser.driver().findElement(By.xpath(row + "//span[@class='in-force']")).getText()).isEmpty();
        assertThat(browser.driver().findElement(By.xpath("//tr[.//span[@class='procedure-code' and text()='JJG 539-2016']"
                + " and .//span[@class='effective-from' and text()='2017-05-30']]//span[@class='in-force']")).getText())
                .isEqualTo("✓");

        fillEdition();
        browser.find(By.id("add-edition")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("已有 2030-01-01 生效的版本"));
        assertThat(browser.driver().findElements(By.xpath(row))).hasSize(1);
    }

    private void fillEdition() {
        type("ed-code", "JJG 539-2016");
        type("ed-title", "数字指示秤检定规程（2030 年修订） Digital indicating scales, 2030 amendment");
        type("ed-from", "2030-01-01");
        browser.waitUntil(d -> {
            new Select(browser.find(By.id("ed-plan"))).selectByValue("R76");
            return true;
        });
        type("ed-standards", "E2, F1, F2");
        type("ed-tmin", "-10");
        type("ed-tmax", "40");
        type("ed-hmax", "85");
        type("ed-source", "test edition registered by IntakeAndProceduresBrowserIT");
    }

    /** Types into a field; the form is replaced by the last AJAX update, so a stale field is looked up again. */
    private void type(String id, String text) {
        browser.waitUntil(d -> {
            var input = browser.find(By.id(id));
            input.clear();
            input.sendKeys(text);
            return true;
        });
    }
}
