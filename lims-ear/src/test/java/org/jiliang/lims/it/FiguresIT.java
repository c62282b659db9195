package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's 受检率: cycles of one district's instruments, verified in time, late, failed and still overdue, give the
 * figures their definitions say; verifications made elsewhere are recorded after the last one on record only; the
 * figures are the staff's.
 */
class FiguresIT {

    private static final LocalDate TODAY = ItDay.TODAY;

    private final LimsApi clerk = LimsApi.as("clerk");
    private final String owner = "FIG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final String district = "统计区" + owner.substring(4);

    private long scale(String serial, LocalDate lastVerified) {
        var reply = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + owner + "\",\"description\":"
                + "\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\"" + serial
                + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":\"III\","
                + "\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"},\"entry\":{\"legalCategory\":\"NAWI\","
                + "\"lastVerifiedOn\":\"" + lastVerified + "\",\"lastCertificate\":\"P-" + serial + "\"}}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object().getJsonNumber("id").longValue();
    }

    private LimsApi.Reply record(long id, LocalDate on, boolean passed) {
        return clerk.post("/api/v1/registry/instruments/" + id + "/verifications", "{\"verifiedOn\":\"" + on
                + "\",\"certificate\":\"EXT-" + on + "\",\"passed\":" + passed + "}");
    }

    @Test
    void theCyclesOfADistrictGiveItsComplianceByTheDefinitions() {
        assertThat(clerk.post("/api/v1/registry/customers", "{\"code\":\"" + owner + "\",\"name\":\"统计市场 " + owner
                + "\",\"address\":\"统计路 1 号\",\"district\":\"" + district + "\"}").status()).isEqualTo(200);
        // the year of these cycles: last year's, so that every due date below has come whatever today is
        int year = TODAY.getYear() - 1;
        LocalDate jan = LocalDate.of(year, 1, 10);
        long inTime = scale(owner + "-1", jan.minusYears(1));
        assertThat(record(inTime, jan.minusDays(5), true).status()).isEqualTo(200);
        long late = scale(owner + "-2", LocalDate.of(year - 1, 2, 1));
        assertThat(record(late, LocalDate.of(year, 3, 15), true).status()).isEqualTo(200);
        long failed = scale(owner + "-3", LocalDate.of(year - 1, 5, 1));
        var notice = record(failed, LocalDate.of(year, 4, 1), false);
        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.object().getJsonObject("register").getString("status")).isEqualTo("NOT_PERMITTED");
        scale(owner + "-4", LocalDate.of(year - 1, 6, 1)); // due in June, never verified: overdue

        assertThat(record(inTime, jan.minusDays(6), true).object().getString("error"))
                .as("not after the last on record").isEqualTo("error.instrument.verificationNotLater");
        assertThat(record(inTime, TODAY.plusDays(1), true).object().getString("error"))
                .isEqualTo("error.instrument.verifiedInFuture");

        var reply = LimsApi.as("quality").get("/api/v1/figures/compliance?year=" + year + "&by=DISTRICT&district="
                + district);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonObject total = reply.object().getJsonObject("total");
        assertThat(total.getInt("due")).isEqualTo(4);
        assertThat(total.getInt("onTime")).as("in time, and the failed one inspected in time").isEqualTo(2);
        assertThat(total.getInt("late")).isEqualTo(1);
        assertThat(total.getInt("open")).isEqualTo(1);
        assertThat(total.getJsonNumber("rate").bigDecimalValue()).isEqualByComparingTo("50.0");
        assertThat(total.getInt("verified")).isEqualTo(3);
        assertThat(total.getJsonNumber("passRate").bigDecimalValue()).isEqualByComparingTo("66.7");
        assertThat(reply.object().getJsonArray("rows")).hasSize(1);
        assertThat(reply.object().getJsonArray("rows").getJsonObject(0).getString("group")).isEqualTo(district);

        JsonObject byMonth = LimsApi.as("quality").get("/api/v1/figures/compliance?year=" + year + "&district="
                + district).object();
        assertThat(byMonth.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .map(r -> r.getString("group") + " " + r.getInt("due") + " " + r.getInt("onTime")).toList())
                .contains(year + "-01 1 1", year + "-02 1 0", year + "-05 1 1", year + "-06 1 0");
        assertThat(byMonth.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .map(r -> r.getString("group") + " verified " + r.getInt("verified") + " passed " + r.getInt("passed"))
                .toList()).as("verifications count in the month they were made, not the month their cycle was due")
                .contains(year + "-01 verified 1 passed 1", year + "-03 verified 1 passed 1",
                        year + "-04 verified 1 passed 0");
    }

    @Test
    void theFiguresAreTheStaffsAndRefuseWhatTheyCannotCount() {
        assertThat(LimsApi.as("customer").get("/api/v1/figures/compliance").status()).isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/figures/compliance").status()).isEqualTo(401);
        assertThat(LimsApi.as("technician").get("/api/v1/figures/compliance").status()).isEqualTo(403);
        assertThat(clerk.get("/api/v1/figures/compliance?by=WEEKDAY").status()).isEqualTo(400);
        var notANumber = clerk.get("/api/v1/figures/compliance?year=abc");
        assertThat(notANumber.status()).as("a year that is not a number is bad input, not a missing address")
                .isEqualTo(400);
        assertThat(notANumber.object().getString("error")).isEqualTo("error.api.parameter");
        assertThat(notANumber.object().getString("detail")).as("names the parameter and what was sent")
                .contains("year", "abc");
        var badPage = clerk.get("/api/v1/due?first=abc");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.object().getString("detail")).contains("first", "abc");
        assertThat(clerk.get("/api/v1/figures/no-such-figure").status()).as("an address that does not exist")
                .isEqualTo(404);
        var future = clerk.get("/api/v1/figures/compliance?year=" + (TODAY.getYear() + 1));
        assertThat(future.status()).as("the caller's query, not a conflict").isEqualTo(400);
        assertThat(future.object().getString("error")).isEqualTo("error.figures.year");
        JsonObject now = clerk.get("/api/v1/figures/compliance?by=CATEGORY").object();
        JsonObject total = now.getJsonObject("total");
        assertThat(total.getInt("due")).isEqualTo(total.getInt("onTime") + total.getInt("late") + total.getInt("open"));
        assertThat(now.getJsonArray("rows").stream().mapToInt(r -> ((JsonObject) r).getInt("due")).sum())
                .isEqualTo(total.getInt("due"));
    }
}
