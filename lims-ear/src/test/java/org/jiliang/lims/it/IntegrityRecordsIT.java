package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * Issue 15, integrity records (诚信计量): a trader signs the commitment and is listed in public while its record is
 * clean; an overdue instrument, a failed verification or an enforcement outcome lowers its grade by the documented
 * rules; the supervision authority's list holds the traders whose findings put them on it, signed or not.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IntegrityRecordsIT {

    /** The server's today (the tests' zone, see ItDay), not this machine's. */
    private static final LocalDate TODAY = ItDay.TODAY;

    private final LimsApi clerk = LimsApi.as("clerk");
    private final LimsApi quality = LimsApi.as("quality");
    /** The public list is rate-limited per address: this test's own. */
    private final FromAddress passerBy = new FromAddress("127.0.0.41");

    @Test
    void aTraderInGoodStandingIsListedInPublicUntilItsRecordFindsSomething() {
        String district = "诚信区" + UUID.randomUUID().toString().substring(0, 6);
        String trader = trader("东门粮油店", district);

        JsonObject signed = ok(clerk.post(traderPath(trader) + "/commitment", "{\"signedBy\":\"李四\",\"signedOn\":\""
                + TODAY.minusDays(3) + "\"}"));
        assertThat(signed.getJsonObject("grade").getString("code")).isEqualTo("A");
        assertThat(signed.getString("signedOn")).isEqualTo(TODAY.minusDays(3).toString());

        // in public: the name, the district, the grade and the day, nothing else (no code, no address, no findings)
        JsonObject entry = publicEntry(district);
        assertThat(entry).isNotNull();
        assertThat(entry.keySet()).containsExactlyInAnyOrder("name", "district", "gradeZh", "gradeEn", "signedOn");
        assertThat(entry.getString("name")).isEqualTo("东门粮油店");
        assertThat(entry.getString("gradeZh")).isEqualTo("诚信计量良好");

        // a scale past its due date (verified two years ago on a 12-month interval): grade B, off the public list
        var scale = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + trader + "\",\"description\":"
                + "\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\"IR-"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,"
                + "\"scale\":{\"accuracyClass\":\"III\",\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"},\"entry\":"
                + "{\"legalCategory\":\"NAWI\",\"lastVerifiedOn\":\"" + TODAY.minusYears(2) + "\",\"lastCertificate\":"
                + "\"JHJD-PAPER-1\"}}");
        assertThat(scale.status()).as(scale.text()).isEqualTo(200);
        JsonObject overdue = ok(clerk.get(traderPath(trader)));
        assertThat(overdue.getJsonObject("findings").getInt("overdue")).isEqualTo(1);
        assertThat(overdue.getJsonObject("grade").getString("code")).isEqualTo("B");
        assertThat(publicEntry(district)).as("no longer in good standing").isNull();
        assertThat(clerk.get("/api/v1/integrity/traders").array().getValuesAs(JsonObject.class))
                .filteredOn(r -> trader.equals(r.getString("code"))).singleElement()
                .satisfies(r -> assertThat(r.getJsonObject("grade").getString("code")).isEqualTo("B"));

        // an enforcement outcome: grade D, on the supervision authority's list with what was found
        JsonObject fined = ok(quality.post(traderPath(trader) + "/enforcement", "{\"decidedOn\":\"" + TODAY.minusDays(1)
                + "\",\"reference\":\"江市监处罚〔2026〕12号\",\"outcome\":\"使用超期未检电子计价秤，警告并责令改正\"}"));
        assertThat(fined.getJsonObject("grade").getString("code")).isEqualTo("D");
        assertThat(fined.getJsonObject("findings").getInt("enforcement")).isEqualTo(1);
        assertThat(clerk.get("/api/v1/integrity/enforcement-list").array().getValuesAs(JsonObject.class))
                .filteredOn(r -> trader.equals(r.getString("code"))).singleElement()
                .satisfies(r -> assertThat(r.getString("signedOn")).isEqualTo(TODAY.minusDays(3).toString()));
        assertThat(clerk.get(traderPath(trader) + "/enforcement").text()).contains("江市监处罚〔2026〕12号", "警告并责令改正");
        assertThat(quality.get("/api/v1/audit/entries.csv?record=" + trader).text()).contains("integrity.signed", "integrity.enforcement");

        // withdrawn: no longer among the signed traders; still on the authority's list by its findings
        ok(clerk.post(traderPath(trader) + "/commitment/withdrawal", "{\"reason\":\"经营者注销\"}"));
        assertThat(clerk.get("/api/v1/integrity/traders").text()).doesNotContain("\"" + trader + "\"");
        assertThat(clerk.get("/api/v1/integrity/enforcement-list").array().getValuesAs(JsonObject.class))
                .filteredOn(r -> trader.equals(r.getString("code"))).singleElement()
                .satisfies(r -> assertThat(r.containsKey("signedOn")).isFalse());
    }

    @Test
    void aFailedVerificationCountsOnTheRecordOfTheTraderWhoseInstrumentItWas() {
        String district = "诚信区" + UUID.randomUUID().toString().substring(0, 6);
        String trader = trader("西门水产店", district);
        ok(clerk.post(traderPath(trader) + "/commitment", "{\"signedBy\":\"王五\",\"signedOn\":\"" + TODAY + "\"}"));
        var scale = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + trader + "\",\"description\":"
                + "\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\"IR-"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,"
                + "\"scale\":{\"accuracyClass\":\"III\",\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"}}");
        assertThat(scale.status()).as(scale.text()).isEqualTo(200);
        try {
            SimulatedScale.bias("0.03"); // +30 g at every load: beyond ±15 g at Max
            BenchFlow.verifiedAndApproved(scale.object().getJsonNumber("id").longValue(), new BigDecimal("0.03"));
        } finally {
            SimulatedScale.bias("0");
        }
        JsonObject record = ok(clerk.get(traderPath(trader)));
        assertThat(record.getJsonObject("findings").getInt("failed")).isEqualTo(1);
        assertThat(record.getJsonObject("findings").getInt("overdue")).as("not permitted is not overdue").isZero();
        assertThat(record.getJsonObject("grade").getString("code")).isEqualTo("B");
        assertThat(publicEntry(district)).isNull();
    }

    @Test
    void whatIsRefusedSaysWhyAndStoresNothingAndOnlyTheInstituteSeesTheRecords() {
        String district = "诚信区" + UUID.randomUUID().toString().substring(0, 6);
        String trader = trader("北门五金店", district);

        var future = clerk.post(traderPath(trader) + "/commitment", "{\"signedBy\":\"赵六\",\"signedOn\":\""
                + TODAY.plusDays(1) + "\"}");
        assertThat(future.status()).isEqualTo(409);
        assertThat(future.object().getString("detail")).contains("不得晚于今天", TODAY.plusDays(1).toString());
        assertThat(clerk.post(traderPath(trader) + "/commitment", "{\"signedBy\":\" \",\"signedOn\":\"" + TODAY + "\"}")
                .object().getString("detail")).contains("签署");
        assertThat(clerk.post(traderPath(trader) + "/commitment", "{\"signedBy\":\"" + "长".repeat(101)
                + "\",\"signedOn\":\"" + TODAY + "\"}").status()).isEqualTo(400);
        var notSigned = clerk.post(traderPath(trader) + "/commitment/withdrawal", "{\"reason\":\"x\"}");
        assertThat(notSigned.status()).isEqualTo(409);
        assertThat(notSigned.object().getString("detail")).contains("北门五金店", "没有有效");
        assertThat(clerk.get(traderPath(trader)).object().containsKey("signedOn")).as("nothing stored").isFalse();

        ok(clerk.post(traderPath(trader) + "/commitment", "{\"signedBy\":\"赵六\",\"signedOn\":\"" + TODAY + "\"}"));
        var twice = clerk.post(traderPath(trader) + "/commitment", "{\"signedBy\":\"赵六\",\"signedOn\":\"" + TODAY + "\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.object().getString("detail")).contains("仍然有效", "先撤销");
        assertThat(clerk.post(traderPath(trader) + "/enforcement", "{\"decidedOn\":\"" + TODAY + "\",\"reference\":\"x\","
                + "\"outcome\":\"y\"}").status()).as("the quality manager records the authority's decisions").isEqualTo(403);
        assertThat(clerk.get(traderPath("NO-SUCH-TRADER")).status()).isEqualTo(404);

        // whose is it: the records are the institute's; a customer and an anonymous caller get none of them
        for (String path : List.of("/api/v1/integrity/traders", "/api/v1/integrity/enforcement-list", traderPath(trader),
                traderPath(trader) + "/enforcement")) {
            assertThat(LimsApi.as("customer").get(path).status()).as("customer " + path).isEqualTo(403);
            assertThat(LimsApi.as("technician").get(path).status()).as("technician " + path).isEqualTo(403);
            assertThat(LimsApi.anonymous().get(path).status()).as("anonymous " + path).isEqualTo(401);
        }
        assertThat(LimsApi.as("customer").post(traderPath(trader) + "/commitment/withdrawal", "{\"reason\":\"x\"}")
                .status()).isEqualTo(403);
        // the institute's pages: refused, not a server error, to staff whose work is elsewhere
        assertThat(LimsApi.as("technician").inSession().get("/integrity.xhtml").status()).isEqualTo(403);
        assertThat(LimsApi.as("checker").inSession().get("/coverage.xhtml").status()).isEqualTo(403);
        assertThat(LimsApi.as("approver").inSession().get("/figures.xhtml").status()).isEqualTo(403);
        assertThat(LimsApi.as("clerk").inSession().get("/targets.xhtml").status()).isEqualTo(403);
        assertThat(LimsApi.as("clerk").inSession().get("/free-verification.xhtml").status()).isEqualTo(403);
        assertThat(LimsApi.as("clerk").inSession().get("/integrity.xhtml").status()).isEqualTo(200);

        // the public page, without logging in: the trader in good standing, by name
        try (Browser browser = new Browser()) {
            browser.driver().get(LimsApi.BASE_URL + "/public/integrity.xhtml");
            assertThat(browser.driver().findElements(By.cssSelector("tr.public-integrity-row")).stream()
                    .map(r -> r.getText()).filter(t -> t.contains(district)).toList()).singleElement().asString()
                    .contains("北门五金店", "诚信计量良好", TODAY.toString()).doesNotContain(trader);
            assertThat(browser.text(By.id("public-integrity-intro"))).contains("诚信计量承诺书");
            browser.screenshot("integrity-public");
            browser.openAs("quality", "/integrity.xhtml");
            assertThat(browser.driver().findElements(By.cssSelector("tr.integrity-row")).stream().map(r -> r.getText())
                    .filter(t -> t.contains(trader)).toList()).singleElement().asString().contains("A", "诚信计量良好");
            assertThat(browser.text(By.id("integrity-definitions"))).contains("12");
            browser.screenshot("integrity");
        }
    }

    private String trader(String name, String district) {
        String code = "IR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var added = clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\","
                + "\"address\":\"" + district + "人民路 1 号\",\"district\":\"" + district + "\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        return code;
    }

    private static String traderPath(String code) {
        return "/api/v1/integrity/traders/" + code;
    }

    private static JsonObject ok(LimsApi.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    /** The public list's entry of the district's trader, or null. */
    private JsonObject publicEntry(String district) {
        var answer = passerBy.get("/api/v1/public/integrity", null, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Json.createReader(new StringReader(answer.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(e -> district.equals(e.getString("district", null))).findFirst().orElse(null);
    }
}
