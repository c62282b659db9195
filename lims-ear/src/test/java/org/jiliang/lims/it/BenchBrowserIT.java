package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The full scale verification in a real browser with three different people: the technician
 * verifies at the bench page while readings arrive by push, the checker checks and signs, the
 * approver signs (issuing the certificate), and the customer downloads it.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BenchBrowserIT {

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void stopBrowser() {
        browser.screenshot("last-page-" + getClass().getSimpleName());
        browser.close();
    }

    @Test
    void technicianCapturesAtTheBenchApproverSignsCustomerDownloads() throws Exception {
        SimulatedScale.bias("0");
        SimulatedScale.load("0");

        // Technician: open a job for the food company's scale.
        browser.openAs("technician", "/instruments.xhtml");
        browser.find(By.xpath("//tr[.//span[@class='serial' and text()='YH2026-00731']]//button")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/bench.xhtml?job="));
        String jobId = browser.driver().getCurrentUrl().replaceAll(".*job=", "");

        // Live readings arrive without reloading the page.
        browser.script("window.notReloaded = true;");
        browser.waitUntil(d -> "STABLE".equals(d.findElement(By.id("live-status")).getAttribute("data-status")));
        String firstTime = browser.text(By.id("live-time"));
        browser.waitUntil(d -> !d.findElement(By.id("live-time")).getText().equals(firstTime));
        assertThat(browser.text(By.id("live-raw"))).startsWith("53 20 53").endsWith("0d 0a");

        // The overdue standard is refused with a message; the valid one is taken.
        browser.find(By.cssSelector("button.use-STD-M1-002")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("已超过有效期"));
        browser.find(By.cssSelector("button.use-STD-F1-001")).click();
        browser.waitUntil(d -> d.findElement(By.id("used-standards")).getText().contains("STD-F1-001"));

        browser.find(By.id("env-temperature")).sendKeys("20.5");
        browser.find(By.id("env-humidity")).sendKeys("45");
        browser.find(By.id("record-environment")).click();
        browser.waitUntil(d -> d.findElement(By.id("environment-recorded")).getText().contains("20.5 °C"));

        String[][] points = {{"0", "0.00 kg", "0 g"}, {"5", "5.00 kg", "5000 g"}, {"20", "20.00 kg", "20000 g"},
                {"30", "30.00 kg", "30000 g"}};
        for (int i = 0; i < points.length; i++) {
            String[] p = points[i];
            int ordinal = i + 1;
            browser.find(By.id("load-" + p[0])).click();
            browser.waitUntil(d -> p[1].equals(d.findElement(By.id("live-value")).getText())
                    && "STABLE".equals(d.findElement(By.id("live-status")).getAttribute("data-status")));
            browser.find(By.cssSelector("button.capture-" + ordinal)).click();
            browser.waitUntil(d -> p[2].equals(d.findElement(By.cssSelector("tr.point-" + ordinal + " td.indication")).getText()));
            assertThat(browser.text(By.cssSelector("tr.point-" + ordinal + " td.verdict"))).isEqualTo("合格");
        }
        assertThat(browser.text(By.id("overall-verdict"))).isEqualTo("合格");
        assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);
        browser.screenshot("bench-all-points-captured");

        browser.find(By.id("sign-password")).sendKeys(LimsApi.DEMO_PASSWORD);
        browser.find(By.id("submit-job")).click();
        browser.waitUntil(d -> d.findElement(By.id("submitted-state")).getText().contains("待批准"));
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
