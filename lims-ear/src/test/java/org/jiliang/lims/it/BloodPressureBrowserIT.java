package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 10 §4 in a real browser: a township clinic's automated blood-pressure meter, in the free-verification
 * programme, is received and assigned at the intake desk (fee waived), verified at the bench under JJG 692 with the
 * reference pressure read from the simulated digital pressure standard (Druck PACE SCPI) and the meter's indications,
 * the leakage and the exhaust time typed by the technician; checked, approved, and the clinic downloads its
 * certificate. A value typed in the wrong unit is refused and stores nothing.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class BloodPressureBrowserIT {

    private static final Pattern JOB_NUMBER = Pattern.compile("JD\\d{4}-\\d{5}");
    private static final String METER = "BP-2611-23";
    private static final BigDecimal MMHG_IN_KPA = new BigDecimal("0.133322387415");

    private Browser browser; // opened and closed around each test by BrowserSession

    @Test
    void aClinicsMeterIsVerifiedFreeAtTheBenchAndTheClinicDownloadsItsCertificate() throws Exception {
        // Intake desk: receive the clinic's meter and assign it to the technician at the pressure bench.
        browser.openAs("clerk", "/jobs.xhtml");
        new Select(browser.find(By.id("intake-instrument"))).selectByVisibleText(
                browser.find(By.xpath("//select[@id='intake-instrument']/option[contains(., '" + METER + "')]"))
                        .getText());
        new Select(browser.find(By.id("intake-type"))).selectByValue("SUBSEQUENT");
        browser.clickCentered(By.id("receive"));
        String message = browser.waitUntil(d -> {
            String text = d.findElement(By.id("messages")).getText();
            return JOB_NUMBER.matcher(text).find() ? text : null;
        });
        Matcher m = JOB_NUMBER.matcher(message);
        assertThat(m.find()).isTrue();
        String number = m.group();
        String row = "//tr[.//span[@class='job-number' and text()='" + number + "']]";
        assertThat(browser.text(By.xpath(row))).contains("JJG 692-2010");
        new Select(browser.find(By.xpath(row + "//select[contains(@class,'assign-technician')]")))
                .selectByValue("technician");
        new Select(browser.find(By.xpath(row + "//select[contains(@class,'assign-device')]"))).selectByValue("PRS-01");
        browser.clickCentered(By.xpath(row + "//button[contains(@class,'assign')]"));
        browser.waitUntil(d -> d.findElement(By.xpath(row + "//span[@class='job-state']")).getText().equals("已分配"));
        browser.logout();

        // Bench: the fee is waived for the programme; the standard and the conditions.
        browser.openAs("technician", "/jobs.xhtml");
        browser.clickCentered(By.xpath(row + "//button[contains(@class,'start-job')]"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("/bench.xhtml?job="));
        String jobId = browser.driver().getCurrentUrl().replaceAll(".*job=", "");
        assertThat(browser.text(By.id("fee-waived"))).contains("乡镇卫生院");
        browser.clickCentered(By.cssSelector("button.use-STD-PRS-007"));
        browser.waitUntil(d -> d.findElement(By.id("used-standards")).getText().contains("STD-PRS-007"));
        type(By.id("env-temperature"), "22.0");
        type(By.id("env-humidity"), "50");
        browser.clickCentered(By.id("record-environment"));
        browser.waitUntil(d -> d.findElement(By.id("environment-recorded")).getText().contains("22 °C"));

        int points = browser.driver().findElements(By.cssSelector("table#points tbody tr")).size();
        assertThat(points).as("50 … 300 mmHg, air leakage, rapid exhaust").isEqualTo(8);
        for (int ordinal = 1; ordinal <= points; ordinal++) {
            String test = browser.find(By.cssSelector("tr.point-" + ordinal)).getAttribute("class");
            if (test.contains("test-CUFF_PRESSURE_INDICATION")) {
                int mmHg = 50 * ordinal;
                BigDecimal kPa = MMHG_IN_KPA.multiply(BigDecimal.valueOf(mmHg));
                // the demo's pressure generator sets the standard to the point; the live reading shows it
                browser.clickCentered(By.cssSelector("button.pressure-" + ordinal));
                browser.waitUntil(d -> near(d.findElement(By.id("live-value")).getText(), kPa)
                        && "STABLE".equals(d.findElement(By.id("live-status")).getAttribute("data-status")));
                if (ordinal == 1) {
                    // the meter shows mmHg: a value typed in kPa is a typing error, refused, nothing stored
                    entry(ordinal, "indication", "6.7 kPa");
                    browser.clickCentered(By.cssSelector("button.capture-" + ordinal));
                    browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("mmHg"));
                    assertThat(browser.text(By.cssSelector("tr.point-1 td.readings"))).isEqualTo("0/1");
                }
                entry(ordinal, "indication", (mmHg - 1) + " mmHg");
            } else if (test.contains("test-AIR_LEAKAGE")) {
                entry(ordinal, "start", "280 mmHg");
                entry(ordinal, "end", "277 mmHg");
                entry(ordinal, "elapsed", "60 s");
            } else {
                entry(ordinal, "elapsed", "6.5 s");
            }
            browser.clickCentered(By.cssSelector("button.capture-" + ordinal));
            By progress = By.cssSelector("tr.point-" + ordinal + " td.readings");
            browser.waitUntil(d -> "1/1".equals(d.findElement(progress).getText()));
            assertThat(browser.text(By.cssSelector("tr.point-" + ordinal + " td.verdict"))).as("point " + ordinal)
                    .isEqualTo("合格");
        }
        assertThat(browser.text(By.cssSelector("tr.point-2 td.point-error"))).isEqualTo("-1 mmHg");
        assertThat(browser.text(By.cssSelector("tr.point-7 td.point-error"))).isEqualTo("3 mmHg/min");
        assertThat(browser.text(By.id("overall-verdict"))).isEqualTo("合格");
        browser.screenshot("bench-blood-pressure-all-points");
        browser.find(By.id("sign-password")).sendKeys(LimsApi.DEMO_PASSWORD);
        browser.clickCentered(By.id("submit-job"));
        browser.waitUntil(d -> d.findElement(By.id("submitted-state")).getText().contains("待核验"));
        browser.logout();

        browser.openAs("checker", "/review.xhtml?job=" + jobId);
        browser.find(By.id("review-password")).sendKeys(LimsApi.DEMO_PASSWORD);
        browser.clickCentered(By.id("check-job"));
        browser.waitUntil(d -> d.findElement(By.id("job-state")).getText().contains("已核验"));
        browser.logout();

        browser.openAs("approver", "/review.xhtml?job=" + jobId);
        browser.find(By.id("review-password")).sendKeys(LimsApi.DEMO_PASSWORD);
        browser.clickCentered(By.id("approve-job"));
        String certificate = browser.waitUntil(d -> {
            var found = d.findElements(By.id("certificate-number"));
            return found.isEmpty() || found.get(0).getText().isBlank() ? null : found.get(0).getText();
        });
        browser.logout();

        // The clinic: its portal lists the certificate; the PDF states every test; no one else gets it.
        browser.openAs("clinic", "/");
        browser.waitUntil(d -> d.getCurrentUrl().contains("/portal/certificates.xhtml"));
        WebElement listed = browser.find(By.xpath("//tr[.//span[@class='certificate-number' and text()='"
                + certificate + "']]"));
        String href = listed.findElement(By.cssSelector("a.download-pdf")).getAttribute("href");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = PdfDocuments.text(pdf.body());
        assertThat(text).contains(certificate, "检定证书", "江海市东湖镇卫生院", METER, "JJG 692-2010", "合格", "张伟", "李娜",
                "王强", "气密性", "快速排气", "6.5 s");
        assertThat(LimsApi.as("customer").get("/api/v1/certificates/" + certificate + "/pdf").status()).isEqualTo(404);
        assertThat(LimsApi.anonymous().get("/api/v1/certificates/" + certificate + "/pdf").status()).isIn(401, 404);

        // the meter goes back to the clinic: it can be received again
        var returned = LimsApi.as("clerk").post("/api/v1/jobs/" + jobId + "/return", "{}");
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
    }

    private void entry(int ordinal, String field, String text) {
        type(By.cssSelector("tr.point-" + ordinal + " .entry-" + ordinal + "-" + field), text);
    }

    private void type(By field, String text) {
        var input = browser.find(field);
        input.clear();
        input.sendKeys(text);
    }

    /** "13.3342387 kPa" within 0.05 kPa of the pressure set (the standard's noise is a few pascals). */
    private static boolean near(String shown, BigDecimal kPa) {
        String number = shown.strip().split("\\s+")[0];
        try {
            return new BigDecimal(number).subtract(kPa, MathContext.DECIMAL64).abs().compareTo(new BigDecimal("0.05")) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
