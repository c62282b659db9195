package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A standard's people, change control and history record (issue 13, JJF 1033), through the API: two qualified
 * operators make the standard's staff enough; the responsible person, once appointed, changes only through a change
 * that someone other than its proposer approves; the history record lists what happened, generated from the
 * records. A customer and an anonymous caller get nothing of it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StandardRecordIT {

    private static final LocalDate TODAY = ItDay.TODAY;
    private final LimsApi quality = LimsApi.as("quality");

    @Test
    void peopleChangesAndHistory() {
        String code = "STD-REC-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        assertThat(quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"F1 砝码组\",\"accuracy\":\"F1\","
                + "\"serialNumber\":\"REC-1\",\"certificateNumber\":\"UP-REC\",\"traceableTo\":\"国家质量基准\","
                + "\"calibratedOn\":\"" + TODAY.minusMonths(1) + "\",\"dueDate\":\"" + TODAY.plusMonths(11) + "\"}")
                .status()).isEqualTo(200);
        String people = "/api/v1/standards/" + code + "/people";

        JsonObject none = quality.get(people).object();
        assertThat(none.getInt("qualified")).isZero();
        assertThat(none.getBoolean("enough")).isFalse();

        assertThat(assign(people, "technician", "OPERATOR", TODAY.plusYears(2)).status()).isEqualTo(201);
        assertThat(quality.get(people).object().getBoolean("enough")).as("one is not enough").isFalse();
        var expired = quality.postEnglish(people, person("technician2", "OPERATOR", TODAY.minusDays(1)));
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.object().getString("error")).isEqualTo("error.staff.qualifiedUntil");
        var customer = quality.postEnglish(people, person("customer", "OPERATOR", TODAY.plusYears(1)));
        assertThat(customer.object().getString("error")).isEqualTo("error.staff.notStaff");
        assertThat(assign(people, "technician2", "OPERATOR", TODAY.plusYears(1)).status()).isEqualTo(201);
        JsonObject two = assign(people, "quality", "RESPONSIBLE", TODAY.plusYears(3)).object();
        assertThat(two.getString("responsible")).isEqualTo("quality");
        assertThat(two.getInt("qualified")).isEqualTo(3);
        assertThat(two.getBoolean("enough")).isTrue();

        // a second responsible person is not appointed directly
        var direct = quality.postEnglish(people, person("technician", "RESPONSIBLE", TODAY.plusYears(1)));
        assertThat(direct.object().getString("error")).isEqualTo("error.staff.responsibleByChange");
        // the successor must be a qualified operator of the standard
        var notOperator = quality.postEnglish("/api/v1/standards/" + code + "/changes", change("checker"));
        assertThat(notOperator.object().getString("error")).isEqualTo("error.change.successorNotOperator");
        var proposed = quality.post("/api/v1/standards/" + code + "/changes", change("technician"));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        long id = proposed.object().getJsonNumber("id").longValue();
        var own = quality.postEnglish("/api/v1/standard-changes/" + id + "/decision", "{\"approve\":true,\"note\":\"同意\"}");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.object().getString("error")).isEqualTo("error.change.ownProposal");
        assertThat(LimsApi.as("technician").post("/api/v1/standard-changes/" + id + "/decision",
                "{\"approve\":true,\"note\":\"同意\"}").status()).isEqualTo(403);
        var approved = LimsApi.as("admin").post("/api/v1/standard-changes/" + id + "/decision",
                "{\"approve\":true,\"note\":\"同意，自即日起生效\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.object().getString("state")).isEqualTo("APPROVED");
        assertThat(quality.get(people).object().getString("responsible")).isEqualTo("technician");
        assertThat(LimsApi.as("admin").post("/api/v1/standard-changes/" + id + "/decision",
                "{\"approve\":false,\"note\":\"再议\"}").status()).as("decided once").isEqualTo(409);

        var removed = quality.post(people + "/technician2/removal", "{\"reason\":\"调岗\"}");
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.object().getBoolean("enough")).as("technician (operator and responsible) alone")
                .isFalse();

        JsonArray history = quality.get("/api/v1/standards/" + code + "/history").array();
        List<String> events = history.getValuesAs(JsonObject.class).stream().map(h -> h.getString("event")).toList();
        assertThat(events).containsSubsequence("standard.registered", "standard.staffAssigned",
                "standard.staffAssigned", "standard.staffAssigned", "standard.changeProposed",
                "standard.changeApproved", "standard.staffRemoved");
        assertThat(history.getValuesAs(JsonObject.class).stream().filter(h -> h.getString("event")
                .equals("standard.staffRemoved")).findFirst().orElseThrow().getString("detail")).contains("调岗");

        for (String other : new String[] {"customer", "customer2"}) {
            assertThat(LimsApi.as(other).get(people).status()).isEqualTo(403);
            assertThat(LimsApi.as(other).get("/api/v1/standards/" + code + "/history").status()).isEqualTo(403);
            assertThat(LimsApi.as(other).get("/api/v1/standards/" + code + "/changes").status()).isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().get("/api/v1/standards/" + code + "/history").status()).isEqualTo(401);
    }

    private LimsApi.Reply assign(String path, String user, String role, LocalDate until) {
        var reply = quality.post(path, person(user, role, until));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply;
    }

    private static String person(String user, String role, LocalDate until) {
        return "{\"username\":\"" + user + "\",\"role\":\"" + role + "\",\"qualification\":\"计量检定员证 " + user
                + "\",\"qualifiedUntil\":\"" + until + "\"}";
    }

    private static String change(String successor) {
        return "{\"kind\":\"RESPONSIBLE_PERSON\",\"description\":\"负责人变更为 " + successor + "\",\"reason\":\"原负责人调任"
                + "\",\"newResponsible\":\"" + successor + "\"}";
    }
}
