package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 12 in the browser: the clerk finds an overdue instrument on the due list by window and owner, with the
 * export of the same selection; an owner's user sees their own instruments with due dates and status in the
 * portal, and nobody else's.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class DueListBrowserIT {

    private static final LocalDate TODAY = ItDay.TODAY;

    private Browser browser;

    @Test
    void theClerkFindsTheOverdueInstrumentAndTheOwnerSeesOnlyTheirOwn() {
        LimsApi clerk = LimsApi.as("clerk");
        String owner = "DUB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(clerk.post("/api/v1/registry/customers", "{\"code\":\"" + owner + "\",\"name\":\"南湖农贸市场 " + owner
                + "\",\"address\":\"江海市南湖路 2 号\",\"district\":\"南湖区\"}").status()).isEqualTo(200);
        String serial = "DUB-" + UUID.randomUUID().toString().substring(0, 8);
        var registered = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + owner + "\",\"description\":"
                + "\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-15\",\"serialNumber\":\"" + serial
                + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":\"III\","
                + "\"max\":\"15 kg\",\"e\":\"5 g\",\"d\":\"5 g\"},\"entry\":{\"legalCategory\":\"NAWI\","
                + "\"lastVerifiedOn\":\"" + TODAY.minusDays(3).minusMonths(12) + "\",\"lastCertificate\":\"P-9\"}}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);

        browser.openAs("clerk", "/due.xhtml");
        new Select(browser.find(By.id("filter-window"))).selectByValue("OVERDUE");
        browser.find(By.id("filter-owner")).sendKeys(owner);
        browser.find(By.id("apply-filter")).click();
        browser.waitUntil(d -> d.findElements(By.cssSelector("tr.due-row")).size() == 1
                && d.findElement(By.cssSelector("tr.due-row")).getText().contains(serial));
        String row = browser.text(By.cssSelector("tr.due-row"));
        LocalDate due = TODAY.minusDays(3).minusMonths(12).plusMonths(12);
        assertThat(row).contains(due.toString(), "南湖农贸市场", "南湖区", "非自动秤", "P-9");
        assertThat(browser.text(By.cssSelector("tr.due-row .days-left"))).startsWith("超期 ").endsWith(" 天");
        assertThat(browser.find(By.cssSelector("tr.due-row")).getAttribute("class")).contains("overdue");
        assertThat(browser.find(By.id("export-due")).getAttribute("href"))
                .endsWith("api/v1/due/list.csv?window=OVERDUE&owner=" + owner);
        browser.screenshot("due-list-overdue");

        browser.logout();
        browser.openAs("customer", "/portal/instruments.xhtml");
        browser.waitUntil(d -> !d.findElements(By.cssSelector("tr.my-instrument-row")).isEmpty());
        String page = browser.text(By.id("my-instruments"));
        assertThat(page).contains("YH2026-00731", "非自动秤").doesNotContain(serial).doesNotContain("KF-88123");
        assertThat(browser.driver().findElements(By.cssSelector("tr.my-instrument-row .instrument-status")))
                .isNotEmpty();
        browser.screenshot("portal-my-instruments");
    }
}
