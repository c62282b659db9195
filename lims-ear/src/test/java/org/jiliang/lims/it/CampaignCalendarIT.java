package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's campaigns and calendar through the API: a campaign selects the district's due scales, opens their
 * jobs in one batch planned on site, refuses to select them twice, counts what was not found; the calendar moves a
 * job, refuses a technician not authorized that day, a full day, and a day when the bench's standard is no longer
 * valid; the institute's standards falling due are its recalibration plan; the customer has none of it.
 */
class CampaignCalendarIT {

    private static final LocalDate TODAY = ItDay.TODAY;

    private final LimsApi clerk = LimsApi.as("clerk");
    private final String owner = "CMP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final String district = "活动区" + owner.substring(4);

    private long scale(String serial, LocalDate lastVerified) {
        var reply = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + owner + "\",\"description\":"
                + "\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\"" + serial
                + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":\"III\","
                + "\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"},\"entry\":{\"legalCategory\":\"NAWI\","
                + "\"site\":\"摊位区\",\"lastVerifiedOn\":\"" + lastVerified + "\",\"lastCertificate\":\"P-" + serial
                + "\"}}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object().getJsonNumber("id").longValue();
    }

    private String campaign(String name, LocalDate planned) {
        return "{\"name\":\"" + name + "\",\"category\":\"NAWI\",\"district\":\"" + district + "\",\"dueUntil\":\""
                + TODAY.plusDays(30) + "\",\"plannedDate\":\"" + planned + "\",\"onSite\":true,\"site\":\"摊位区\"}";
    }

    @Test
    void aCampaignOpensTheJobsOfItsSelectionOnceAndFollowsThem() {
        assertThat(clerk.post("/api/v1/registry/customers", "{\"code\":\"" + owner + "\",\"name\":\"活动市场 " + owner
                + "\",\"address\":\"活动路 1 号\",\"district\":\"" + district + "\"}").status()).isEqualTo(200);
        assertThat(clerk.post("/api/v1/registry/customers/" + owner + "/sites", "{\"name\":\"摊位区\",\"district\":\""
                + district + "\"}").status()).isEqualTo(200);
        List<Long> due = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            due.add(scale(owner + "-" + i, TODAY.minusMonths(12).plusDays(10 * i)));
        }
        scale(owner + "-9", TODAY.minusMonths(2)); // due in ten months: not selected
        LocalDate planned = TODAY.plusDays(7);

        var preview = clerk.post("/api/v1/campaigns/preview", campaign("北湖市场免费检定", planned));
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.object().getInt("count")).isEqualTo(3);
        var created = clerk.post("/api/v1/campaigns", campaign("北湖市场免费检定", planned));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        JsonObject progress = created.object().getJsonObject("progress");
        assertThat(progress.getInt("instruments")).isEqualTo(3);
        assertThat(progress.getInt("planned")).isEqualTo(3);
        assertThat(progress.getInt("withoutJob")).isZero();
        long id = created.object().getJsonNumber("id").longValue();

        var items = clerk.get("/api/v1/campaigns/" + id + "/items").object().getJsonArray("rows");
        assertThat(items).hasSize(3).allSatisfy(i -> {
            assertThat(((JsonObject) i).getString("jobNumber")).startsWith("JD");
            assertThat(((JsonObject) i).getString("jobState")).isEqualTo("RECEIVED");
        });
        var again = clerk.post("/api/v1/campaigns", campaign("再来一次", planned));
        assertThat(again.object().getString("error")).as("their jobs are open").isEqualTo("error.campaign.empty");

        var notFound = clerk.post("/api/v1/campaigns/" + id + "/items/" + due.get(2) + "/not-found",
                "{\"reason\":\"摊位已撤 the stall is gone\"}");
        assertThat(notFound.status()).as(notFound.text()).isEqualTo(200);
        assertThat(notFound.object().getJsonObject("progress").getInt("notFound")).isEqualTo(1);
        assertThat(notFound.object().getJsonObject("progress").getInt("planned")).isEqualTo(2);

        var calendar = clerk.get("/api/v1/calendar/jobs?from=" + planned + "&to=" + planned);
        assertThat(calendar.status()).as(calendar.text()).isEqualTo(200);
        assertThat(calendar.array().stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("owner").startsWith("活动市场 " + owner)).toList())
                .hasSize(3).allSatisfy(e -> {
                    assertThat(e.getBoolean("onSite")).isTrue();
                    assertThat(e.getString("location")).isEqualTo("摊位区");
                });

        // the field kits' calendar: the campaign's on-site jobs; no bench has them
        assertThat(clerk.get("/api/v1/calendar/jobs?from=" + planned + "&to=" + planned + "&bench=on-site").array()
                .stream().map(JsonObject.class::cast).filter(e -> e.getString("owner").startsWith("活动市场 " + owner))
                .toList()).hasSize(3);
        assertThat(clerk.get("/api/v1/calendar/jobs?from=" + planned + "&to=" + planned + "&bench=BAL-01").array()
                .stream().map(JsonObject.class::cast).filter(e -> e.getString("owner").startsWith("活动市场 " + owner))
                .toList()).isEmpty();

        // whose is it: the campaigns and the calendar are the institute's
        assertThat(LimsApi.as("customer").get("/api/v1/campaigns/" + id).status()).isEqualTo(403);
        assertThat(LimsApi.as("customer").get("/api/v1/calendar/jobs?from=" + planned + "&to=" + planned).status())
                .isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/campaigns").status()).isEqualTo(401);
        assertThat(clerk.get("/api/v1/campaigns/999999999").status()).isEqualTo(404);
    }

    @Test
    void theCalendarRefusesAnUnauthorizedTechnicianAFullDayAndAStandardOutOfDate() {
        assertThat(clerk.post("/api/v1/registry/customers", "{\"code\":\"" + owner + "\",\"name\":\"日历市场 " + owner
                + "\",\"address\":\"日历路 1 号\",\"district\":\"" + district + "\"}").status()).isEqualTo(200);
        assertThat(clerk.post("/api/v1/registry/customers/" + owner + "/sites", "{\"name\":\"摊位区\",\"district\":\""
                + district + "\"}").status()).isEqualTo(200);
        for (int i = 1; i <= 10; i++) {
            scale(owner + "-" + i, TODAY.minusMonths(12).plusDays(5));
        }
        long id = clerk.post("/api/v1/campaigns", campaign("日历测试", TODAY.plusDays(14))).object()
                .getJsonNumber("id").longValue();
        List<Long> jobs = clerk.get("/api/v1/calendar/jobs?from=" + TODAY.plusDays(14) + "&to=" + TODAY.plusDays(14))
                .array().stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("owner").startsWith("日历市场 " + owner))
                .map(e -> e.getJsonNumber("jobId").longValue()).toList();
        assertThat(jobs).hasSize(10);

        // technician2's JJG 539 authorization expired: refused with the reason, nothing changed
        var unauthorized = clerk.put("/api/v1/calendar/jobs/" + jobs.get(0), "{\"day\":\"" + TODAY.plusDays(20)
                + "\",\"technician\":\"technician2\"}");
        assertThat(unauthorized.status()).isEqualTo(409);
        assertThat(unauthorized.object().getString("error")).startsWith("error.authorization");

        // a day far enough ahead that nothing else is planned for technician: 8 jobs fit, the 9th is refused
        LocalDate busy = TODAY.plusDays(60 + (int) (id % 100));
        for (int i = 0; i < 8; i++) {
            var planned = clerk.put("/api/v1/calendar/jobs/" + jobs.get(i), "{\"day\":\"" + busy
                    + "\",\"technician\":\"technician\"}");
            assertThat(planned.status()).as(planned.text()).isEqualTo(200);
            assertThat(planned.object().getString("day")).isEqualTo(busy.toString());
        }
        var full = clerk.put("/api/v1/calendar/jobs/" + jobs.get(8), "{\"day\":\"" + busy
                + "\",\"technician\":\"technician\"}");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.object().getString("error")).isEqualTo("error.calendar.full");
        assertThat(full.object().getString("detail")).contains("8");
        var loads = clerk.get("/api/v1/calendar/loads?from=" + busy + "&to=" + busy).array();
        assertThat(loads.stream().map(JsonObject.class::cast)
                .filter(l -> l.getString("technician").equals("technician")).findFirst().orElseThrow()
                .getInt("jobs")).isEqualTo(8);

        // a bench whose standard falls due in 20 days: the job may be planned before, not after
        String device = "CAL-" + owner.substring(4);
        assertThat(LimsApi.as("admin").post("/api/v1/devices", "{\"code\":\"" + device + "\",\"name\":\"日历检定台\","
                + "\"protocol\":\"mt-sics\",\"host\":\"127.0.0.1\",\"port\":9,\"pollCommand\":\"SI\"}").status())
                .isEqualTo(200);
        String standard = "STD-" + owner.substring(4);
        LimsApi quality = LimsApi.as("quality");
        assertThat(quality.post("/api/v1/standards", "{\"code\":\"" + standard + "\",\"name\":\"F1 砝码组 / F1 weights\","
                + "\"accuracy\":\"F1\",\"serialNumber\":\"WS-CAL\",\"certificateNumber\":\"JZJ-CAL\",\"traceableTo\":"
                + "\"上级计量机构\",\"calibratedOn\":\"" + TODAY.minusMonths(11) + "\",\"dueDate\":\""
                + TODAY.plusDays(20) + "\"}").status()).isEqualTo(200);
        assertThat(quality.put("/api/v1/standards/" + standard + "/device", "{\"device\":\"" + device + "\"}").status())
                .isEqualTo(200);
        long benchJob = jobs.get(9);
        var assigned = clerk.post("/api/v1/jobs/" + benchJob + "/assignment", "{\"technician\":\"technician\","
                + "\"benchDevice\":\"" + device + "\"}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        assertThat(clerk.put("/api/v1/calendar/jobs/" + benchJob, "{\"day\":\"" + TODAY.plusDays(15) + "\"}").status())
                .isEqualTo(200);
        var late = clerk.put("/api/v1/calendar/jobs/" + benchJob, "{\"day\":\"" + TODAY.plusDays(25) + "\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.object().getString("error")).isEqualTo("error.calendar.standardInvalid");
        assertThat(late.object().getString("detail")).contains(standard);

        // the bench's calendar shows its job, and only jobs done at it
        assertThat(clerk.get("/api/v1/calendar/jobs?from=" + TODAY.plusDays(15) + "&to=" + TODAY.plusDays(15)
                + "&bench=" + device).array().stream().map(JsonObject.class::cast)
                .map(e -> e.getJsonNumber("jobId").longValue() + " " + e.getString("benchDevice")).toList())
                .containsExactly(benchJob + " " + device);
        assertThat(clerk.get("/api/v1/calendar/benches").array().stream()
                .map(b -> ((JsonObject) b).getString("code")).toList()).contains(device);
        assertThat(LimsApi.as("customer").get("/api/v1/calendar/benches").status()).isEqualTo(403);

        // the standard suspended after the job was planned: the calendar flags the job
        assertThat(quality.post("/api/v1/standards/" + standard + "/suspend", "{\"reason\":\"dropped\"}").status())
                .isEqualTo(200);
        JsonObject flagged = clerk.get("/api/v1/calendar/jobs?from=" + TODAY.plusDays(15) + "&to=" + TODAY.plusDays(15))
                .array().stream().map(JsonObject.class::cast)
                .filter(e -> e.getJsonNumber("jobId").longValue() == benchJob).findFirst().orElseThrow();
        assertThat(flagged.getString("warning")).contains(standard);

        var plan = clerk.get("/api/v1/calendar/recalibration-plan.csv?year=" + TODAY.plusDays(20).getYear());
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.text()).contains(standard, TODAY.plusDays(20).toString());
        assertThat(LimsApi.as("customer").put("/api/v1/calendar/jobs/" + benchJob, "{\"day\":\"" + TODAY.plusDays(15)
                + "\"}").status()).isEqualTo(403);
        assertThat(clerk.get("/api/v1/calendar/jobs?from=" + TODAY + "&to=" + TODAY.plusDays(400)).status())
                .as("at most 93 days").isEqualTo(409);
    }
}
