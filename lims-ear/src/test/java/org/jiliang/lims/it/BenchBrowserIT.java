package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The full scale verification in a real browser with three different people: the technician
 * verifies at the bench page while readings arrive by push, the checker checks and signs, the
 * approver signs (issuing the certificate), and the customer downloads it.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class BenchBrowserIT {

    /** 1.4 d of the demo scale (d = 10 g): the discrimination test's extra load. */
    private static final BigDecimal DISCRIMINATION_EXTRA_GRAMS = new BigDecimal("14");

    private Browser browser; // opened and closed around each test by BrowserSession

    private void type(By field, String text) {
        var input = browser.find(field);
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void technicianCapturesAtTheBenchApproverSignsCustomerDownloads() throws Exception {
        SimulatedScale.bias("0");
        SimulatedScale.load("0");

        // Technician: open a job for the food company's scale.
        browser.openAs("technician", "/instruments.xhtml");
        // the register is paged, newest first: the technician finds the scale by its serial number
        browser.find(By.id("filter-text")).sendKeys("YH2026-00731");
        browser.find(By.id("apply-filter")).click();
        browser.waitUntil(d -> d.findElements(By.cssSelector("tr.instrument-row")).size() == 1);
        browser.find(By.xpath("//tr[.//span[@class='serial' and text()='YH2026-00731']]//button")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/bench.xhtml?job="));
        String jobId = browser.driver().getCurrentUrl().replaceAll(".*job=", "");

        // Live readings arrive without reloading the page.
        browser.script("window.notReloaded = true;");
        browser.waitUntil(d -> "STABLE".equals(d.findElement(By.id("live-status")).getAttribute("data-status")));
        String firstTime = browser.text(By.id("live-time"));
        browser.waitUntil(d -> !d.findElement(By.id("live-time")).getText().equals(firstTime));
        assertThat(browser.text(By.id("live-raw"))).startsWith("53 20 53").endsWith("0d 0a");
        browser.waitUntil(d -> "up".equals(d.findElement(By.id("live-link")).getAttribute("data-link")));

        // The overdue standard is refused with a message; the valid one is taken.
        browser.find(By.cssSelector("button.use-STD-M1-002")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("已超过有效期"));
        browser.find(By.cssSelector("button.use-STD-F1-001")).click();
        browser.waitUntil(d -> d.findElement(By.id("used-standards")).getText().contains("STD-F1-001"));

        // Impossible conditions are refused on the page with the field's name, and nothing is recorded.
        type(By.id("env-temperature"), "20.5");
        type(By.id("env-humidity"), "-5");
        browser.find(By.id("record-environment")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("相对湿度"));
        assertThat(browser.driver().findElements(By.id("environment-recorded"))).isEmpty();

        type(By.id("env-temperature"), "20.5");
        type(By.id("env-humidity"), "45");
        browser.find(By.id("record-environment")).click();
        browser.waitUntil(d -> d.findElement(By.id("environment-recorded")).getText().contains("20.5 °C"));

        // Every reading of the JJG 539 test plan: put the load on the simulated pan, wait for the
        // stable display, enter ΔL (e/2 = 5 g: a perfect scale changes over there) and capture.
        int points = browser.driver().findElements(By.cssSelector("table#points tbody tr")).size();
        assertThat(points).isEqualTo(20);
        for (int ordinal = 1; ordinal <= points; ordinal++) {
            By row = By.cssSelector("tr.point-" + ordinal);
            boolean discrimination = browser.find(row).getAttribute("class").contains("test-DISCRIMINATION");
            WebElement loadCell = browser.find(row).findElement(By.cssSelector("td.load"));
            BigDecimal grams = BenchFlow.grams(loadCell.getAttribute("data-load"));
            if (grams.signum() > 0) {
                // shown in the unit the scale reads, the plan's in grams behind it
                assertThat(loadCell.getText()).isEqualTo(grams.movePointLeft(3).stripTrailingZeros().toPlainString()
                        + " kg");
            }
            int needed = Integer.parseInt(browser.find(row).findElement(By.cssSelector("td.readings")).getText()
                    .replaceAll(".*/", ""));
            for (int reading = 1; reading <= needed; reading++) {
                BigDecimal load = discrimination && reading == 2 ? grams.add(DISCRIMINATION_EXTRA_GRAMS) : grams;
                String shown = load.movePointLeft(3).setScale(2, RoundingMode.HALF_UP).toPlainString() + " kg";
                type(By.id("demo-load"), load.toPlainString());
                browser.find(By.id("place-demo-load")).click();
                browser.waitUntil(d -> shown.equals(d.findElement(By.id("live-value")).getText())
                        && "STABLE".equals(d.findElement(By.id("live-status")).getAttribute("data-status")));
                type(By.id("additional-load"), discrimination ? "0" : "5");
                browser.find(By.cssSelector("button.capture-" + ordinal)).click();
                String progress = reading + "/" + needed;
                By progressCell = By.cssSelector("tr.point-" + ordinal + " td.readings");
                browser.waitUntil(d -> progress.equals(d.findElement(progressCell).getText()));
            }
            assertThat(browser.text(By.cssSelector("tr.point-" + ordinal + " td.verdict"))).as("point " + ordinal).isEqualTo("合格");
        }
        assertThat(browser.text(By.id("overall-verdict"))).isEqualTo("合格");

        // When the device goes silent the page says so within seconds, and recovers when it returns.
        LimsApi admin = LimsApi.as("admin");
        try {
            assertThat(admin.post("/api/v1/devices/BAL-01/stop", "{}").status()).isEqualTo(200);
            browser.waitUntil(d -> "down".equals(d.findElement(By.id("live-link")).getAttribute("data-link")));
        } finally {
            admin.post("/api/v1/devices/BAL-01/start", "{}");
        }
        browser.waitUntil(d -> "up".equals(d.findElement(By.id("live-link")).getAttribute("data-link")));
        assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);
        browser.screenshot("bench-all-points-captured");

        browser.find(By.id("sign-password")).sendKeys(LimsApi.DEMO_PASSWORD);
        browser.find(By.id("submit-job")).click();
        browser.waitUntil(d -> d.findElement(By.id("submitted-state")).getText().contains("待核验"));
        // issue 11: it said "待批准" (awaiting approval) while it waited for the checker
        assertThat(browser.text(By.id("submitted-state"))).as("it waits for the checker").doesNotContain("批准");
        browser.logout();

        // Checker: a second person checks raw readings and computation, and signs.
        browser.openAs("checker", "/review.xhtml?job=" + jobId);
        assertThat(browser.text(By.cssSelector("tr.signature-PERFORMED td.sig-status"))).isEqualTo("有效");
        browser.find(By.id("review-password")).sendKeys(LimsApi.DEMO_PASSWORD);
        browser.find(By.id("check-job")).click();
        browser.waitUntil(d -> d.findElement(By.id("job-state")).getText().contains("已核验"));
        browser.logout();

        // Approver: a third person signs with the password; that issues the certificate.
        browser.openAs("approver", "/review.xhtml?job=" + jobId);
        browser.find(By.id("review-password")).sendKeys(LimsApi.DEMO_PASSWORD);
        browser.find(By.id("approve-job")).click();
        String number = browser.waitUntil(d -> {
            var found = d.findElements(By.id("certificate-number"));
            return found.isEmpty() ? null : found.get(0).getText();
        });
        assertThat(number).startsWith("JHJD");
        assertThat(browser.text(By.id("history"))).contains("job.checked", "certificate.issued");
        browser.screenshot("review-after-approval");
        browser.logout();

        // Customer: the portal lists the certificate; the download is the PDF.
        browser.openAs("customer", "/");
        browser.waitUntil(d -> d.getCurrentUrl().contains("/portal/certificates.xhtml"));
        WebElement row = browser.find(By.xpath("//tr[.//span[@class='certificate-number' and text()='" + number + "']]"));
        String href = row.findElement(By.cssSelector("a.download-pdf")).getAttribute("href");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(PdfDocuments.text(pdf.body())).contains(number, "检定证书", "华东食品有限公司", "合格", "张伟", "李娜", "王强");

        browser.find(By.id("switch-language")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().contains("My certificates"));
    }
}
