package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    private static final LocalDate TODAY = ItDay.TODAY;
    private final LimsApi quality = LimsApi.as("quality");

    private String standard(String letter) {
        String code = "STD-TR" + letter + "-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"F1 砝码组 " + letter
                + "\",\"accuracy\":\"F1\",\"serialNumber\":\"TR-" + letter + "\",\"certificateNumber\":\"UP-" + letter
                + "\",\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + TODAY.minusMonths(2) + "\",\"dueDate\":\""
                + TODAY.plusMonths(10) + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        return code;
    }

    private void calibratedUnder(String code, String ourCertificate) {
        var recorded = quality.post("/api/v1/standards/" + code + "/calibrations", "{\"laboratory\":\"本院质量室 / this"
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

        JsonArray affected = quality.get("/api/v1/standards/" + a + "/affected?since=" + TODAY.minusDays(1)).array();

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
        assertThat(quality.get("/api/v1/standards/" + b + "/affected?since=" + TODAY).array())
                .extracting(x -> ((JsonObject) x).getString("certificate")).containsExactly(second, third);
        assertThat(quality.get("/api/v1/standards/" + a + "/affected?since=" + TODAY.plusDays(1)).array()).isEmpty();

        assertThat(quality.get("/api/v1/standards/" + b + "/calibrations").array())
                .extracting(x -> ((JsonObject) x).getString("internalCertificate")).containsExactly(first);
        var self = quality.postEnglish("/api/v1/standards/" + a + "/calibrations", "{\"laboratory\":\"本院\","
                + "\"certificateNumber\":\"" + first + "\",\"calibratedOn\":\"" + TODAY + "\",\"dueDate\":\""
                + TODAY.plusYears(1) + "\",\"internalCertificate\":\"" + first + "\"}");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.object().getString("error")).isEqualTo("error.trace.selfCalibration");
        var unknown = quality.postEnglish("/api/v1/standards/" + c + "/calibrations", "{\"laboratory\":\"本院\","
                + "\"certificateNumber\":\"X-1\",\"calibratedOn\":\"" + TODAY + "\",\"dueDate\":\""
                + TODAY.plusYears(1) + "\",\"internalCertificate\":\"NO-SUCH-CERT\"}");
        assertThat(unknown.object().getString("error")).isEqualTo("error.trace.unknownCertificate");
        var badSince = quality.get("/api/v1/standards/" + a + "/affected?since=yesterday");
        assertThat(badSince.status()).isEqualTo(400);

        // upward: the third certificate rests on C, calibrated under the second, which rests on B, calibrated under
        // the first, which rests on A, registered as traceable to the national standard
        JsonObject link = quality.get("/api/v1/traceability/certificates/" + third).object();
        List<String> chain = new java.util.ArrayList<>();
        while (link != null) {
            chain.add(link.getString("kind") + " " + link.getString("label"));
            JsonArray above = link.getJsonArray("above");
            link = above.isEmpty() ? null : above.getJsonObject(0);
        }
        assertThat(chain).containsExactly("CERTIFICATE " + third, "STANDARD " + c, "CALIBRATION " + second,
                "CERTIFICATE " + second, "STANDARD " + b, "CALIBRATION " + first, "CERTIFICATE " + first,
                "STANDARD " + a, "CALIBRATION UP-A", "SOURCE 国家质量基准");
        assertThat(quality.get("/api/v1/traceability/standards/" + c).object().getJsonArray("above").getJsonObject(0)
                .getString("label")).isEqualTo(second);
        assertThat(quality.get("/api/v1/traceability/certificates/NO-SUCH").status()).isEqualTo(404);

        for (String other : new String[] {"customer", "customer2", "clinic"}) {
            assertThat(LimsApi.as(other).get("/api/v1/traceability/certificates/" + third).status()).isEqualTo(403);
            var reply = LimsApi.as(other).get("/api/v1/standards/" + a + "/affected?since=" + TODAY.minusDays(1));
            assertThat(reply.status()).as(other).isEqualTo(403);
            assertThat(reply.text()).doesNotContain(first);
            assertThat(LimsApi.as(other).get("/api/v1/standards/" + b + "/calibrations").status()).isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().get("/api/v1/standards/" + a + "/affected?since=" + TODAY).status())
                .isEqualTo(401);
        assertThat(LimsApi.anonymous().get("/api/v1/traceability/certificates/" + third).status()).isEqualTo(401);
        assertThat(LimsApi.as("technician").post("/api/v1/standards/" + c + "/calibrations", "{}").status())
                .isEqualTo(403);
    }

    /**
     * The upper-level laboratory's DCC: one carrying an external entity and one the DCC 3.1.2 schema rejects are
     * refused with the reason and leave no calibration behind; a valid one becomes the standard's current calibration
     * with every value, U and k, and its file comes back byte for byte. Staff who do not keep standards may not import;
     * a customer and an anonymous caller get nothing.
     */
    @Test
    void aDccIsImportedOnlyWhenSafeAndValid() throws Exception {
        String code = standard("D");
        var sample = org.jiliang.reports.certificate.SampleCertificate.calibrationCertificate();
        String dcc = new String(org.jiliang.reports.dcc.DigitalCalibrationCertificate.write(sample,
                new org.jiliang.reports.dcc.DigitalCalibrationCertificate.Parties("CN", "mass@upper-lab.example",
                        "北京", "standards@jianghai-metrology.example", "upper LIMS", "1")),
                java.nio.charset.StandardCharsets.UTF_8);
        String path = "/api/v1/standards/" + code + "/calibrations/dcc?dueDate=" + TODAY.plusYears(1) + "&name=up.xml";

        String hostile = dcc.replaceFirst("\\?>", "?>\n<!DOCTYPE x [<!ENTITY n SYSTEM \"file:///etc/hostname\">]>")
                .replaceFirst("<dcc:uniqueIdentifier>[^<]*<", "<dcc:uniqueIdentifier>&n;<");
        var refused = quality.postBytes(path, "application/xml", hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.object().getString("error")).isEqualTo("error.dcc.DOCTYPE");
        assertThat(refused.object().getString("detail")).contains("DOCTYPE", "未经读取即被拒绝");

        String invalid = dcc.replaceAll("<dcc:performanceLocation>.*?</dcc:performanceLocation>", "");
        refused = quality.postBytes(path, "application/xml", invalid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.object().getString("error")).isEqualTo("error.dcc.SCHEMA");
        assertThat(refused.object().getString("detail")).contains("performanceLocation", "未导入任何内容");
        assertThat(quality.get("/api/v1/standards/" + code + "/calibrations").array()).as("nothing imported").isEmpty();

        byte[] valid = dcc.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(LimsApi.as("technician").postBytes(path, "application/xml", valid).status()).isEqualTo(403);
        var imported = quality.postBytes(path, "application/xml", valid);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        JsonArray calibrations = quality.get("/api/v1/standards/" + code + "/calibrations").array();
        assertThat(calibrations).hasSize(1);
        JsonObject calibration = calibrations.getJsonObject(0);
        assertThat(calibration.getString("certificateNumber")).isEqualTo(sample.number());
        assertThat(calibration.getString("laboratory")).isEqualTo(sample.laboratory().nameZh());
        assertThat(calibration.getString("calibratedOn")).isEqualTo(sample.calibrationDate().toString());
        assertThat(calibration.getString("dueDate")).isEqualTo(TODAY.plusYears(1).toString());
        JsonArray values = calibration.getJsonArray("values");
        assertThat(values).hasSize(sample.results().size());
        var first = sample.results().get(0);
        assertThat(values.getJsonObject(0).getString("name")).isEqualTo(first.item());
        assertThat(values.getJsonObject(0).getJsonNumber("value").bigDecimalValue())
                .isEqualByComparingTo(first.measuredValue().value());
        assertThat(values.getJsonObject(0).getJsonNumber("coverageFactor").bigDecimalValue())
                .isEqualByComparingTo(first.coverageFactor());
        JsonObject now = quality.get("/api/v1/standards").array().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
        assertThat(now.getString("certificateNumber")).isEqualTo(sample.number());

        long id = calibration.getJsonNumber("id").longValue();
        var file = quality.get("/api/v1/standards/" + code + "/calibrations/" + id + "/document");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(valid);
        assertThat(file.raw().headers().firstValue("X-Content-SHA256")).contains(calibration.getString("documentSha256"));
        for (String other : new String[] {"customer", "customer2"}) {
            assertThat(LimsApi.as(other).get("/api/v1/standards/" + code + "/calibrations").status()).isEqualTo(403);
            assertThat(LimsApi.as(other).get("/api/v1/standards/" + code + "/calibrations/" + id + "/document").status())
                    .isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().get("/api/v1/standards/" + code + "/calibrations/" + id + "/document").status())
                .isEqualTo(401);
    }
}
