package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Issue 11: switching the language kept neither the token of the public check ("No such certificate" in English)
 * nor the job of a review page. And the public check, opened from a phone: light, one column at 390 pixels, the
 * conclusion, the validity and the hash, and a PDF checked against the hash in the browser.
 */
class LanguageSwitchBrowserIT {

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void thePublicCheckOnAPhoneKeepsItsTokenInEnglishAndChecksADroppedPdf() throws Exception {
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        String token = VerificationSliceIT.token(number);
        var pdf = LimsApi.as("customer").get("/api/v1/certificates/" + number + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        String sha256 = HexFormat.of().formatHex(sha256(pdf.body()));

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.driver().get(LimsApi.BASE_URL + "/verify/" + token);
            assertThat(browser.text(By.id("verify-genuine"))).contains("本证书由本机构出具");
            assertThat(browser.text(By.id("verify-conclusion"))).contains("合格");
            assertThat(browser.text(By.id("verify-validity"))).contains("有效期内");
            assertThat(browser.text(By.id("verify-sha256"))).isEqualTo(sha256);
            assertThat(browser.text(By.id("verify-number"))).isEqualTo(number);
            // readable at 390 px: nothing wider than the screen, so no sideways scrolling
            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo((Long) browser.script("return window.innerWidth"));
            // light: no component library, well under 100 KB on the wire
            assertThat(browser.driver().getPageSource()).doesNotContainIgnoringCase("primefaces");
            Number transferred = (Number) browser.script("return performance.getEntriesByType('navigation')"
                    + ".concat(performance.getEntriesByType('resource'))"
                    + ".reduce(function (sum, e) { return sum + e.transferSize; }, 0)");
            assertThat(transferred.longValue()).isBetween(1L, 100_000L);

            // the defect: the language switch posted a form without the token
            browser.find(By.id("switch-language")).click();
            browser.waitUntil(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
            assertThat(browser.driver().getCurrentUrl()).contains("/verify/" + token);
            assertThat(browser.text(By.id("verify-genuine"))).contains("genuine");
            assertThat(browser.text(By.id("verify-number"))).isEqualTo(number);

            // the genuine PDF, checked in the browser
            Path genuine = Files.createTempFile("certificate", ".pdf");
            Files.write(genuine, pdf.body());
            browser.find(By.id("pdf-file")).sendKeys(genuine.toString());
            browser.waitUntil(d -> d.findElement(By.id("pdf-result")).getAttribute("class").contains("pass"));
            assertThat(browser.text(By.id("pdf-result"))).contains("genuine PDF");

            // a PDF with one byte more is not the one issued: also where the browser lacks crypto.subtle
            // (plain HTTP on a LAN), and the page's own SHA-256 takes over
            byte[] altered = java.util.Arrays.copyOf(pdf.body(), pdf.body().length + 1);
            altered[altered.length - 1] = '\n';
            Path forged = Files.createTempFile("forged", ".pdf");
            Files.write(forged, altered);
            browser.script("Object.defineProperty(Crypto.prototype, 'subtle', {get: function () { return undefined; },"
                    + " configurable: true})");
            browser.find(By.id("pdf-file")).sendKeys(forged.toString());
            browser.waitUntil(d -> d.findElement(By.id("pdf-result")).getAttribute("class").contains("fail"));
            assertThat(browser.driver().findElement(By.id("pdf-result")).getAttribute("data-sha256"))
                    .isEqualTo(HexFormat.of().formatHex(sha256(altered)));
            assertThat(browser.text(By.id("pdf-result"))).contains("NOT the PDF");
            Files.delete(genuine);
            Files.delete(forged);

            // and back to Chinese, still the same certificate
            browser.find(By.id("switch-language")).click();
            browser.waitUntil(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("zh"));
            assertThat(browser.text(By.id("verify-number"))).isEqualTo(number);
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1400, 1100));
        }
    }

    @Test
    void theReviewPageKeepsItsJobInTheOtherLanguage() {
        long job = BenchFlow.measuredAndSubmitted(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        browser.openAs("checker", "/review.xhtml?job=" + job);
        browser.find(By.id("check-job"));

        browser.find(By.id("switch-language")).click();
        browser.waitUntil(d -> d.findElement(By.id("nav-jobs")).getText().equals("Jobs"));
        assertThat(browser.driver().getCurrentUrl()).contains("job=" + job);
        assertThat(browser.find(By.id("check-job")).isDisplayed()).isTrue();
        browser.find(By.id("switch-language")).click();
        browser.waitUntil(d -> !d.findElement(By.id("nav-jobs")).getText().equals("Jobs"));
        assertThat(browser.driver().getCurrentUrl()).contains("job=" + job);
        browser.logout();
    }

    /**
     * Issue 11: a customer who opened another customer's certificate PDF saw a raw JSON error in English. The
     * browser now gets a page it can read, in the language chosen on the pages; the status stays 404.
     */
    @Test
    void anotherCustomersPdfIsARefusalPageInTheChosenLanguage() {
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        String pdf = "/api/v1/certificates/" + number + "/pdf";

        browser.openAs("customer2", "/portal/certificates.xhtml");
        browser.driver().get(LimsApi.BASE_URL + pdf);
        assertThat(browser.text(By.id("problem-title"))).contains("404");
        assertThat(browser.text(By.id("problem-detail"))).containsPattern("[\\u4e00-\\u9fff]").doesNotContain(number + "\"");
        assertThat(browser.driver().getPageSource()).doesNotContain("\"error\"", "urn:jiliang");

        browser.driver().get(LimsApi.BASE_URL + "/portal/certificates.xhtml");
        browser.find(By.id("switch-language")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().contains("My certificates"));
        browser.driver().get(LimsApi.BASE_URL + pdf);
        assertThat(browser.text(By.id("problem-detail"))).doesNotContainPattern("[\\u4e00-\\u9fff]").isNotBlank();
        assertThat(browser.text(By.id("problem-title"))).isEqualTo("404 · Not found");

        // a program asking for JSON still gets problem details
        var json = LimsApi.as("customer2").get(pdf);
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        browser.driver().get(LimsApi.BASE_URL + "/portal/certificates.xhtml");
        browser.find(By.id("switch-language")).click();
        browser.waitUntil(d -> !d.findElement(By.tagName("h1")).getText().contains("My certificates"));
        browser.logout();
    }

    private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
