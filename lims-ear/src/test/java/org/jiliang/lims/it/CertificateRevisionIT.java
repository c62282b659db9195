package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 14: a certificate corrected by a revision that supersedes it, or withdrawn — end to end on the shared server
 * (PostgreSQL in CI): the documents, the public check's answers, the register, who may do it, refusals.
 */
@ExtendWith(BrowserSession.class)
class CertificateRevisionIT {

    private static final String REASON = "出厂编号登记有误 / serial number registered wrongly";

    private Browser browser;

    @Test
    void aCorrectedRevisionSupersedesTheOriginalWhichStaysRetrievableAndThePublicCheckSaysSo() throws Exception {
        String wrongSerial = serial();
        long scale = registerScale(wrongSerial);
        String original = BenchFlow.verifiedAndApproved(scale, BigDecimal.ZERO);
        LimsApi customer = LimsApi.as("customer");
        byte[] originalPdf = customer.get("/api/v1/certificates/" + original + "/pdf").body();
        String originalToken = token(original);

        // the owner's serial number was registered wrongly: the register is corrected, then the certificate
        String rightSerial = serial();
        var corrected = LimsApi.as("clerk").put("/api/v1/registry/instruments/" + scale, scaleJson(rightSerial));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        var revised = LimsApi.as("approver").post("/api/v1/certificates/" + original + "/revisions",
                "{\"reason\":\"" + REASON + "\",\"password\":\"jiliang\"}");
        assertThat(revised.status()).as(revised.text()).isEqualTo(200);
        JsonObject revision = revised.object();
        String number = revision.getString("number");
        assertThat(number).isEqualTo(original + "-R1");
        assertThat(revision.getInt("revision")).isEqualTo(1);
        assertThat(revision.getString("replaces")).isEqualTo(original);
        assertThat(revision.getString("revisionReason")).isEqualTo(REASON);
        assertThat(revision.getString("standing")).isEqualTo("VALID");
        assertThat(revision.getString("serialNumber")).isEqualTo(rightSerial);
        // the owner is told, in both languages, which certificate the revision replaces
        JsonObject told = customer.get("/api/v1/messages?max=200").object().getJsonArray("rows")
                .getValuesAs(JsonObject.class).stream().filter(m -> m.getString("about").equals(number)).findFirst()
                .orElseThrow();
        assertThat(told.getString("subject")).contains("证书 " + number + " 替代 " + original,
                "Certificate " + number + " replaces " + original).doesNotContain("{");

        // the revision's PDF says what it replaces, why, and carries the corrected serial number
        byte[] revisedPdf = customer.get("/api/v1/certificates/" + number + "/pdf").body();
        String text = PdfDocuments.text(revisedPdf).replaceAll("\\s+", "");
        assertThat(text).contains(("本证书替代" + ItDay.TODAY + "签发的证书" + original + "，原证书作废。").replaceAll("\\s+", ""),
                ("Thiscertificatereplacescertificate" + original), REASON.replaceAll("\\s+", ""), rightSerial);
        assertThat(sha256(revisedPdf)).isEqualTo(revision.getString("pdfSha256"));
        assertThat(PdfDocuments.pdfsig(revisedPdf)).as("signed like the original")
                .contains("Signature Validation: Signature is Valid.");
        // the original is still there, byte for byte, with its hash; it now says where it stands
        byte[] again = customer.get("/api/v1/certificates/" + original + "/pdf").body();
        assertThat(again).isEqualTo(originalPdf);
        JsonObject old = customer.get("/api/v1/certificates/" + original).object();
        assertThat(old.getString("pdfSha256")).isEqualTo(sha256(originalPdf));
        assertThat(old.getString("standing")).isEqualTo("SUPERSEDED");
        assertThat(old.getString("supersededBy")).isEqualTo(number);

        // the public check of the original: superseded, by which revision (its own token), as issued (old serial)
        JsonObject check = LimsApi.anonymous().get("/api/v1/public/verify/" + originalToken).object();
        assertThat(check.getString("standing")).isEqualTo("SUPERSEDED");
        assertThat(check.getBoolean("currentlyValid")).isFalse();
        assertThat(check.getJsonObject("supersededBy").getString("number")).isEqualTo(number);
        assertThat(check.getJsonObject("supersededBy").getString("token")).isEqualTo(token(number));
        assertThat(check.getString("serialNumber")).isEqualTo(wrongSerial);
        assertThat(check.getString("procedure")).isEqualTo("JJG 539-2016");
        String page = LimsApi.anonymous().get("/verify/" + originalToken).text();
        assertThat(page).contains("本证书已被修订版替代，不再有效。", "/verify/" + token(number) + "?lang=zh\">" + number
                + "</a>", wrongSerial).doesNotContain(rightSerial);
        // and of the revision: valid, what it replaced and why
        JsonObject now = LimsApi.anonymous().get("/api/v1/public/verify/" + token(number)).object();
        assertThat(now.getString("standing")).isEqualTo("VALID");
        assertThat(now.getBoolean("currentlyValid")).isTrue();
        assertThat(now.getJsonObject("revision").getString("replaces")).isEqualTo(original);
        assertThat(now.getString("serialNumber")).isEqualTo(rightSerial);
        assertThat(LimsApi.anonymous().get("/verify/" + token(number) + "?lang=en").text())
                .contains("This is revision 1: it replaces certificate " + original);

        // the register names the revision; the line of revisions is the owner's to see
        assertThat(instrument(scale).getJsonObject("register").getString("lastCertificate")).isEqualTo(number);
        assertThat(customer.get("/api/v1/certificates?max=1000").rows().stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("number").startsWith(original)).map(c -> c.getString("number") + " "
                        + c.getString("standing"))).containsExactlyInAnyOrder(original + " SUPERSEDED", number + " VALID");

        // a superseded certificate is not revised or withdrawn again: the latest revision is
        var twice = LimsApi.as("approver").post("/api/v1/certificates/" + original + "/revisions",
                "{\"reason\":\"again\",\"password\":\"jiliang\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.object().getString("detail")).contains(number);
        var second = LimsApi.as("approver").post("/api/v1/certificates/" + number + "/revisions",
                "{\"reason\":\"地址有误 / address wrong\",\"password\":\"jiliang\"}");
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.object().getString("number")).isEqualTo(original + "-R2");
        assertThat(second.object().getString("replaces")).isEqualTo(number);
    }

    @Test
    void aWithdrawnCertificateSaysWhyItsPdfStaysAndTheInstrumentMayNotBeUsed() throws Exception {
        long scale = registerScale(serial());
        String number = BenchFlow.verifiedAndApproved(scale, BigDecimal.ZERO);
        byte[] pdf = LimsApi.as("customer").get("/api/v1/certificates/" + number + "/pdf").body();
        String reason = "所用砝码的校准证书失效 / the weights used were out of calibration";

        var withdrawn = LimsApi.as("quality").post("/api/v1/certificates/" + number + "/withdrawal",
                "{\"reason\":\"" + reason + "\",\"password\":\"jiliang\"}");
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.object().getString("standing")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.object().getString("withdrawalReason")).isEqualTo(reason);

        JsonObject check = LimsApi.anonymous().get("/api/v1/public/verify/" + token(number)).object();
        assertThat(check.getString("standing")).isEqualTo("WITHDRAWN");
        assertThat(check.getBoolean("currentlyValid")).isFalse();
        assertThat(check.getJsonObject("withdrawal").getString("reason")).isEqualTo(reason);
        assertThat(LimsApi.anonymous().get("/verify/" + token(number)).text()).contains("撤销，不再有效。", reason)
                .doesNotContain("证书在有效期内");
        assertThat(LimsApi.as("customer").get("/api/v1/certificates/" + number + "/pdf").body()).isEqualTo(pdf);
        JsonObject register = instrument(scale).getJsonObject("register");
        assertThat(register.getString("status")).isEqualTo("NOT_PERMITTED");
        assertThat(register.getString("lastCertificate")).isEqualTo(number);

        var again = LimsApi.as("approver").post("/api/v1/certificates/" + number + "/withdrawal",
                "{\"reason\":\"again\",\"password\":\"jiliang\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.object().getString("detail")).contains("quality");
        assertThat(LimsApi.as("approver").post("/api/v1/certificates/" + number + "/revisions",
                "{\"reason\":\"fix\",\"password\":\"jiliang\"}").status()).isEqualTo(409);
    }

    @Test
    void onlyTheApproverRevisesOnlyApproverAndQualityManagerWithdrawAndARefusalChangesNothing() {
        long scale = registerScale(serial());
        String number = BenchFlow.verifiedAndApproved(scale, BigDecimal.ZERO);
        String body = "{\"reason\":\"typo\",\"password\":\"jiliang\"}";
        for (String user : new String[] {"technician", "checker", "quality", "clerk", "customer", "customer2"}) {
            assertThat(LimsApi.as(user).post("/api/v1/certificates/" + number + "/revisions", body).status())
                    .as(user + " revising").isEqualTo(403);
        }
        for (String user : new String[] {"technician", "checker", "clerk", "customer", "customer2"}) {
            assertThat(LimsApi.as(user).post("/api/v1/certificates/" + number + "/withdrawal", body).status())
                    .as(user + " withdrawing").isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().post("/api/v1/certificates/" + number + "/revisions", body).status())
                .isEqualTo(401);
        // another customer learns nothing of it, not even that it exists
        assertThat(LimsApi.as("customer2").get("/api/v1/certificates/" + number).status()).isEqualTo(404);
        assertThat(LimsApi.as("customer2").get("/api/v1/certificates?text=" + number).text()).doesNotContain(number);

        LimsApi approver = LimsApi.as("approver");
        var wrongPassword = approver.post("/api/v1/certificates/" + number + "/revisions",
                "{\"reason\":\"typo\",\"password\":\"not-the-password\"}");
        assertThat(wrongPassword.status()).isEqualTo(409);
        var noReason = approver.post("/api/v1/certificates/" + number + "/revisions",
                "{\"reason\":\"   \",\"password\":\"jiliang\"}");
        assertThat(noReason.status()).isEqualTo(409);
        assertThat(noReason.object().getString("detail")).contains("500");
        var tooLong = approver.post("/api/v1/certificates/" + number + "/withdrawal",
                "{\"reason\":\"" + "x".repeat(501) + "\",\"password\":\"jiliang\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(approver.post("/api/v1/certificates/NO-SUCH-1/revisions", body).status()).isEqualTo(404);
        JsonObject unchanged = approver.get("/api/v1/certificates/" + number).object();
        assertThat(unchanged.getString("standing")).isEqualTo("VALID");
        assertThat(approver.get("/api/v1/certificates?text=" + number).text()).doesNotContain(number + "-R");
    }

    @Test
    void theApproverCorrectsACertificateOnItsPage() {
        long scale = registerScale(serial());
        String number = BenchFlow.verifiedAndApproved(scale, BigDecimal.ZERO);
        browser.openAs("approver", "/certificates.xhtml");
        browser.find(By.id("filter-text")).sendKeys(number);
        browser.clickCentered(By.id("apply-filter"));
        // on a fresh server the list may hold this one row before the filter's answer too: wait for what the answer
        // changes (the export's address), so that the row clicked is not the one the answer replaces
        browser.waitUntil(d -> d.findElement(By.id("export-certificates")).getAttribute("href")
                .endsWith("api/v1/certificates.csv?text=" + number));
        assertThat(browser.driver().findElements(By.cssSelector("tr.certificate-row"))).hasSize(1);
        browser.clickCentered(By.cssSelector("a.certificate-number"));
        browser.waitUntil(d -> !d.findElements(By.id("certificate-standing")).isEmpty());
        assertThat(browser.text(By.id("certificate-standing"))).contains("有效");
        browser.find(By.id("change-reason")).sendKeys("委托单位名称有误 / owner's name wrong");
        browser.find(By.id("change-password")).sendKeys("jiliang");
        browser.clickCentered(By.id("revise-button"));
        browser.waitUntil(d -> !d.findElements(By.id("certificate-replaces")).isEmpty());
        assertThat(browser.text(By.id("certificate-replaces"))).contains(number, "委托单位名称有误");
        assertThat(browser.driver().getCurrentUrl()).contains("number=" + number + "-R1");
        assertThat(browser.driver().findElements(By.cssSelector("tr.revision-row"))).hasSize(2);
        assertThat(browser.driver().findElements(By.cssSelector(".revision-standing")).get(0).getText())
                .isEqualTo("已被修订版替代");
        browser.screenshot("certificate-revision");
    }

    private static String serial() {
        return "REV-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long registerScale(String serial) {
        var registered = LimsApi.as("clerk").post("/api/v1/registry/instruments", scaleJson(serial));
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        return registered.object().getJsonNumber("id").longValue();
    }

    /** A 30 kg class III scale of the demo's food company (customer C0001), as the bench flow verifies one. */
    private static String scaleJson(String serial) {
        return "{\"customerCode\":\"C0001\",\"description\":\"电子计价秤\",\"manufacturer\":\"凯丰衡器\","
                + "\"model\":\"ACS-30\",\"serialNumber\":\"" + serial + "\",\"mandatoryVerification\":true,"
                + "\"intervalMonths\":12,\"location\":\"3 号摊位\",\"scale\":{\"accuracyClass\":\"III\","
                + "\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"}}";
    }

    private static String token(String number) {
        return VerificationSliceIT.token(number);
    }

    private static JsonObject instrument(long id) {
        return VerificationSliceIT.instrument(id);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
