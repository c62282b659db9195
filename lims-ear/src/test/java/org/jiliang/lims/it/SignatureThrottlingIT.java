package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A signature re-enters the password, so it is a password guess like a login: wrong signature passwords lock the
 * account (signing and logging in) under the same rules, each one is in the audit trail, and an administrator
 * unlocks it. Shown on a weight calibration (12 comparator indications) by a technician the administrator
 * created and authorized for this test.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SignatureThrottlingIT {

    @Test
    void wrongSignaturePasswordsLockTheAccountLikeWrongLogins() {
        LimsApi admin = LimsApi.as("admin");
        LimsApi clerk = LimsApi.as("clerk");
        String user = Accounts.staff("it-sign", "technician");
        LocalDate today = ItDay.TODAY;
        assertThat(admin.post("/api/v1/admin/accounts/" + user + "/authorizations", "{\"procedureCode\":\"JJG 99-2006\","
                + "\"activity\":\"PERFORM\",\"certificateNumber\":\"JJ-校-2026-0777\",\"validFrom\":\"" + today
                + "\",\"validUntil\":\"" + today.plusYears(1) + "\"}").status()).isEqualTo(200);
        String serial = "W-IT-" + UUID.randomUUID().toString().substring(0, 6);
        var weight = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"C0001\",\"description\":\"砝码 1 kg F1\","
                + "\"manufacturer\":\"江海衡器砝码厂\",\"serialNumber\":\"" + serial + "\",\"intervalMonths\":12,"
                + "\"weight\":{\"weightClass\":\"F1\",\"nominal\":\"1 kg\"}}");
        assertThat(weight.status()).as(weight.text()).isEqualTo(200);

        long job = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":" + weight.object().getJsonNumber("id") + "}")
                .object().getJsonNumber("id").longValue();
        assertThat(clerk.post("/api/v1/jobs/" + job + "/assignment", "{\"technician\":\"" + user
                + "\",\"benchDevice\":\"CMP-01\"}").status()).isEqualTo(200);
        LimsApi technician = LimsApi.as(user, Accounts.OWN);
        assertThat(technician.post("/api/v1/jobs/" + job + "/start", "{}").status()).isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-E2-005\"}").status())
                .isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + job + "/environment",
                "{\"temperature\":20.0,\"humidity\":50,\"pressure\":1013.25}").status()).isEqualTo(200);
        // a weight job of another test may still be running on CMP-01 and hold it: taken over, as at a real bench
        assertThat(technician.post("/api/v1/jobs/" + job + "/device-hold",
                "{\"reason\":\"the demo technician's job on CMP-01 is left open\"}").status()).isEqualTo(200);
        for (var value : technician.get("/api/v1/jobs/" + job).object().getJsonArray("points")) {
            int ordinal = ((JsonObject) value).getInt("ordinal");
            String grams = WeightCalibrationIT.CYCLES[(ordinal - 1) / 4][(ordinal - 1) % 4];
            SimulatedScale.loadComparator(grams);
            BenchFlow.awaitStableReading(technician, "CMP-01", new BigDecimal(grams));
            assertThat(technician.post("/api/v1/jobs/" + job + "/points/" + ordinal + "/capture", "{}").status())
                    .isEqualTo(200);
        }

        for (int i = 1; i <= 4; i++) {
            var wrong = technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"guess " + i + "\"}");
            assertThat(wrong.status()).isEqualTo(409);
            assertThat(wrong.object().getString("error")).isEqualTo("error.sign.password");
        }
        var fifth = technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"guess 5\"}");
        assertThat(fifth.object().getString("error")).isEqualTo("error.sign.locked");
        assertThat(fifth.object().getString("detail")).contains("锁定至");
        // the lock covers logging in: the password the technician sent with the call is not looked at
        var login = technician.get("/api/v1/jobs/" + job);
        assertThat(login.status()).isEqualTo(429);
        assertThat(technician.get("/api/v1/jobs/" + job).object().getString("error")).isEqualTo("login.locked");
        assertThat(LoginThrottlingIT.auditOf(user)).filteredOn("signature.passwordWrong"::equals).hasSize(5);
        assertThat(LoginThrottlingIT.auditOf(user)).contains("account.locked");

        assertThat(admin.post("/api/v1/admin/accounts/" + user + "/unlock", "{}").status()).isEqualTo(200);
        var signed = technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"" + Accounts.OWN + "\"}");
        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        assertThat(signed.object().getString("state")).isEqualTo("MEASURED");
    }
}
