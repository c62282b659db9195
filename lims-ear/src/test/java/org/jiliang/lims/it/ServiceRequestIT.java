package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a customer books the verification of their instruments over the API, the intake desk accepts (each
 * instrument received into a job) or declines with a reason, the customer follows it. Another customer and an
 * anonymous caller get nothing, whatever number or instrument id they try; a refused booking stores nothing.
 */
class ServiceRequestIT {

    private static final LocalDate TODAY = ItDay.TODAY;

    @Test
    void bookedAcceptedIntoJobsAndFollowedByTheCustomerOnly() {
        LimsApi customer = LimsApi.as("customer");
        List<Long> mine = bookable("C0001", 2);
        JsonObject booked = book(customer, mine, TODAY.plusDays(7), "ON_SITE", "请到二号仓库，联系人王工");
        String number = booked.getString("number");
        assertThat(number).matches("SQ\\d{4}-\\d{5}");
        assertThat(booked.getString("state")).isEqualTo("SUBMITTED");
        assertThat(booked.getString("customerCode")).isEqualTo("C0001");
        assertThat(booked.getJsonArray("items")).hasSize(2).allSatisfy(i -> {
            assertThat(((JsonObject) i).getString("service")).isEqualTo("VERIFICATION");
            assertThat(((JsonObject) i).containsKey("jobNumber")).as("no job yet").isFalse();
        });

        // nobody else sees it or touches it
        LimsApi other = LimsApi.as("customer2");
        assertThat(other.get("/api/v1/requests/" + number).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/requests/" + number + "/cancellation", "{}").status()).isEqualTo(404);
        assertThat(numbers(other.get("/api/v1/requests?max=200").object())).doesNotContain(number);
        assertThat(LimsApi.anonymous().get("/api/v1/requests/" + number).status()).isEqualTo(401);
        assertThat(LimsApi.as("technician").get("/api/v1/requests").status()).isEqualTo(403);
        assertThat(LimsApi.as("customer").get("/api/v1/requests/" + number).object().getString("state"))
                .as("unchanged by the other customer's attempt").isEqualTo("SUBMITTED");
        // an instrument already in an open request is not booked twice
        var twice = customer.post("/api/v1/requests", booking(List.of(mine.get(0)), TODAY.plusDays(9), "LAB", null));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.object().getString("detail")).contains(number);

        LimsApi clerk = LimsApi.as("clerk");
        assertThat(numbers(clerk.get("/api/v1/requests?state=SUBMITTED&max=200").object())).contains(number);
        var accepted = clerk.post("/api/v1/requests/" + number + "/acceptance",
                "{\"verificationType\":\"SUBSEQUENT\",\"plannedDate\":\"" + TODAY.plusDays(8) + "\",\"version\":"
                        + booked.getJsonNumber("version").longValue() + "}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        JsonObject request = accepted.object();
        assertThat(request.getString("state")).isEqualTo("ACCEPTED");
        assertThat(request.getString("plannedDate")).isEqualTo(TODAY.plusDays(8).toString());
        assertThat(request.getString("decidedBy")).isEqualTo("clerk");
        List<String> jobs = new ArrayList<>();
        for (JsonValue v : request.getJsonArray("items")) {
            JsonObject item = (JsonObject) v;
            assertThat(item.getString("jobNumber")).matches("J[A-Z]*\\d{4}-\\d{5}");
            assertThat(item.getString("jobState")).isEqualTo("RECEIVED");
            jobs.add(item.getString("jobNumber"));
        }
        // the jobs are the desk's to assign, with the type the desk chose
        String jobList = clerk.get("/api/v1/jobs").text();
        assertThat(jobList).contains(jobs);

        // the customer follows it; a decision is final: no second acceptance, no cancellation now
        JsonObject followed = customer.get("/api/v1/requests/" + number).object();
        assertThat(followed.getString("stage")).isEqualTo("ACCEPTED");
        assertThat(followed.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(i -> i.getString("jobNumber")).containsExactlyElementsOf(jobs);
        var again = clerk.post("/api/v1/requests/" + number + "/acceptance", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.object().getString("detail")).contains("ACCEPTED");
        assertThat(customer.post("/api/v1/requests/" + number + "/cancellation", "{}").status()).isEqualTo(409);
        assertThat(clerk.get("/api/v1/jobs").text().split("\"" + jobs.get(0) + "\"", -1)).as("no second job")
                .hasSize(2);

        JsonArray trail = LimsApi.as("quality").get("/api/v1/audit?count=200").array();
        assertThat(trail.getValuesAs(JsonObject.class)).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("request.accepted");
            assertThat(e.getString("recordId")).isEqualTo(number);
            assertThat(e.getString("actor")).isEqualTo("clerk");
            assertThat(e.getString("newValue")).contains(jobs.get(0));
        }).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("request.booked");
            assertThat(e.getString("actor")).isEqualTo("customer");
        });
    }

    @Test
    void declinedWithAReasonOrCancelledByTheCustomer() {
        LimsApi customer = LimsApi.as("customer");
        List<Long> mine = bookable("C0001", 2);
        String declined = book(customer, mine.subList(0, 1), TODAY.plusDays(3), "LAB", null).getString("number");
        String cancelled = book(customer, mine.subList(1, 2), TODAY, "LAB", null).getString("number");

        LimsApi clerk = LimsApi.as("clerk");
        var noReason = clerk.post("/api/v1/requests/" + declined + "/decline", "{\"reason\":\"\"}");
        assertThat(noReason.status()).isEqualTo(400);
        var decline = clerk.post("/api/v1/requests/" + declined + "/decline",
                "{\"reason\":\"该日期实验室已排满，请改选下周\"}");
        assertThat(decline.status()).as(decline.text()).isEqualTo(200);
        JsonObject seen = customer.get("/api/v1/requests/" + declined).object();
        assertThat(seen.getString("stage")).isEqualTo("DECLINED");
        assertThat(seen.getString("declineReason")).isEqualTo("该日期实验室已排满，请改选下周");
        assertThat(seen.getJsonArray("items").getJsonObject(0).containsKey("jobNumber")).isFalse();

        var cancel = customer.post("/api/v1/requests/" + cancelled + "/cancellation", "{}");
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        assertThat(cancel.object().getString("state")).isEqualTo("CANCELLED");
        assertThat(clerk.post("/api/v1/requests/" + cancelled + "/acceptance", "{}").status()).isEqualTo(409);
        // once decided or cancelled, the instrument may be booked again
        var rebooked = customer.post("/api/v1/requests", booking(mine.subList(0, 1), TODAY.plusDays(10), "LAB", null));
        assertThat(rebooked.status()).as(rebooked.text()).isEqualTo(200);
        assertThat(customer.post("/api/v1/requests/" + rebooked.object().getString("number") + "/cancellation", "{}")
                .status()).isEqualTo(200);
    }

    @Test
    void refusedBookingsSayWhyAndStoreNothing() {
        LimsApi customer = LimsApi.as("customer");
        List<Long> mine = bookable("C0001", 1);
        long othersInstrument = bookable("C0002", 1).get(0);
        long before = customer.get("/api/v1/requests?max=1").object().getJsonNumber("total").longValue();

        var foreign = customer.post("/api/v1/requests", booking(List.of(mine.get(0), othersInstrument),
                TODAY.plusDays(5), "LAB", null));
        assertThat(foreign.status()).as("another customer's instrument does not exist for them").isEqualTo(404);
        assertThat(foreign.object().getString("detail")).contains(String.valueOf(othersInstrument))
                .doesNotContain("华", "C0002");
        assertThat(customer.post("/api/v1/requests", booking(List.of(999_999_999L), TODAY, "LAB", null)).status())
                .isEqualTo(404);
        var past = customer.post("/api/v1/requests", booking(mine, TODAY.minusDays(1), "LAB", null));
        assertThat(past.status()).isEqualTo(409);
        assertThat(past.object().getString("detail")).contains(TODAY.toString());
        assertThat(customer.post("/api/v1/requests", booking(mine, TODAY.plusYears(2), "LAB", null)).status())
                .isEqualTo(409);
        assertThat(customer.post("/api/v1/requests", booking(List.of(), TODAY, "LAB", null)).status()).isEqualTo(400);
        List<Long> tooMany = IntStream.rangeClosed(1, 51).mapToObj(Long::valueOf).toList();
        assertThat(customer.post("/api/v1/requests", booking(tooMany, TODAY, "LAB", null)).status()).isEqualTo(400);
        var moon = customer.post("/api/v1/requests", booking(mine, TODAY, "MOON", null));
        assertThat(moon.status()).isEqualTo(400);
        assertThat(moon.text()).contains("place");
        assertThat(customer.post("/api/v1/requests", booking(mine, TODAY, "LAB", "x".repeat(501))).status())
                .isEqualTo(400);
        assertThat(LimsApi.as("clerk").post("/api/v1/requests", booking(mine, TODAY, "LAB", null)).status())
                .as("the desk receives instruments directly").isEqualTo(403);
        assertThat(LimsApi.anonymous().post("/api/v1/requests", booking(mine, TODAY, "LAB", null)).status())
                .isEqualTo(401);

        assertThat(customer.get("/api/v1/requests?max=1").object().getJsonNumber("total").longValue())
                .as("nothing stored half-done").isEqualTo(before);
    }

    @Test
    void noRequestNumberOfAnotherCustomerAnswers() {
        LimsApi customer = LimsApi.as("customer");
        String own = book(customer, bookable("C0001", 1), TODAY.plusDays(2), "LAB", null).getString("number");
        int last = Integer.parseInt(own.substring(own.indexOf('-') + 1));
        String prefix = own.substring(0, own.indexOf('-') + 1);
        LimsApi other = LimsApi.as("customer2");
        int answered = 0;
        for (int n = 1; n <= last + 5; n++) {
            String number = prefix + String.format("%05d", n);
            for (String path : List.of("", "/cancellation")) {
                var reply = path.isEmpty() ? other.get("/api/v1/requests/" + number)
                        : other.post("/api/v1/requests/" + number + path, "{}");
                if (reply.status() != 404) {
                    answered++;
                }
            }
        }
        assertThat(answered).as("requests of customer C0001 answered to customer2").isZero();
        assertThat(customer.post("/api/v1/requests/" + own + "/cancellation", "{}").status()).isEqualTo(200);
    }

    /** {@code count} new scales registered by the desk for the owner (C0001: the demo customer; C0002: customer2). */
    static List<Long> bookable(String owner, int count) {
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String serial = "SQ-" + UUID.randomUUID().toString().substring(0, 8);
            var registered = LimsApi.as("clerk").post("/api/v1/registry/instruments", "{\"customerCode\":\"" + owner
                    + "\",\"description\":\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\","
                    + "\"serialNumber\":\"" + serial + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,"
                    + "\"location\":\"5 号摊位\",\"scale\":{\"accuracyClass\":\"III\",\"max\":\"30 kg\","
                    + "\"e\":\"10 g\",\"d\":\"10 g\"}}");
            assertThat(registered.status()).as(registered.text()).isEqualTo(200);
            ids.add(registered.object().getJsonNumber("id").longValue());
        }
        return ids;
    }

    static JsonObject book(LimsApi customer, List<Long> instruments, LocalDate preferred, String place, String note) {
        var reply = customer.post("/api/v1/requests", booking(instruments, preferred, place, note));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    static String booking(List<Long> instruments, LocalDate preferred, String place, String note) {
        return "{\"instrumentIds\":" + instruments + ",\"preferredDate\":\"" + preferred + "\",\"place\":\"" + place
                + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
    }

    private static List<String> numbers(JsonObject page) {
        return page.getJsonArray("rows").getValuesAs(JsonObject.class).stream().map(r -> r.getString("number"))
                .collect(Collectors.toList());
    }
}
