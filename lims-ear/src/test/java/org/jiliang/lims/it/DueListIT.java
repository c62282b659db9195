package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the register under legal control derives due dates (never typed), the due list shows them by window,
 * category, district, site and owner, as JSON and CSV, to the institute and to the owner alone; a new catalogue
 * edition re-plans open cycles; status changes follow their rules.
 */
class DueListIT {

    private static final LocalDate TODAY = ItDay.TODAY;

    private final LimsApi clerk = LimsApi.as("clerk");
    private final String owner = "DUE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final String district = "北湖区" + owner.substring(4);

    private String registerOwnerWithSite() {
        var added = clerk.post("/api/v1/registry/customers", "{\"code\":\"" + owner + "\",\"name\":\"北湖农贸市场 " + owner
                + "\",\"address\":\"江海市北湖路 8 号\",\"district\":\"" + district + "\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(added.object().getString("district")).isEqualTo(district);
        var site = clerk.post("/api/v1/registry/customers/" + owner + "/sites", "{\"name\":\"北湖市场 A 区\","
                + "\"address\":\"北湖路 8 号 A 区\",\"district\":\"" + district + "\"}");
        assertThat(site.status()).as(site.text()).isEqualTo(200);
        return site.object().getString("name");
    }

    private LimsApi.Reply registerScale(String serial, int interval, String entry) {
        return clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + owner + "\",\"description\":\"电子计价秤\","
                + "\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\"" + serial + "\","
                + "\"mandatoryVerification\":true,\"intervalMonths\":" + interval + ",\"scale\":{\"accuracyClass\":"
                + "\"III\",\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"},\"entry\":" + entry + "}");
    }

    private static String entry(String asset, String site, LocalDate lastVerifiedOn) {
        return "{\"legalCategory\":\"NAWI\",\"assetNumber\":\"" + asset + "\",\"site\":\"" + site
                + "\",\"lastVerifiedOn\":\"" + lastVerifiedOn + "\",\"lastCertificate\":\"JHJD-PAPER-" + asset + "\"}";
    }

    private JsonObject due(LimsApi user, String query) {
        var reply = user.get("/api/v1/due?" + query);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    @Test
    void aVerificationOnRecordGivesTheDueDateAndTheDueListShowsItToTheInstituteAndTheOwnerAlone() {
        String site = registerOwnerWithSite();
        String serial = "DUE-" + UUID.randomUUID().toString().substring(0, 8);
        // verified 2026-03-01 on the catalogue's 12 months: due 2027-03-01
        var scale = registerScale(serial, 12, entry("A-001", site, LocalDate.of(2026, 3, 1)));
        assertThat(scale.status()).as(scale.text()).isEqualTo(200);
        assertThat(scale.object().getString("nextDueDate")).isEqualTo("2027-03-01");
        JsonObject register = scale.object().getJsonObject("register");
        assertThat(register.getString("legalCategory")).isEqualTo("NAWI");
        assertThat(register.getString("status")).isEqualTo("IN_SERVICE");
        assertThat(register.getString("site")).isEqualTo(site);
        assertThat(register.getString("district")).isEqualTo(district);
        assertThat(register.getString("lastCertificate")).isEqualTo("JHJD-PAPER-A-001");
        String history = "/api/v1/instruments/" + scale.object().getJsonNumber("id") + "/verifications";
        var verifications = clerk.get(history);
        assertThat(verifications.status()).as(verifications.text()).isEqualTo(200);
        assertThat(verifications.array()).singleElement().satisfies(v -> {
            assertThat(((JsonObject) v).getString("verifiedOn")).isEqualTo("2026-03-01");
            assertThat(((JsonObject) v).getString("openedDue")).isEqualTo("2027-03-01");
        });
        assertThat(LimsApi.as("customer").get(history).status()).as("another owner's").isEqualTo(404);
        assertThat(LimsApi.anonymous().get(history).status()).isEqualTo(401);

        // an instrument verified a year and three days ago is overdue
        String late = "DUE-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate lateVerification = TODAY.minusMonths(12).minusDays(3);
        var overdue = registerScale(late, 12, entry("A-002", site, lateVerification));
        assertThat(overdue.status()).as(overdue.text()).isEqualTo(200);
        LocalDate lateDue = lateVerification.plusMonths(12);
        assertThat(lateDue).isBefore(TODAY);

        JsonObject overdueList = due(clerk, "window=OVERDUE&owner=" + owner);
        assertThat(overdueList.getInt("total")).isEqualTo(1);
        JsonObject row = overdueList.getJsonArray("rows").getJsonObject(0);
        assertThat(row.getString("serialNumber")).isEqualTo(late);
        assertThat(row.getString("nextDueDate")).isEqualTo(lateDue.toString());
        assertThat(row.getJsonNumber("daysLeft").longValue()).isNegative();
        assertThat(row.getString("categoryName")).contains("非自动秤");
        assertThat(row.getString("district")).isEqualTo(district);

        JsonObject all = due(clerk, "owner=" + owner);
        assertThat(all.getInt("total")).isEqualTo(2);
        assertThat(all.getJsonArray("rows").getJsonObject(0).getString("serialNumber"))
                .as("the most urgent first").isEqualTo(late);
        assertThat(due(clerk, "district=" + district + "&category=NAWI").getInt("total")).isEqualTo(2);
        assertThat(all.getBoolean("atLeast")).as("a selection this small is counted exactly").isFalse();

        // the market's site moves to the next district: its instruments with it, in the list and its filter
        String moved = "南湖区" + owner.substring(4);
        var site2 = clerk.post("/api/v1/registry/customers/" + owner + "/sites", "{\"name\":\"" + site + "\","
                + "\"address\":\"南湖路 1 号\",\"district\":\"" + moved + "\"}");
        assertThat(site2.status()).as(site2.text()).isEqualTo(200);
        assertThat(due(clerk, "district=" + district).getInt("total")).isZero();
        assertThat(due(clerk, "district=" + moved).getJsonArray("rows").stream()
                .map(r -> ((JsonObject) r).getString("district")).toList()).containsExactly(moved, moved);
        // and back: the owner's own district is unchanged for it
        assertThat(clerk.post("/api/v1/registry/customers/" + owner + "/sites", "{\"name\":\"" + site + "\","
                + "\"address\":\"北湖路 8 号 A 区\",\"district\":\"" + district + "\"}").status()).isEqualTo(200);
        assertThat(due(clerk, "district=" + district + "&category=NAWI").getInt("total")).isEqualTo(2);
        assertThat(due(clerk, "site=" + site.replace(" ", "%20") + "&owner=" + owner).getInt("total")).isEqualTo(2);
        assertThat(due(clerk, "category=FUEL_DISPENSER&owner=" + owner).getInt("total")).isZero();
        boolean withinNinety = !LocalDate.of(2027, 3, 1).isAfter(TODAY.plusDays(90));
        assertThat(due(clerk, "window=WITHIN_90&owner=" + owner).getInt("total")).isEqualTo(withinNinety ? 1 : 0);
        assertThat(due(clerk, "window=WITHIN_30&owner=" + owner).getInt("total")).isZero();

        var csv = clerk.get("/api/v1/due/list.csv?owner=" + owner);
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("next_due_date,days_left,owner_code", serial, late, "2027-03-01",
                "JHJD-PAPER-A-001");

        var xlsx = clerk.get("/api/v1/due/list.xlsx?owner=" + owner);
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("a heading and two rows").isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("下次检定日期");
            assertThat(sheet.getRow(1).getCell(10).getStringCellValue()).isEqualTo(late);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("2027-03-01");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        // whose is it: another owner's user, whatever owner they name, sees none of it; nobody logged in, nothing
        JsonObject foreign = due(LimsApi.as("customer"), "owner=" + owner);
        assertThat(foreign.getInt("total")).isZero();
        assertThat(due(LimsApi.as("customer"), "text=" + serial).getInt("total")).isZero();
        assertThat(new String(LimsApi.as("customer").get("/api/v1/due/list.csv?owner=" + owner).body(),
                StandardCharsets.UTF_8)).doesNotContain(serial).doesNotContain(late);
        assertThat(LimsApi.anonymous().get("/api/v1/due?owner=" + owner).status()).isEqualTo(401);
        assertThat(LimsApi.anonymous().get("/api/v1/due/list.csv?owner=" + owner).status()).isEqualTo(401);
        assertThat(LimsApi.anonymous().get("/api/v1/due/list.xlsx?owner=" + owner).status()).isEqualTo(401);
        assertThat(LimsApi.as("checker").get("/api/v1/due?owner=" + owner).status()).isEqualTo(403);
        // the demo customer sees its own instruments and their due dates
        JsonObject own = due(LimsApi.as("customer"), "");
        assertThat(own.getInt("total")).isPositive();
        assertThat(own.getJsonArray("rows")).allSatisfy(r -> assertThat(((JsonObject) r).getString("ownerCode"))
                .isEqualTo("C0001"));
    }

    @Test
    void whatTheRegisterRefusesIsRefusedWithItsReasonAndNothingIsStored() {
        String site = registerOwnerWithSite();
        var longer = registerScale("DUE-" + UUID.randomUUID().toString().substring(0, 8), 24,
                entry("B-001", site, LocalDate.of(2026, 3, 1)));
        assertThat(longer.status()).isEqualTo(409);
        assertThat(longer.object().getString("error")).isEqualTo("error.instrument.intervalLonger");
        assertThat(longer.object().getString("detail")).contains("JJG 539-2016", "12");

        assertThat(registerScale("DUE-" + UUID.randomUUID().toString().substring(0, 8), 12,
                entry("B-002", "没有这个地点", LocalDate.of(2026, 3, 1))).object().getString("error"))
                .isEqualTo("error.instrument.unknownSite");
        assertThat(registerScale("DUE-" + UUID.randomUUID().toString().substring(0, 8), 12,
                entry("B-003", site, TODAY.plusDays(1))).object().getString("error"))
                .isEqualTo("error.instrument.verifiedInFuture");
        assertThat(registerScale("DUE-" + UUID.randomUUID().toString().substring(0, 8), 12,
                "{\"legalCategory\":\"NO_SUCH\"}").object().getString("error"))
                .isEqualTo("error.instrument.unknownCategory");
        assertThat(registerScale("DUE-" + UUID.randomUUID().toString().substring(0, 8), 12,
                "{\"lastVerifiedOn\":\"2026-02-30\"}").status()).as("not a date").isEqualTo(400);
        assertThat(due(clerk, "owner=" + owner).getInt("total")).as("nothing refused was stored").isZero();

        assertThat(registerScale("DUE-" + UUID.randomUUID().toString().substring(0, 8), 12,
                entry("B-004", site, LocalDate.of(2026, 3, 1))).status()).isEqualTo(200);
        var sameAsset = registerScale("DUE-" + UUID.randomUUID().toString().substring(0, 8), 12,
                entry("B-004", site, LocalDate.of(2026, 3, 1)));
        assertThat(sameAsset.object().getString("error")).isEqualTo("error.instrument.assetTaken");
        assertThat(due(clerk, "owner=" + owner).getInt("total")).isEqualTo(1);

        assertThat(clerk.get("/api/v1/due?window=SOON").object().getString("error")).isEqualTo("error.due.window");
        assertThat(clerk.get("/api/v1/due?max=5000").status()).isEqualTo(400);
        assertThat(clerk.get("/api/v1/due?sort=password").object().getString("error")).isEqualTo("error.list.sort");
    }

    @Test
    void outOfServiceLeavesTheDueListAndNotPermittedIsNotSetByHand() {
        String site = registerOwnerWithSite();
        var scale = registerScale("DUE-" + UUID.randomUUID().toString().substring(0, 8), 12,
                entry("C-001", site, LocalDate.of(2026, 3, 1)));
        long id = scale.object().getJsonNumber("id").longValue();
        String path = "/api/v1/registry/instruments/" + id + "/status";
        assertThat(clerk.post(path, "{\"status\":\"OUT_OF_SERVICE\"}").object().getString("error"))
                .as("a reason is required").isEqualTo("error.instrument.statusReason");
        var stored = clerk.post(path, "{\"status\":\"OUT_OF_SERVICE\",\"reason\":\"送修 sent for repair\"}");
        assertThat(stored.status()).as(stored.text()).isEqualTo(200);
        assertThat(due(clerk, "owner=" + owner).getInt("total")).isZero();
        JsonObject audit = AccountAdministrationIT.lastAuditEntry(Long.toString(id), "instrument.statusChanged");
        assertThat(audit.getString("reason")).isEqualTo("送修 sent for repair");
        assertThat(audit.getString("newValue")).contains("status=OUT_OF_SERVICE");
        assertThat(clerk.post(path, "{\"status\":\"NOT_PERMITTED\",\"reason\":\"x\"}").object().getString("error"))
                .isEqualTo("error.instrument.statusByHand");
        assertThat(clerk.post(path, "{\"status\":\"IN_SERVICE\",\"reason\":\"repaired\"}").status()).isEqualTo(200);
        assertThat(due(clerk, "owner=" + owner).getInt("total")).isEqualTo(1);
        assertThat(clerk.post(path, "{\"status\":\"SCRAPPED\",\"reason\":\"beyond repair\"}").status()).isEqualTo(200);
        assertThat(clerk.post(path, "{\"status\":\"IN_SERVICE\",\"reason\":\"again\"}").object().getString("error"))
                .isEqualTo("error.instrument.scrapped");
        assertThat(LimsApi.as("customer").post(path, "{\"status\":\"SCRAPPED\",\"reason\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(clerk.post(path, "{\"status\":\"BROKEN\",\"reason\":\"x\"}").status()).isEqualTo(400);
    }

    @Test
    void aShorterIntervalInALaterEditionReplansTheOpenCycleFromItsEffectiveDate() {
        LimsApi quality = LimsApi.as("quality");
        String code = "IT_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
        String first = edition("IT-1", TODAY, 12);
        assertThat(clerk.post("/api/v1/catalogue/" + code + "/editions", first).status()).as("not the clerk's")
                .isEqualTo(403);
        var registered = quality.post("/api/v1/catalogue/" + code + "/editions", first);
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        assertThat(quality.get("/api/v1/catalogue").text()).contains(code, "NAWI", "JJG 539-2016");

        String site = registerOwnerWithSite();
        String serial = "DUE-" + UUID.randomUUID().toString().substring(0, 8);
        var scale = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + owner + "\",\"description\":"
                + "\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\"" + serial
                + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":\"III\","
                + "\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"},\"entry\":{\"legalCategory\":\"" + code
                + "\",\"site\":\"" + site + "\",\"lastVerifiedOn\":\"2026-03-01\",\"lastCertificate\":\"P-1\"}}");
        assertThat(scale.status()).as(scale.text()).isEqualTo(200);
        assertThat(scale.object().getString("nextDueDate")).isEqualTo("2027-03-01");

        // a past effective date would rewrite history: refused
        assertThat(quality.post("/api/v1/catalogue/" + code + "/editions", edition("IT-0", TODAY.minusDays(1), 6))
                .object().getString("error")).isEqualTo("error.catalogue.effectiveFrom");
        LocalDate effective = TODAY.plusDays(10);
        var shorter = quality.post("/api/v1/catalogue/" + code + "/editions", edition("IT-2", effective, 6));
        assertThat(shorter.status()).as(shorter.text()).isEqualTo(200);
        // 2026-03-01 + 6 months has passed before the new edition applies: due on its first day, not overdue now
        JsonObject row = due(clerk, "owner=" + owner).getJsonArray("rows").getJsonObject(0);
        LocalDate expected = LocalDate.of(2026, 9, 1).isBefore(effective) ? effective : LocalDate.of(2026, 9, 1);
        assertThat(row.getString("nextDueDate")).isEqualTo(expected.toString());
        assertThat(AccountAdministrationIT.lastAuditEntry(code, "instrument.replanned").getString("newValue"))
                .contains("1 instruments re-planned with edition IT-2");
        assertThat(quality.get("/api/v1/catalogue/" + code + "/editions").array()).hasSize(2);
        assertThat(quality.get("/api/v1/catalogue/NO_SUCH/editions").status()).isEqualTo(404);
        assertThat(quality.post("/api/v1/catalogue/" + code + "/editions", edition("IT-3", effective, 6)).object()
                .getString("error")).isEqualTo("error.catalogue.notLater");
    }

    private static String edition(String edition, LocalDate effective, int months) {
        return "{\"edition\":\"" + edition + "\",\"effectiveFrom\":\"" + effective + "\",\"nameZh\":\"测试类别\","
                + "\"nameEn\":\"Test category\",\"supervision\":\"V\",\"regulation\":\"JJG 539-2016\","
                + "\"intervalMonths\":" + months + ",\"onSite\":true,\"recallDays\":30,\"source\":\"integration test\"}";
    }
}
