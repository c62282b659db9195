package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10 §4: the policy asks for free verification of the medical instruments of township clinics. A customer in
 * a free-verification programme has the fee of every job received for it waived, and the job and its audit trail
 * say under which programme and why; another customer's job is not waived; leaving the programme stops it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FreeVerificationIT {

    private static final String PROGRAMME = "乡镇卫生院医疗计量器具免费检定";

    private final LimsApi clerk = LimsApi.as("clerk");

    @Test
    void aJobForAClinicInTheProgrammeHasItsFeeWaivedWithTheProgrammeAndTheReason() {
        String code = "CL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var clinic = clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "\",\"name\":\"北湖镇卫生院\","
                + "\"address\":\"北湖镇卫生路 2 号\",\"freeProgramme\":\"" + PROGRAMME + "\"}");
        assertThat(clinic.status()).as(clinic.text()).isEqualTo(200);
        assertThat(clinic.object().getString("freeProgramme")).isEqualTo(PROGRAMME);

        JsonObject job = receive(scaleOf(code));
        JsonObject fee = job.getJsonObject("fee");
        assertThat(fee.getBoolean("waived")).isTrue();
        assertThat(fee.getString("programme")).isEqualTo(PROGRAMME);
        assertThat(fee.getString("reason")).contains(code).contains("北湖镇卫生院").contains(PROGRAMME);
        assertThat(LimsApi.as("quality").get("/api/v1/jobs/" + job.getJsonNumber("id").longValue() + "/audit").text())
                .contains("job.feeWaived").contains(PROGRAMME);

        // leaving the programme: jobs received afterwards are charged; the earlier job keeps its waiver
        var left = clerk.put("/api/v1/registry/customers/" + code, "{\"name\":\"北湖镇卫生院\",\"address\":\"北湖镇卫生路 2 号\"}");
        assertThat(left.status()).as(left.text()).isEqualTo(200);
        JsonObject later = receive(scaleOf(code));
        assertThat(later.getJsonObject("fee").getBoolean("waived")).isFalse();
        assertThat(clerk.get("/api/v1/jobs/" + job.getJsonNumber("id").longValue()).object().getJsonObject("fee")
                .getBoolean("waived")).isTrue();
    }

    @Test
    void aProgrammeNameLongerThanItsColumnIsRefusedAndNothingIsStored() {
        String code = "CL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var refused = clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "\",\"name\":\"x\","
                + "\"address\":\"y\",\"freeProgramme\":\"" + "免".repeat(101) + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(clerk.get("/api/v1/registry/customers").text()).doesNotContain(code);
    }

    private long scaleOf(String customer) {
        String serial = "FV-" + UUID.randomUUID().toString().substring(0, 8);
        var scale = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + customer + "\",\"description\":"
                + "\"电子秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\"" + serial + "\","
                + "\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":\"III\","
                + "\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"}}");
        assertThat(scale.status()).as(scale.text()).isEqualTo(200);
        return scale.object().getJsonNumber("id").longValue();
    }

    private JsonObject receive(long instrumentId) {
        var job = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":" + instrumentId
                + ",\"verificationType\":\"SUBSEQUENT\"}");
        assertThat(job.status()).as(job.text()).isEqualTo(200);
        return job.object();
    }
}
