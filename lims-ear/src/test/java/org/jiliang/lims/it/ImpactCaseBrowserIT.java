package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 13's "done means" in the browser: the quality manager records an intermediate check that fails, sees the
 * standard suspended and the certificates it may have spoiled, assesses each (a refusal on the way: an effect beyond
 * the MPE cannot be kept), and closes the case with a signature; the owner of the affected certificate gets the
 * notice by e-mail (GreenMail listens on the shared server's SMTP port for the test) and reads it in the portal;
 * another customer and an anonymous caller get nothing of it. Then the upper-level laboratory's DCC of the
 * recalibrated weights is uploaded on the standard's page: its values and its place in the traceability chain show.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class ImpactCaseBrowserIT {

    private static final LocalDate TODAY = ItDay.TODAY;
    /** The demo's food company (C0001), the owner of instrument 1. */
    private static final String OWNER_MAIL = "qa@huadong-food.example";

    private Browser browser;

    @Test
    void aFailedCheckIsAssessedClosedAndTheOwnerToldByMailAndInThePortal() throws Exception {
        String code = "STD-IMP-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        LimsApi quality = LimsApi.as("quality");
        var registered = quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"F1 砝码组 1 kg\","
                + "\"accuracy\":\"F1\",\"serialNumber\":\"IMP-1\",\"certificateNumber\":\"JZJ-IMP-1\","
                + "\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + TODAY.minusMonths(2) + "\",\"dueDate\":\""
                + TODAY.plusMonths(10) + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        var plan = quality.put("/api/v1/standards/" + code + "/check-plan", "{\"intervalDays\":90,"
                + "\"checkStandard\":\"核查砝码 CW-7\",\"chart\":\"INDIVIDUALS\",\"readingsPerCheck\":1,"
                + "\"baseChecks\":5,\"criterion\":\"NORMALIZED_ERROR\",\"points\":[{\"nominal\":\"1 kg\","
                + "\"unit\":\"g\",\"referenceValue\":1000.0013,\"referenceUncertainty\":0.0008}]}");
        assertThat(plan.status()).as(plan.text()).isEqualTo(200);
        // before the check, the weights verified the food company's scale twice
        String affected = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO, code);
        String unaffected = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO, code);

        int smtpPort = Integer.parseInt(System.getProperty("it.smtpPort", "25250"));
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            // the check: E_n = (1000.0030 − 1000.0013) / √(0.0006² + 0.0008²) = 1.7 > 1, out of tolerance
            browser.openAs("quality", "/standard.xhtml?code=" + code);
            browser.type(By.id("check-date"), TODAY.toString());
            browser.find(By.cssSelector("input.check-readings")).sendKeys("1000.0030");
            browser.find(By.cssSelector("input.check-u")).sendKeys("0.0006");
            browser.find(By.id("record-check-button")).click();
            browser.waitUntil(d -> !d.findElements(By.cssSelector("tr.check-row")).isEmpty());
            assertThat(browser.text(By.cssSelector("tr.check-row .check-outcome"))).isEqualTo("超差：标准已暂停使用");
            assertThat(browser.text(By.id("standard-status"))).isEqualTo("已停用");
            assertThat(browser.text(By.cssSelector("tr.case-row .case-kind"))).isEqualTo("超差");
            browser.find(By.cssSelector("tr.case-row a.case-link")).click();

            // the case: suspect since the calibration (no check passed before), both certificates listed
            browser.waitUntil(d -> !d.findElements(By.id("case-certificates")).isEmpty());
            assertThat(browser.text(By.id("case-state"))).isEqualTo("处理中");
            assertThat(browser.text(By.id("case-since"))).isEqualTo(TODAY.minusMonths(2).toString());
            assertThat(browser.text(By.id("case-progress"))).isEqualTo("0 / 2");
            assertThat(browser.text(By.id("case-rows"))).contains(affected, unaffected, "华东食品有限公司");

            // closing before every certificate is assessed is refused
            browser.find(By.id("close-conclusion")).sendKeys("砝码 1 kg 磨损，已送上级校准");
            browser.find(By.id("close-password")).sendKeys(LimsApi.DEMO_PASSWORD);
            browser.find(By.id("close-button")).click();
            browser.waitUntil(d -> d.getPageSource().contains("所列 2 份证书中还有 2 份未评估"));

            // an effect beyond the MPE cannot be kept: refused with the reason, nothing saved
            assess(affected, "true", "1.2", "MPE", "KEEP", "核查偏差 1.7 mg，计入示值误差后超过最大允许误差");
            browser.waitUntil(d -> d.getPageSource().contains("影响量为 1.2 × MPE，已超过该限值本身"));
            assertThat(browser.text(By.id("case-progress"))).isEqualTo("0 / 2");
            assess(affected, "true", "1.2", "MPE", "REISSUE", "核查偏差 1.7 mg，计入示值误差后超过最大允许误差");
            browser.waitUntil(d -> d.findElement(By.id("case-progress")).getText().equals("1 / 2"));
            assess(unaffected, "false", "", "", "KEEP", "该次检定的最小秤量点未用到 1 kg 砝码");
            browser.waitUntil(d -> d.findElement(By.id("case-progress")).getText().equals("2 / 2"));
            browser.screenshot("impact-case-assessed");

            browser.type(By.id("close-conclusion"), "砝码 1 kg 磨损，已送上级校准；受影响证书将更正");
            browser.find(By.id("close-password")).sendKeys(LimsApi.DEMO_PASSWORD);
            browser.find(By.id("close-button")).click();
            browser.waitUntil(d -> !d.findElements(By.id("case-closed")).isEmpty());
            assertThat(browser.text(By.id("case-state"))).isEqualTo("已结案");
            assertThat(browser.text(By.id("case-closed"))).contains("quality");
            assertThat(browser.text(By.id("case-hash"))).matches("[0-9a-f]{64}");
            assertThat(browser.text(By.cssSelector("tr.case-notice-row"))).contains("C0001", "1", "已发送");
            assertThat(browser.driver().findElements(By.id("close-button"))).isEmpty();
            browser.screenshot("impact-case-closed");
            browser.logout();

            // the owner's e-mail: the affected certificate and what becomes of it, not the kept one
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> Mails.to(m, OWNER_MAIL))
                    .filter(m -> Mails.subject(m).contains(code)).toList();
            assertThat(mails).hasSize(1);
            assertThat(Mails.subject(mails.get(0))).contains("华东食品有限公司", "certificates affected");
            String text = mails.get(0).getContent().toString();
            assertThat(text).contains(affected, "将重新签发更正版本", "a corrected revision will be issued")
                    .doesNotContain(unaffected);
        } finally {
            smtp.stop();
        }

        // the owner reads it in the portal
        browser.openAs("customer", "/portal/notices.xhtml");
        browser.waitUntil(d -> !d.findElements(By.cssSelector("tr.impact-notice-row")).isEmpty());
        var row = browser.find(By.xpath("//tr[contains(@class,'impact-notice-row')][contains(., '" + code + "')]"));
        assertThat(row.getText()).contains("已发送");
        assertThat(row.findElement(By.cssSelector("pre.impact-body")).getAttribute("textContent"))
                .contains(affected, "将重新签发更正版本").doesNotContain(unaffected);
        browser.screenshot("impact-notice-portal");

        // whose is it: the owner's alone
        JsonObject notice = LimsApi.as("customer").get("/api/v1/impact-notices").object().getJsonArray("rows")
                .getValuesAs(JsonObject.class).stream().filter(n -> n.getString("standard").equals(code))
                .findFirst().orElseThrow();
        long id = notice.getJsonNumber("id").longValue();
        assertThat(LimsApi.as("customer").get("/api/v1/impact-notices/" + id).status()).isEqualTo(200);
        assertThat(LimsApi.as("customer2").get("/api/v1/impact-notices/" + id).status()).isEqualTo(404);
        assertThat(LimsApi.as("customer2").get("/api/v1/impact-notices").object().getJsonArray("rows")
                .getValuesAs(JsonObject.class)).noneMatch(n -> n.getString("standard").equals(code));
        assertThat(LimsApi.anonymous().get("/api/v1/impact-notices/" + id).status()).isEqualTo(401);
        assertThat(LimsApi.anonymous().get("/api/v1/impact-notices").status()).isEqualTo(401);
        long caseId = notice.getJsonNumber("caseId").longValue();
        assertThat(LimsApi.as("customer").get("/api/v1/standard-cases/" + caseId).status()).isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/standard-cases/" + caseId).status()).isEqualTo(401);
        // the pages: the case is the staff's; every owner's notices are for those who answer for them
        assertThat(LimsApi.as("customer").inSession().get("/standard-case.xhtml?id=" + caseId).status())
                .isEqualTo(403);
        assertThat(LimsApi.as("technician").inSession().get("/recall.xhtml").status()).isEqualTo(403);
        assertThat(LimsApi.as("clerk").inSession().get("/recall.xhtml").text()).contains(code);
        browser.logout();

        // the weights come back from the upper-level laboratory: its DCC is uploaded on the standard's page
        var sample = org.jiliang.reports.certificate.SampleCertificate.calibrationCertificate();
        java.nio.file.Path dcc = java.nio.file.Files.createTempFile("upper-lab-", ".xml");
        java.nio.file.Files.write(dcc, org.jiliang.reports.dcc.DigitalCalibrationCertificate.write(sample,
                new org.jiliang.reports.dcc.DigitalCalibrationCertificate.Parties("CN", "mass@upper-lab.example",
                        "北京", "standards@jianghai-metrology.example", "upper LIMS", "1")));
        try {
            browser.openAs("quality", "/standard.xhtml?code=" + code);
            browser.find(By.id("dcc-due")).sendKeys(TODAY.plusYears(1).toString());
            browser.find(By.cssSelector("#dcc-import h3")).click(); // leave the field: its value is kept
            browser.waitUntil(d -> d.findElement(By.id("dcc-due-state")).getText().contains("✓"));
            browser.driver().findElement(By.cssSelector("#dcc-file input[type=file]")).sendKeys(dcc.toString());
            browser.waitUntil(d -> d.findElements(By.cssSelector("tr.calibration-row .calibration-number")).stream()
                    .anyMatch(e -> e.getText().equals(sample.number())));
            assertThat(browser.text(By.cssSelector("tr.calibration-row"))).contains(sample.number(),
                    sample.laboratory().nameZh(), dcc.getFileName().toString());
            assertThat(browser.driver().findElements(By.cssSelector("tr.calibration-row .calibration-value")))
                    .hasSize(sample.results().size());
            assertThat(browser.text(By.cssSelector("#chain .chain-CALIBRATION .chain-label"))).isEqualTo(sample.number());
            browser.screenshot("standard-dcc-imported");
        } finally {
            java.nio.file.Files.deleteIfExists(dcc);
        }
    }

    private void assess(String certificate, String affected, String effect, String basis, String decision,
            String reason) {
        new Select(browser.find(By.id("assess-certificate"))).selectByValue(certificate);
        new Select(browser.find(By.id("assess-affected"))).selectByValue(affected);
        browser.type(By.id("assess-effect"), effect);
        new Select(browser.find(By.id("assess-basis"))).selectByValue(basis);
        new Select(browser.find(By.id("assess-decision"))).selectByValue(decision);
        browser.type(By.id("assess-reason"), reason);
        browser.find(By.id("assess-button")).click();
    }
}
