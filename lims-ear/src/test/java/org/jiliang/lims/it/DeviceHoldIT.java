package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bench device belongs to one running job at a time (issue 11: two jobs captured from the same balance at once).
 * Two technicians, each with a running job on BAL-01: the second is refused a reading naming the job and the
 * technician that holds the device; they can take it over only with a reason, which the audit trail keeps; the
 * holder can release it; submitting frees it. One technician moving between their own jobs takes it along.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DeviceHoldIT {

    private static final LocalDate TODAY = ItDay.TODAY;

    @Test
    void aDeviceIsReadByOneRunningJobAndASecondJobSeesWhoHoldsIt() {
        LimsApi zhang = LimsApi.as("technician");
        String secondName = secondTechnician();
        LimsApi second = LimsApi.as(secondName, Accounts.OWN);

        long first = BenchFlow.openJob(zhang, BenchFlow.FOOD_COMPANY_SCALE);
        BenchFlow.readyToCapture(zhang, first);
        assertThat(captureNext(zhang, first).status()).isEqualTo(200);
        JsonObject hold = zhang.get("/api/v1/jobs/" + first).object().getJsonObject("deviceHold");
        assertThat(hold.getBoolean("thisJob")).isTrue();
        String firstNumber = zhang.get("/api/v1/jobs/" + first).object().getString("jobNumber");

        long other = BenchFlow.openJob(second, BenchFlow.FOOD_COMPANY_SCALE);
        BenchFlow.readyToCapture(second, other);
        // the second job sees the holder before it tries, and is refused naming it when it does
        JsonObject seen = second.get("/api/v1/jobs/" + other).object().getJsonObject("deviceHold");
        assertThat(seen.getString("jobNumber")).isEqualTo(firstNumber);
        assertThat(seen.getString("technician")).isEqualTo("张伟");
        assertThat(seen.getBoolean("thisJob")).isFalse();
        var refused = captureNext(second, other);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.object().getString("error")).isEqualTo("error.device.heldBy");
        assertThat(refused.object().getString("detail")).contains("BAL-01", firstNumber, "张伟");
        assertThat(points(second, other).getJsonObject(0).getInt("readingsTaken")).isZero();

        // taking it over needs a reason
        var noReason = second.post("/api/v1/jobs/" + other + "/device-hold", "{\"reason\":\"  \"}");
        assertThat(noReason.status()).as(noReason.text()).isEqualTo(409);
        assertThat(noReason.object().getString("error")).isEqualTo("error.device.takeOverReason");
        var taken = second.post("/api/v1/jobs/" + other + "/device-hold",
                "{\"reason\":\"张伟 is at the pressure bench until noon\"}");
        assertThat(taken.status()).as(taken.text()).isEqualTo(200);
        assertThat(taken.object().getJsonObject("deviceHold").getBoolean("thisJob")).isTrue();
        assertThat(captureNext(second, other).status()).isEqualTo(200);
        var audit = second.get("/api/v1/jobs/" + other + "/audit").text();
        assertThat(audit).contains("device.takenOver", "张伟 is at the pressure bench until noon", firstNumber);

        // now the first job is the one refused, naming the second
        var refusedBack = captureNext(zhang, first);
        assertThat(refusedBack.status()).isEqualTo(409);
        assertThat(refusedBack.object().getString("detail")).contains("测试 " + secondName);

        // the holder releases it: the first job reads again, and holds it
        var released = second.delete("/api/v1/jobs/" + other + "/device-hold");
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(released.object().get("deviceHold")).as("no job holds BAL-01").isIn(null, jakarta.json.JsonValue.NULL);
        assertThat(second.get("/api/v1/jobs/" + other + "/audit").text()).contains("device.released");
        assertThat(captureNext(zhang, first).status()).isEqualTo(200);
        assertThat(zhang.get("/api/v1/jobs/" + first).object().getJsonObject("deviceHold").getBoolean("thisJob")).isTrue();

        // the same technician moving to another of their own jobs takes the device along, without a word
        long third = BenchFlow.openJob(zhang, BenchFlow.FOOD_COMPANY_SCALE);
        BenchFlow.readyToCapture(zhang, third);
        assertThat(captureNext(zhang, third).status()).isEqualTo(200);
        assertThat(zhang.get("/api/v1/jobs/" + third + "/audit").text()).contains("device.held", firstNumber)
                .doesNotContain("device.takenOver");
        assertThat(zhang.get("/api/v1/jobs/" + first).object().getJsonObject("deviceHold").getBoolean("thisJob"))
                .isFalse();
        // no one leaves the third job holding the device for the tests that follow
        assertThat(zhang.delete("/api/v1/jobs/" + third + "/device-hold").status()).isEqualTo(200);
    }

    @Test
    void onlyTheJobsTechnicianTakesOrReleasesItsDevice() {
        LimsApi zhang = LimsApi.as("technician");
        long job = BenchFlow.openJob(zhang, BenchFlow.FOOD_COMPANY_SCALE);

        assertThat(LimsApi.anonymous().delete("/api/v1/jobs/" + job + "/device-hold").status()).isEqualTo(401);
        assertThat(LimsApi.as("customer").delete("/api/v1/jobs/" + job + "/device-hold").status()).isEqualTo(403);
        assertThat(LimsApi.as("checker").post("/api/v1/jobs/" + job + "/device-hold", "{\"reason\":\"mine\"}").status())
                .isEqualTo(403);
        var notYours = LimsApi.as("technician2").post("/api/v1/jobs/" + job + "/device-hold", "{\"reason\":\"mine\"}");
        assertThat(notYours.status()).isEqualTo(409);
        assertThat(notYours.object().getString("error")).isEqualTo("error.job.notYourJob");
        var tooLong = zhang.post("/api/v1/jobs/" + job + "/device-hold", "{\"reason\":\"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
    }

    /** A technician of this test, authorized for JJG 539 from yesterday for two years. */
    private static String secondTechnician() {
        String user = Accounts.staff("it-hold", "technician");
        var granted = LimsApi.as("admin").post("/api/v1/admin/accounts/" + user + "/authorizations",
                "{\"procedureCode\":\"JJG 539-2016\",\"activity\":\"PERFORM\",\"certificateNumber\":\"JJ-检-2026-0888\","
                        + "\"validFrom\":\"" + TODAY.minusDays(1) + "\",\"validUntil\":\"" + TODAY.plusYears(2) + "\"}");
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        return user;
    }

    private static jakarta.json.JsonArray points(LimsApi technician, long job) {
        return technician.get("/api/v1/jobs/" + job).object().getJsonArray("points");
    }

    /** The next reading of the plan that is not a discrimination reading, on the simulated pan, ΔL = e/2. */
    private static LimsApi.Reply captureNext(LimsApi technician, long job) {
        JsonObject point = points(technician, job).stream().map(JsonObject.class::cast)
                .filter(p -> p.getInt("readingsTaken") < p.getInt("readingsNeeded")
                        && !"DISCRIMINATION".equals(p.getString("test")))
                .findFirst().orElseThrow();
        BenchFlow.place(technician, BenchFlow.grams(point.getString("load")), BigDecimal.ZERO);
        return technician.post("/api/v1/jobs/" + job + "/points/" + point.getInt("ordinal") + "/capture",
                "{\"additionalLoad\":" + BenchFlow.HALF_E_GRAMS + "}");
    }
}
