package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 11: every list a page at a time, sortable, filterable and exported. The job list, the register of
 * instruments, the customer's certificates and the device register in the browser (paged newest first, a search, a sort, the export link
 * of the selection) and their CSV through the API, with whose data each caller gets.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ListPagesIT {

    @Test
    void theJobListIsPagedSortedFilteredAndExported() {
        LimsApi technician = LimsApi.as("technician");
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        String number = technician.get("/api/v1/jobs/" + job).object().getString("jobNumber");

        try (Browser browser = new Browser()) {
            browser.openAs("clerk", "/jobs.xhtml");
            // newest first: the job just opened heads the first page
            assertThat(browser.text(By.cssSelector("tr.job-row .job-number"))).isEqualTo(number);
            String report = browser.text(By.cssSelector("#jobs .ui-paginator-current"));
            long total = Long.parseLong(report.substring(report.indexOf("/ ") + 2).strip());
            assertThat(browser.driver().findElements(By.cssSelector("tr.job-row"))).hasSize((int) Math.min(25, total));

            browser.find(By.id("filter-text")).sendKeys(number);
            new Select(browser.find(By.id("filter-state"))).selectByValue("IN_PROGRESS");
            browser.find(By.id("apply-filter")).click();
            // the filter's answer is there when the export it writes is (a one-row list may have been one before)
            browser.waitUntil(d -> d.findElement(By.id("export-jobs")).getAttribute("href")
                    .endsWith("api/v1/jobs/list.csv?text=" + number + "&state=IN_PROGRESS"));
            assertThat(browser.driver().findElements(By.cssSelector("tr.job-row"))).hasSize(1);
            assertThat(browser.text(By.cssSelector("tr.job-row"))).contains(number, "张伟", "进行中");

            // another state: nothing
            new Select(browser.find(By.id("filter-state"))).selectByValue("RETURNED");
            browser.find(By.id("apply-filter")).click();
            browser.waitUntil(d -> d.findElements(By.cssSelector("tr.job-row")).isEmpty());

            // sorted by the time received, oldest first (the times sort as text)
            browser.find(By.id("filter-text")).clear();
            new Select(browser.find(By.id("filter-state"))).selectByIndex(0);
            browser.find(By.id("apply-filter")).click();
            browser.waitUntil(d -> d.findElements(By.cssSelector("tr.job-row")).size() > 1);
            List<String> ascending = sortedColumn(browser, 6, number);
            assertThat(ascending).hasSizeGreaterThan(1).isSortedAccordingTo(String::compareTo);
        }

        var csv = LimsApi.as("clerk").get("/api/v1/jobs/list.csv?text=" + number);
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFjob_number,received_at,state,");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(number + ",").contains(",IN_PROGRESS,", "YH2026-00731", "张伟");
        assertThat(LimsApi.as("clerk").get("/api/v1/jobs/list.csv?state=NO_SUCH").status()).isEqualTo(400);
        // whose is it: staff only
        assertThat(LimsApi.anonymous().get("/api/v1/jobs/list.csv").status()).isEqualTo(401);
        assertThat(LimsApi.as("customer").get("/api/v1/jobs/list.csv").status()).isEqualTo(403);
    }

    @Test
    void theRegisterIsSearchedAndEachCustomerExportsOnlyTheirOwnInstruments() {
        String serial = "LIST-" + UUID.randomUUID().toString().substring(0, 6);
        var registered = LimsApi.as("clerk").post("/api/v1/registry/instruments", "{\"customerCode\":\"C0002\","
                + "\"description\":\"电子天平\",\"manufacturer\":\"上海天平仪器厂\",\"serialNumber\":\"" + serial
                + "\",\"model\":\"TCS-6\",\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":\"III\",\"max\":\"6 kg\",\"e\":\"2 g\","
                + "\"d\":\"2 g\"}}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);

        try (Browser browser = new Browser()) {
            browser.openAs("clerk", "/instruments.xhtml");
            assertThat(browser.text(By.cssSelector("tr.instrument-row .serial"))).isEqualTo(serial);
            browser.find(By.id("filter-text")).sendKeys(serial);
            browser.find(By.id("apply-filter")).click();
            browser.waitUntil(d -> d.findElement(By.id("export-instruments")).getAttribute("href")
                    .endsWith("api/v1/instruments.csv?text=" + serial));
            assertThat(browser.driver().findElements(By.cssSelector("tr.instrument-row"))).hasSize(1);
        }

        var own = LimsApi.as("customer2").get("/api/v1/instruments.csv?text=" + serial);
        assertThat(own.status()).isEqualTo(200);
        assertThat(new String(own.body(), StandardCharsets.UTF_8)).contains(serial, "电子天平");
        // another customer searching for it finds nothing; the staff find it
        var other = LimsApi.as("customer").get("/api/v1/instruments.csv?text=" + serial);
        assertThat(other.status()).isEqualTo(200);
        assertThat(new String(other.body(), StandardCharsets.UTF_8).lines().count()).isEqualTo(1);
        assertThat(new String(LimsApi.as("customer").get("/api/v1/instruments.csv").body(), StandardCharsets.UTF_8))
                .doesNotContain(serial).contains("YH2026-00731");
        assertThat(LimsApi.anonymous().get("/api/v1/instruments.csv").status()).isEqualTo(401);
    }

    @Test
    void eachCustomerFindsAndExportsOnlyTheirOwnCertificates() {
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, java.math.BigDecimal.ZERO);

        try (Browser browser = new Browser()) {
            browser.openAs("customer", "/portal/certificates.xhtml");
            // newest first: the certificate just issued heads the list
            assertThat(browser.text(By.cssSelector("tr.certificate-row .certificate-number"))).isEqualTo(number);
            browser.find(By.id("filter-text")).sendKeys(number);
            browser.find(By.id("apply-filter")).click();
            // the list may hold one row before the filter's answer too: wait for what the answer changes, the export
            browser.waitUntil(d -> d.findElement(By.id("export-certificates")).getAttribute("href")
                    .endsWith("api/v1/certificates.csv?text=" + number));
            assertThat(browser.driver().findElements(By.cssSelector("tr.certificate-row"))).hasSize(1);
        }

        var own = LimsApi.as("customer").get("/api/v1/certificates.csv?text=" + number);
        assertThat(own.status()).isEqualTo(200);
        List<String> lines = new String(own.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFnumber,kind,job_number,customer,");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(number + ",").contains("YH2026-00731");
        // another customer neither finds it nor gets it in their export; an anonymous caller gets nothing
        assertThat(new String(LimsApi.as("customer2").get("/api/v1/certificates.csv?text=" + number).body(),
                StandardCharsets.UTF_8).lines().count()).isEqualTo(1);
        assertThat(new String(LimsApi.as("customer2").get("/api/v1/certificates.csv").body(), StandardCharsets.UTF_8))
                .doesNotContain(number);
        assertThat(LimsApi.anonymous().get("/api/v1/certificates.csv").status()).isEqualTo(401);
        // staff see every customer's
        assertThat(new String(LimsApi.as("clerk").get("/api/v1/certificates.csv?text=" + number).body(),
                StandardCharsets.UTF_8)).contains(number);
    }

    @Test
    void theDeviceRegisterIsSearchedAndExportedByStaffOnly() {
        try (Browser browser = new Browser()) {
            browser.openAs("admin", "/devices.xhtml");
            browser.find(By.id("filter-text")).sendKeys("bal-01");
            browser.find(By.id("apply-filter")).click();
            browser.waitUntil(d -> d.findElement(By.id("export-devices")).getAttribute("href")
                    .endsWith("api/v1/devices/list.csv?text=bal-01"));
            assertThat(browser.driver().findElements(By.cssSelector("tr.device"))).hasSize(1);
            assertThat(browser.text(By.cssSelector("tr.device-BAL-01 .device-state"))).isEqualTo("运行中");
        }
        var csv = LimsApi.as("admin").get("/api/v1/devices/list.csv?text=BAL-01");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFcode,name,protocol,address,mode,state,model,serial_number,link");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("BAL-01,").contains(",mt-sics,", ",RUNNING,");
        assertThat(LimsApi.as("customer").get("/api/v1/devices/list.csv").status()).isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/devices/list.csv").status()).isEqualTo(401);
    }

    /**
     * The texts of column {@code index} (1-based) after sorting it by a click on its header: oldest first, so the
     * newest job ({@code newest}) leaves the top of the first page.
     */
    private static List<String> sortedColumn(Browser browser, int index, String newest) {
        browser.find(By.cssSelector("#jobs thead th:nth-child(" + index + ")")).click();
        browser.waitUntil(d -> !newest.equals(d.findElement(By.cssSelector("tr.job-row .job-number")).getText()));
        return browser.driver().findElements(By.cssSelector("tr.job-row td:nth-child(" + index + ")")).stream()
                .map(WebElement::getText).toList();
    }
}
