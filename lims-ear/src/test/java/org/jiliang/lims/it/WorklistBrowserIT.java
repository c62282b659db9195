package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 11: the checker and the clerk landed on an empty welcome page. Each role lands on its worklist, with
 * counts, and a job in a queue leads to the page that does the work.
 */
@ExtendWith(BrowserSession.class)
class WorklistBrowserIT {

    private Browser browser; // opened and closed around each test by BrowserSession

    @Test
    void eachRoleLandsOnItsQueueAndAJobLeadsToItsPage() {
        long job = BenchFlow.measuredAndSubmitted(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        String number = LimsApi.as("technician").get("/api/v1/jobs/" + job).object().getString("jobNumber");

        browser.openAs("checker", "/");
        String count = browser.text(By.cssSelector("#worklist-check .worklist-count"));
        assertThat(Integer.parseInt(count.replaceAll("\\D", ""))).isPositive();
        assertThat(browser.driver().findElements(By.id("worklist-approve"))).as("not the checker's work").isEmpty();
        browser.find(By.xpath("//section[@id='worklist-check']//a[text()='" + number + "']")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/review.xhtml?job=" + job));
        browser.find(By.id("check-job"));
        browser.logout();

        browser.openAs("clerk", "/");
        assertThat(browser.text(By.cssSelector("#worklist-intake h2"))).contains("待分配");
        assertThat(browser.text(By.cssSelector("#worklist-return h2"))).contains("待退还");
        browser.logout();

        browser.openAs("quality", "/");
        // the demo's overdue and due-soon standards
        assertThat(browser.text(By.id("worklist-standards"))).contains("STD-M1-002", "STD-F1-003")
                .doesNotContain("STD-F1-001");
        browser.logout();
    }
}
