package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The regulated workflow against the deployed EAR: the job life cycle with three different
 * people, authorizations, accepted standards, environment limits, send back and correction,
 * conflicting edits, signatures bound to content, and the tamper-evident audit trail.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RegulatedWorkflowIT {

    private final LimsApi clerk = LimsApi.as("clerk");
    private final LimsApi technician = LimsApi.as("technician");

    @Test
    void jobGoesFromIntakeToReturnedThroughThreeDifferentPeople() {
        long job = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":1,\"verificationType\":\"SUBSEQUENT\"}")
                .object().getJsonNumber("id").longValue();
        assertThat(state(job)).isEqualTo("RECEIVED");
        assertThat(clerk.post("/api/v1/jobs/" + job + "/assignment",
                "{\"technician\":\"technician\",\"benchDevice\":\"BAL-01\"}").object().getString("state"))
                .isEqualTo("ASSIGNED");
        assertThat(technician.post("/api/v1/jobs/" + job + "/start", "{}").object().getString("state"))
                .isEqualTo("IN_PROGRESS");
        technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\"}");
        BenchFlow.recordNormalEnvironment(technician, job);
        BenchFlow.captureAllPoints(technician, job, BigDecimal.ZERO);
        technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}");
        assertThat(LimsApi.as("approver").post("/api/v1/jobs/" + job + "/approve", "{\"password\":\"jiliang\"}")
                .object().getString("error")).as("no approval before the check").isEqualTo("error.job.wrongState");
        BenchFlow.checked(job);
        var approved = LimsApi.as("approver").post("/api/v1/jobs/" + job + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        JsonObject issued = technician.get("/api/v1/jobs/" + job).object();
        assertThat(issued.getString("technician") + "/" + issued.getString("checker") + "/" + issued.getString("approver"))
                .isEqualTo("张伟/李娜/王强");
        assertThat(issued.getJsonArray("signatures")).extracting(v -> ((JsonObject) v).getString("meaning")
                + (((JsonObject) v).getBoolean("valid") ? " valid" : " invalid"))
                .containsExactly("PERFORMED valid", "CHECKED valid", "APPROVED valid");
        assertThat(clerk.post("/api/v1/jobs/" + job + "/return", "{}").object().getString("state")).isEqualTo("RETURNED");
    }

    @Test
    void technicianWithAnExpiredAuthorizationCannotBeAssigned() {
        long job = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":1,\"verificationType\":\"SUBSEQUENT\"}")
                .object().getJsonNumber("id").longValue();
        var refused = clerk.post("/api/v1/jobs/" + job + "/assignment",
                "{\"technician\":\"technician2\",\"benchDevice\":\"BAL-01\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.object().getString("error")).isEqualTo("error.authorization.expired");
        assertThat(refused.object().getString("detail")).contains("周杰", "JJG 539-2016", "到期");
        assertThat(state(job)).isEqualTo("RECEIVED");
    }

    @Test
    void standardOfAClassTheProcedureDoesNotAcceptIsRefused() {
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        var refused = technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-M2-004\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.object().getString("detail")).contains("STD-M2-004", "M2", "JJG 539-2016");
    }

    @Test
    void environmentOutsideTheLimitsNeedsARecordedDeviation() {
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\"}");
        var hot = technician.post("/api/v1/jobs/" + job + "/environment", "{\"temperature\":45.5,\"humidity\":40}");
        assertThat(hot.object().getJsonObject("environment").getBoolean("withinLimits")).isFalse();
        BenchFlow.captureAllPoints(technician, job, BigDecimal.ZERO);
        var refused = technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}");
        assertThat(refused.object().getString("error")).isEqualTo("error.submit.environmentDeviation");

        technician.post("/api/v1/jobs/" + job + "/environment",
                "{\"temperature\":45.5,\"humidity\":40,\"deviation\":\"空调故障，经质量负责人同意继续检定 (QA-2026-11)\"}");
        assertThat(technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}").object()
                .getString("state")).isEqualTo("MEASURED");
    }

    @Test
    void sentBackJobIsCorrectedWithAReasonAndTheOriginalReadingIsKept() {
        long job = BenchFlow.measuredAndSubmitted(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        var noReason = LimsApi.as("checker").post("/api/v1/jobs/" + job + "/send-back", "{\"reason\":\" \"}");
        assertThat(noReason.object().getString("error")).isEqualTo("error.sendBack.reason");
        var sentBack = LimsApi.as("checker").post("/api/v1/jobs/" + job + "/send-back",
                "{\"reason\":\"500 e 点请复测：加载时秤盘有振动\"}");
        assertThat(sentBack.object().getString("state")).isEqualTo("IN_PROGRESS");
        assertThat(sentBack.object().getString("returnedReason")).contains("复测");

        assertThat(technician.post("/api/v1/jobs/" + job + "/points/2/capture", "{}").object().getString("error"))
                .isEqualTo("error.capture.alreadyCaptured");
        BenchFlow.place(technician, new BigDecimal("200"), BigDecimal.ZERO); // point 2: Min = 200 g
        var corrected = technician.post("/api/v1/jobs/" + job + "/points/2/capture",
                "{\"additionalLoad\":5,\"correctionReason\":\"复测：振动消除后重新读数\"}").object();
        JsonObject point = corrected.getJsonArray("points").getJsonObject(1);
        assertThat(point.getInt("corrections")).isEqualTo(1);
        assertThat(point.getJsonArray("history")).hasSize(2);
        assertThat(point.getJsonArray("history").getString(1)).contains("复测");
        assertThat(corrected.getJsonArray("signatures")).extracting(v -> ((JsonObject) v).getBoolean("valid"))
                .as("the data signed before the correction changed").containsOnly(false);

        technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}");
        var resigned = technician.get("/api/v1/jobs/" + job).object().getJsonArray("signatures");
        assertThat(resigned.getJsonObject(resigned.size() - 1).getBoolean("valid")).isTrue();
        assertThat(LimsApi.as("quality").get("/api/v1/jobs/" + job + "/audit").text())
                .contains("job.sentBack", "point.corrected", "复测：振动消除后重新读数");
    }

    @Test
    void aStaleViewIsRefusedAndNothingIsOverwritten() {
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        long seen = technician.get("/api/v1/jobs/" + job).object().getJsonNumber("version").longValue();
        // someone else (another tab, another technician's session) changes the job first
        technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\",\"version\":" + seen + "}");
        var stale = technician.post("/api/v1/jobs/" + job + "/environment",
                "{\"temperature\":21,\"humidity\":50,\"version\":" + seen + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.object().getString("error")).isEqualTo("error.conflict");
        assertThat(stale.object().getString("detail")).contains("已被其他人修改");
        assertThat(technician.get("/api/v1/jobs/" + job).object()).doesNotContainKey("environment");
    }

    @Test
    void auditTrailRecordsEachStepAndReportsTheFirstTamperedEntry() throws Exception {
        long job = BenchFlow.measuredAndSubmitted(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        var history = LimsApi.as("quality").get("/api/v1/jobs/" + job + "/audit").array();
        assertThat(history).extracting(v -> ((JsonObject) v).getString("action"))
                .containsSubsequence("job.received", "job.assigned", "job.started", "job.standardSelected",
                        "job.environmentRecorded", "point.captured", "job.submitted");
        assertThat(history).extracting(v -> ((JsonObject) v).getString("actor")).containsOnly("technician");

        LimsApi quality = LimsApi.as("quality");
        assertThat(quality.get("/api/v1/audit/verification").object().getBoolean("intact")).isTrue();

        long tampered = history.getJsonObject(3).getJsonNumber("sequence").longValue();
        // as the schema owner, who can switch PostgreSQL's append-only trigger off (AuditTrailTamperIT)
        try (TrailAttacker attacker = new TrailAttacker()) {
            String original = single(attacker.connection(), "select new_value from audit_entry where sequence = ?",
                    tampered);
            attacker.asOwner(db -> update(db, "update audit_entry set new_value = ? where sequence = ?",
                    "STD-M1-002 (quietly swapped)", tampered));
            try {
                JsonObject broken = quality.get("/api/v1/audit/verification").object();
                assertThat(broken.getBoolean("intact")).isFalse();
                assertThat(broken.getJsonNumber("firstBrokenSequence").longValue()).isEqualTo(tampered);
            } finally {
                attacker.asOwner(db -> update(db, "update audit_entry set new_value = ? where sequence = ?", original,
                        tampered));
            }
        }
        assertThat(quality.get("/api/v1/audit/verification").object().getBoolean("intact")).isTrue();
    }

    @Test
    void aSignedResultChangedInTheDatabaseShowsItsSignaturesInvalidAndCannotBeApproved() throws Exception {
        long job = BenchFlow.measuredAndSubmitted(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        BenchFlow.checked(job);
        try (Connection db = ServerDatabase.connect()) {
            String reading = single(db, "select max(r.id) from point_reading r join test_point p on p.id = r.test_point_id "
                    + "where p.job_id = ? and p.ordinal = 2", job);
            update(db, "update point_reading set indication_value = indication_value - 4 where id = ?",
                    Long.parseLong(reading));
        }
        JsonObject after = LimsApi.as("approver").get("/api/v1/jobs/" + job).object();
        assertThat(after.getJsonArray("points").getJsonObject(1).getString("indication")).isEqualTo("196 g");
        assertThat(after.getJsonArray("signatures")).extracting(v -> ((JsonObject) v).getBoolean("valid"))
                .containsOnly(false);
        var refused = LimsApi.as("approver").post("/api/v1/jobs/" + job + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(refused.object().getString("error")).isEqualTo("error.sign.invalidated");
    }

    @Test
    void procedureEditionsAreDataAddedOnlyByTheQualityManagerAndChecked() {
        String edition = "{\"code\":\"JJG 99-2006\",\"title\":\"砝码 Weights\",\"kind\":\"CALIBRATION\","
                + "\"effectiveFrom\":\"2031-01-01\",\"testPlan\":\"%s\",\"allowedStandardClasses\":\"E1, E2\","
                + "\"temperatureMin\":%s,\"temperatureMax\":27,\"humidityMax\":80,\"limitsSource\":\"test\"}";
        assertThat(technician.post("/api/v1/procedures", edition.formatted("R111-ABBA", "18")).status()).isEqualTo(403);
        LimsApi quality = LimsApi.as("quality");
        var unknownPlan = quality.postEnglish("/api/v1/procedures", edition.formatted("R999", "18"));
        assertThat(unknownPlan.status()).isEqualTo(409);
        assertThat(unknownPlan.text()).contains("R999").contains("R111-ABBA, R76");
        var inverted = quality.postEnglish("/api/v1/procedures", edition.formatted("R111-ABBA", "30"));
        assertThat(inverted.status()).isEqualTo(409);
        assertThat(inverted.text()).contains("30 °C … 27 °C");

        var added = quality.post("/api/v1/procedures", edition.formatted("R111-ABBA", "18"));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(added.object().getBoolean("inForce")).isFalse();
        var editions = technician.get("/api/v1/procedures").array();
        assertThat(editions.stream().map(v -> ((jakarta.json.JsonObject) v))
                .filter(e -> e.getString("code").equals("JJG 99-2006")).map(e -> e.getString("effectiveFrom")
                        + (e.getBoolean("inForce") ? " in force" : "")))
                .containsExactly("2006-12-08 in force", "2031-01-01");
        var audit = quality.get("/api/v1/audit?count=1000").text();
        assertThat(audit).contains("procedure.created").contains("JJG 99-2006 @ 2031-01-01");
    }

    private String state(long job) {
        return technician.get("/api/v1/jobs/" + job).object().getString("state");
    }

    private static String single(Connection db, String sql, long id) throws java.sql.SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private static void update(Connection db, String sql, String value, long id) throws java.sql.SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, value);
            s.setLong(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static void update(Connection db, String sql, long id) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setLong(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
