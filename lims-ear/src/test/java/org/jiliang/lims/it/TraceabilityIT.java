package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13: reverse traceability over a three-level chain. Standard A is used in a job whose certificate is the
 * calibration of standard B; B in a job whose certificate is the calibration of standard C; C in a customer's
 * verification. Suspected from a day, A has spoiled all three certificates, each at its level, with owner and
 * instrument. A calibration under an unknown certificate, or under one of a job that used the standard itself, is
 * refused; only staff see it.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TraceabilityIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final LimsApi quality = LimsApi.as("quality");

    private String standard(String letter) {
        String code = "STD-TR" + letter + "-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = quality.post("/api/standards", "{\"code\":\"" + code + "\",\"name\":\"F1 砝码组 " + letter
                + "\",\"accuracy\":\"F1\",\"serialNumber\":\"TR-" + letter + "\",\"certificateNumber\":\"UP-" + letter
                + "\",\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + TODAY.minusMonths(2) + "\",\"dueDate\":\""
                + TODAY.plusMonths(10) + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        return code;
    }

    private void calibratedUnder(String code, String ourCertificate) {
        var recorded = quality.post("/api/standards/" + code + "/calibrations", "{\"laboratory\":\"本院质量室 / this"
                + " institute\",\"certificateNumber\":\"" + ourCertificate + "\",\"calibratedOn\":\"" + TODAY
                + "\",\"dueDate\":\"" + TODAY.plusYears(1) + "\",\"internalCertificate\":\"" + ourCertificate + "\"}");
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.object().getString("internalCertificate")).isEqualTo(ourCertificate);
    }

    @Test
    void aStandardSpoilsTheCertificatesOfThreeLevels() {
        String a = standard("A");
        String b = standard("B");
        String c = standard("C");
        String first = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO, a);
        calibratedUnder(b, first);
        String second = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO, b);
        calibratedUnder(c, second);
        String third = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO, c);

        JsonArray affected = quality.get("/api/standards/" + a + "/affected?since=" + TODAY.minusDays(1)).array();

        assertThat(affected).extracting(x -> ((JsonObject) x).getString("certificate"))
                .containsExactly(first, second, third);
        assertThat(affected).extracting(x -> ((JsonObject) x).getInt("level")).containsExactly(1, 2, 3);
        assertThat(affected).extracting(x -> ((JsonObject) x).getString("via")).containsExactly(a, b, c);
        for (var x : affected) {
            JsonObject row = (JsonObject) x;
            assertThat(row.getString("ownerName")).isEqualTo("华东食品有限公司");
            assertThat(row.getString("serialNumber")).isEqualTo("YH2026-00731");
            assertThat(row.getJsonNumber("testPoints").longValue()).isPositive();
        }
        // from B down, A's own certificate is not spoiled; from tomorrow on, nothing is
        assertThat(quality.get("/api/standards/" + b + "/affected?since=" + TODAY).array())
                .extracting(x -> ((JsonObject) x).getString("certificate")).containsExactly(second, third);
        assertThat(quality.get("/api/standards/" + a + "/affected?since=" + TODAY.plusDays(1)).array()).isEmpty();

        assertThat(quality.get("/api/standards/" + b + "/calibrations").array())
                .extracting(x -> ((JsonObject) x).getString("internalCertificate")).containsExactly(first);
        var self = quality.postEnglish("/api/standards/" + a + "/calibrations", "{\"laboratory\":\"本院\","
                + "\"certificateNumber\":\"" + first + "\",\"calibratedOn\":\"" + TODAY + "\",\"dueDate\":\""
                + TODAY.plusYears(1) + "\",\"internalCertificate\":\"" + first + "\"}");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.object().getString("error")).isEqualTo("error.trace.selfCalibration");
        var unknown = quality.postEnglish("/api/standards/" + c + "/calibrations", "{\"laboratory\":\"本院\","
                + "\"certificateNumber\":\"X-1\",\"calibratedOn\":\"" + TODAY + "\",\"dueDate\":\""
                + TODAY.plusYears(1) + "\",\"internalCertificate\":\"NO-SUCH-CERT\"}");
        assertThat(unknown.object().getString("error")).isEqualTo("error.trace.unknownCertificate");
        var badSince = quality.get("/api/standards/" + a + "/affected?since=yesterday");
        assertThat(badSince.status()).isEqualTo(400);

        for (String other : new String[] {"customer", "customer2", "clinic"}) {
            var reply = LimsApi.as(other).get("/api/standards/" + a + "/affected?since=" + TODAY.minusDays(1));
            assertThat(reply.status()).as(other).isEqualTo(403);
            assertThat(reply.text()).doesNotContain(first);
            assertThat(LimsApi.as(other).get("/api/standards/" + b + "/calibrations").status()).isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().get("/api/standards/" + a + "/affected?since=" + TODAY).status())
                .isEqualTo(401);
        assertThat(LimsApi.as("technician").post("/api/standards/" + c + "/calibrations", "{}").status())
                .isEqualTo(403);
    }
}
