package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 12: the year's recalibration plan of the standards (计量标准周期检定计划), opened from the calendar, is a
 * page to print: every standard falling due in the year with its certificate and upper-level laboratory, a passed
 * date marked. Those who do not plan the work or keep the standards cannot open it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class RecalibrationPlanBrowserIT {

    private static final LocalDate TODAY = ItDay.TODAY;

    private Browser browser;

    @Test
    void theClerkPrintsTheYearsPlanFromTheCalendar() {
        // demo data: STD-M1-002 fell due 20 days ago, STD-F1-003 falls due in 18 days
        LocalDate m1Due = TODAY.minusDays(20);
        LocalDate f1Due = TODAY.plusDays(18);
        browser.openAs("clerk", "/calendar.xhtml");
        browser.find(By.id("recalibration-plan")).click();
        browser.waitUntil(d -> !d.findElements(By.id("print-plan")).isEmpty());
        if (m1Due.getYear() != TODAY.getYear()) {
            browser.find(By.id("plan-previous")).click();
            browser.waitUntil(d -> d.getTitle().startsWith(String.valueOf(m1Due.getYear())));
        }
        String m1Row = browser.text(By.xpath("//tr[contains(@class,'plan-row')][td[@class='plan-code' and text()="
                + "'STD-M1-002']]"));
        assertThat(m1Row).contains(m1Due.toString(), "JZJ2025-01877", "江海市计量检定测试院 F1 砝码组");
        assertThat(browser.find(By.xpath("//tr[contains(@class,'plan-row')][td[@class='plan-code' and text()="
                + "'STD-M1-002']]")).getAttribute("class")).contains("overdue");
        assertThat(browser.text(By.cssSelector("p.signatures"))).contains("编制", "批准");
        browser.screenshot("recalibration-plan");

        browser.driver().get(browser.driver().getCurrentUrl().replaceAll("year=\\d+", "year=" + f1Due.getYear()));
        browser.waitUntil(d -> d.getTitle().startsWith(String.valueOf(f1Due.getYear())));
        assertThat(browser.text(By.id("recalibration-plan"))).contains("STD-F1-003", f1Due.toString());

        for (String other : new String[] {"checker", "customer"}) {
            var page = LimsApi.as(other).inSession().get("/recalibration-plan.xhtml?year=" + f1Due.getYear());
            assertThat(page.status()).as(other).isEqualTo(403);
            assertThat(page.text()).doesNotContain("STD-F1-003");
        }
        // the clerk plans the standards' recalibration but does not keep them: the standards page is not theirs
        // (it answered with a server error before), and the menu does not offer it
        assertThat(LimsApi.as("clerk").inSession().get("/standards.xhtml").status()).isEqualTo(403);
        assertThat(browser.driver().findElements(By.id("nav-standards"))).isEmpty();
        var anonymous = LimsApi.anonymous().get("/recalibration-plan.xhtml?year=" + f1Due.getYear());
        assertThat(anonymous.text()).doesNotContain("STD-F1-003");
    }
}
