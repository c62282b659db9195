package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 11: the audit trail showed the latest 200 entries as recorded ({@code job.environmentRecorded}), with no way
 * to find a record's history. Now it is read a page at a time, each event in words, filtered by record (a job's
 * number gives its whole history), person, event and dates, and the selection is exported as CSV — to the
 * quality manager and the administrator only.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AuditTrailPageIT {

    private static final String TODAY = ItDay.TODAY.toString();

    @Test
    void aJobsHistoryIsFoundByItsNumberAndExported() {
        LimsApi technician = LimsApi.as("technician");
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        BenchFlow.readyToCapture(technician, job);
        String number = technician.get("/api/v1/jobs/" + job).object().getString("jobNumber");
        LimsApi quality = LimsApi.as("quality");

        var csv = quality.get("/api/v1/audit/entries.csv?record=" + number + "&from=" + TODAY + "&to=" + TODAY);
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFsequence,recorded_at,actor,event,action,record_type,record_id,"
                + "old_value,new_value,reason");
        // received, assigned, started, the standard, the conditions: the job's history, oldest first, in words
        assertThat(lines.subList(1, lines.size())).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(line -> assertThat(line).contains(",technician,"));
        assertThat(text).contains("开始任务,job.started", "选用计量标准,job.standardSelected",
                "记录环境条件,job.environmentRecorded", "STD-F1-001");
        var english = quality.getEnglish("/api/v1/audit/entries.csv?record=" + number + "&action=job.started");
        assertThat(new String(english.body(), StandardCharsets.UTF_8).lines().toList()).hasSize(2)
                .last().asString().contains("Job started,job.started");
        // a group of events, and another person: nothing of this job
        assertThat(new String(quality.get("/api/v1/audit/entries.csv?record=" + number + "&action=login.").body(),
                StandardCharsets.UTF_8).lines().count()).isEqualTo(1);
        assertThat(new String(quality.get("/api/v1/audit/entries.csv?record=" + number + "&actor=clerk").body(),
                StandardCharsets.UTF_8).lines().count()).isEqualTo(1);

        var badDate = quality.get("/api/v1/audit/entries.csv?from=2026-13-45");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.object().getString("detail")).contains("from", "2026-13-45", "yyyy-MM-dd");
        var tooLong = quality.get("/api/v1/audit/entries.csv?record=" + "x".repeat(101));
        assertThat(tooLong.status()).isIn(400, 409);

        // whose is it: the trail is the quality manager's and the administrator's
        assertThat(LimsApi.as("admin").get("/api/v1/audit/entries.csv?record=" + number).status()).isEqualTo(200);
        assertThat(LimsApi.anonymous().get("/api/v1/audit/entries.csv").status()).isEqualTo(401);
        assertThat(LimsApi.as("customer").get("/api/v1/audit/entries.csv").status()).isEqualTo(403);
        assertThat(technician.get("/api/v1/audit/entries.csv?record=" + number).status()).isEqualTo(403);
    }

    @Test
    void theQualityManagerFiltersThePagedTrailAndReadsEventsInWords() {
        LimsApi technician = LimsApi.as("technician");
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        BenchFlow.readyToCapture(technician, job);
        String number = technician.get("/api/v1/jobs/" + job).object().getString("jobNumber");

        try (Browser browser = new Browser()) {
            browser.openAs("quality", "/audit.xhtml");
            // the whole trail, a page of 50 at a time, newest first
            String report = browser.text(By.cssSelector(".ui-paginator-current"));
            long total = Long.parseLong(report.substring(report.indexOf("/ ") + 2).strip());
            assertThat(total).isGreaterThan(4);
            assertThat(browser.driver().findElements(By.cssSelector("tr.audit-row"))).hasSize((int) Math.min(50, total));
            assertThat(report).startsWith("1–" + Math.min(50, total) + " / ");
            long newest = Long.parseLong(browser.text(By.cssSelector("tr.audit-row .audit-sequence")));
            assertThat(newest).isGreaterThanOrEqualTo(total);
            // sorted by the sequence, oldest first: the trail's first entry heads the page
            browser.find(By.cssSelector("#audit-entries thead th:nth-child(1)")).click();
            browser.waitUntil(d -> "1".equals(d.findElement(By.cssSelector("tr.audit-row .audit-sequence")).getText()));

            browser.find(By.id("filter-record")).sendKeys(number);
            browser.find(By.id("apply-filter")).click();
            browser.waitUntil(d -> d.findElements(By.cssSelector("tr.audit-row")).size() >= 4
                    && d.findElements(By.cssSelector("tr.audit-row")).size() < 50);
            List<WebElement> events = browser.driver().findElements(By.cssSelector("tr.audit-row .audit-event"));
            assertThat(events).extracting(WebElement::getText).contains("开始任务", "选用计量标准", "记录环境条件")
                    .doesNotContain("job.started");
            // the job's start reads as its states in words: 已分配 → 进行中
            assertThat(browser.text(By.xpath("//tr[contains(@class,'audit-row')][.//span[@class='audit-event' and"
                    + " text()='开始任务']]//span[@class='audit-new']"))).isEqualTo("进行中");
            assertThat(browser.find(By.id("export-audit")).getAttribute("href"))
                    .contains("api/v1/audit/entries.csv?record=" + number);

            new Select(browser.find(By.id("filter-action"))).selectByValue("job.environmentRecorded");
            browser.find(By.id("apply-filter")).click();
            browser.waitUntil(d -> d.findElements(By.cssSelector("tr.audit-row")).size() == 1);
            assertThat(browser.text(By.cssSelector("tr.audit-row"))).contains("记录环境条件", "technician", "20.5");

            // a date that is no date: said beside the field
            browser.find(By.id("filter-from")).sendKeys("yesterday");
            browser.find(By.id("apply-filter")).click();
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".inline-message[data-for='filter-from']")).isEmpty());
            // named by its label, not by its id
            assertThat(browser.text(By.cssSelector(".inline-message[data-for='filter-from']"))).startsWith("自")
                    .contains("yesterday").doesNotContain("filter-from");
            browser.screenshot("audit-trail-filtered");
        }
    }
}
