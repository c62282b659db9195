package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14, the customer's whole path in a real browser: the customer finds their scale and its due date among
 * their instruments, books its verification; the intake desk accepts the request for a day; the job is done at
 * the bench; the customer sees the request completed with its certificate, downloads the signed PDF and checks it
 * on the public page.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class CustomerRequestBrowserIT {

    private static final Pattern REQUEST_NUMBER = Pattern.compile("SQ\\d{4}-\\d{5}");

    private Browser browser; // opened and closed around each test by BrowserSession

    @Test
    void customerBooksDeskAcceptsCustomerDownloadsTheSignedCertificateAndChecksIt() throws Exception {
        // a scale of 华东食品 verified a year ago less ten days (interval 12 months): due in ten days
        String serial = "DUE-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var registered = LimsApi.as("clerk").post("/api/v1/registry/instruments", "{\"customerCode\":\"C0001\","
                + "\"description\":\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\""
                + serial + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":"
                + "\"III\",\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"},\"entry\":{\"legalCategory\":\"NAWI\","
                + "\"lastVerifiedOn\":\"" + ItDay.TODAY.minusYears(1).plusDays(10) + "\",\"lastCertificate\":\"P-" + serial
                + "\"}}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        String due = registered.object().getString("nextDueDate");
        assertThat(due).isEqualTo(ItDay.TODAY.plusDays(10).toString());

        // the customer finds it among what is due within 30 days, and books it from its row
        browser.openAs("customer", "/portal/instruments.xhtml");
        type("filter-text", "DUE-");
        new Select(browser.find(By.id("filter-due"))).selectByValue("30");
        browser.find(By.id("apply-filter")).click();
        String row = "//tr[.//span[@class='serial' and text()='" + serial + "']]";
        // the new scale heads the list before the filter too: wait for the filter's answer (the export it writes)
        browser.waitUntil(d -> d.findElement(By.id("export-instruments")).getAttribute("href").contains("dueWithin=30"));
        browser.waitUntil(d -> !d.findElements(By.xpath(row)).isEmpty());
        assertThat(browser.driver().findElements(By.xpath("//tr[contains(@class,'my-instrument-row')]//span[@class='due-date']")))
                .allSatisfy(d -> assertThat(d.getText()).isLessThanOrEqualTo(ItDay.TODAY.plusDays(30).toString()));
        assertThat(browser.text(By.xpath(row + "//span[@class='due-date']"))).isEqualTo(due);
        assertThat(browser.text(By.xpath(row + "//span[@class='last-result']"))).isEqualTo("合格");
        browser.find(By.xpath(row + "//a[@class='book-instrument']")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/portal/requests.xhtml"));
        assertThat(browser.text(By.id("basket"))).contains(serial, "检定");

        type("request-date", ItDay.TODAY.plusDays(3).toString());
        new Select(browser.find(By.id("request-place"))).selectByValue("LAB");
        type("request-note", "周一上午送样");
        browser.find(By.id("request-book")).click();
        String message = browser.waitUntil(d -> {
            String text = d.findElement(By.id("messages")).getText();
            return REQUEST_NUMBER.matcher(text).find() ? text : null;
        });
        Matcher m = REQUEST_NUMBER.matcher(message);
        assertThat(m.find()).isTrue();
        String number = m.group();
        String request = "//tr[.//span[@class='request-number' and text()='" + number + "']]";
        browser.waitUntil(d -> !d.findElements(By.xpath(request)).isEmpty());
        assertThat(browser.text(By.xpath(request + "//span[@class='request-stage']"))).isEqualTo("已提交");
        assertThat(browser.text(By.xpath(request))).contains(serial, "送检到实验室", "周一上午送样");
        browser.logout();

        // the desk accepts it for the day after
        browser.openAs("clerk", "/requests.xhtml");
        browser.waitUntil(d -> !d.findElements(By.xpath(request)).isEmpty());
        assertThat(browser.text(By.xpath(request))).contains("华东食品有限公司", serial);
        type(By.xpath(request + "//input[contains(@class,'accept-date')]"), ItDay.TODAY.plusDays(4).toString());
        browser.find(By.xpath(request + "//button[contains(@class,'accept-request')]")).click();
        String accepted = browser.waitUntil(d -> {
            String text = d.findElement(By.id("messages")).getText();
            return text.contains(number) ? text : null;
        });
        Matcher job = Pattern.compile("J[A-Z]*\\d{4}-\\d{5}").matcher(accepted);
        assertThat(job.find()).as(accepted).isTrue();
        String jobNumber = job.group();
        browser.logout();

        // the work at the bench, as the bench tests do it
        LimsApi technician = LimsApi.as("technician");
        long jobId = technician.get("/api/v1/jobs").array().getValuesAs(JsonObject.class).stream()
                .filter(j -> j.getString("jobNumber").equals(jobNumber)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        var assigned = LimsApi.as("clerk").post("/api/v1/jobs/" + jobId + "/assignment",
                "{\"technician\":\"technician\",\"benchDevice\":\"" + BenchFlow.DEVICE + "\"}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        var started = technician.post("/api/v1/jobs/" + jobId + "/start", "{}");
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        BenchFlow.readyToCapture(technician, jobId);
        BenchFlow.captureAllPoints(technician, jobId, BigDecimal.ZERO);
        var submitted = technician.post("/api/v1/jobs/" + jobId + "/submit", "{\"password\":\"jiliang\"}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        BenchFlow.checked(jobId);
        var approved = LimsApi.as("approver").post("/api/v1/jobs/" + jobId + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        String certificate = approved.object().getString("number");

        // the customer sees the request completed, with the day planned and the certificate
        browser.openAs("customer", "/portal/requests.xhtml");
        browser.waitUntil(d -> !d.findElements(By.xpath(request)).isEmpty());
        assertThat(browser.text(By.xpath(request + "//span[@class='request-stage']"))).isEqualTo("已完成");
        assertThat(browser.text(By.xpath(request + "//span[@class='planned-date']")))
                .isEqualTo(ItDay.TODAY.plusDays(4).toString());
        assertThat(browser.text(By.xpath(request + "//span[@class='job-number']"))).isEqualTo(jobNumber);
        String href = browser.find(By.xpath(request + "//a[@class='item-certificate']")).getAttribute("href");
        assertThat(href).endsWith("/api/v1/certificates/" + certificate + "/pdf");
        byte[] pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(PdfDocuments.pdfsig(pdf)).contains("Signature Validation: Signature is Valid.");
        assertThat(PdfDocuments.text(pdf)).contains(certificate, serial, "华东食品有限公司");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        // and checks it on the public page its certificate list links to, as anyone scanning the QR code would
        browser.find(By.id("nav-certificates")).click();
        type("filter-text", certificate);
        browser.find(By.id("apply-filter")).click();
        String line = "//tr[.//span[@class='certificate-number' and text()='" + certificate + "']]";
        browser.waitUntil(d -> d.findElements(By.xpath("//tr[contains(@class,'certificate-row')]")).size() == 1
                && !d.findElements(By.xpath(line)).isEmpty());
        String publicCheck = browser.find(By.xpath(line + "//a[@class='public-check']")).getAttribute("href");
        browser.logout();
        browser.driver().get(publicCheck);
        browser.waitUntil(d -> d.getPageSource().contains(certificate));
        String page = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(page).contains(certificate, "证书在有效期内", sha256).doesNotContain("华东食品");
    }

    private void type(String id, String text) {
        type(By.id(id), text);
    }

    /** Types into a field; the form is replaced by the last AJAX update, so a stale field is looked up again. */
    private void type(By by, String text) {
        browser.waitUntil(d -> {
            var input = browser.find(by);
            input.clear();
            input.sendKeys(text);
            return true;
        });
    }
}
