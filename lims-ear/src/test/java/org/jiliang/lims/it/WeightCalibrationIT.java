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
 * A weight calibration against the deployed EAR (JJG 99 / OIML R 111-1 Annex C): the demo's F1 1 kg weight is
 * received and assigned at the intake desk, compared with the E2 1 kg reference in three ABBA cycles on the
 * simulated mass comparator (d = 0.1 mg), signed by three people, and issued as a calibration certificate whose
 * value, U, budget and conformity statement are read back from the PDF and the stored result.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WeightCalibrationIT {

    private static final String COMPARATOR = "CMP-01";
    private static final String WEIGHT_SERIAL = "W-2611-01";
    /**
     * Test-weight indications per cycle (B1, B2): ΔI = 1.8, 1.9, 1.8 mg with the reference shown as
     * 1000.0003 g / 1000.0004 g, 1000.0004 g / 1000.0003 g, 1000.0002 g / 1000.0003 g.
     */
    static final String[][] CYCLES = {
            {"1000.0003", "1000.0021", "1000.0022", "1000.0004"},
            {"1000.0004", "1000.0023", "1000.0022", "1000.0003"},
            {"1000.0002", "1000.0020", "1000.0021", "1000.0003"}};

    private final LimsApi clerk = LimsApi.as("clerk");
    private final LimsApi technician = LimsApi.as("technician");

    /**
     * Issue 11: three ABBA differences that agree exactly claimed a weighing-process uncertainty of 0 mg. The
     * comparator's pooled s from its records is taken instead, with its degrees of freedom, and the budget says so.
     */
    @Test
    void differencesThatAgreeExactlyTakeTheComparatorsPooledStandardDeviation() throws Exception {
        var received = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":" + weightId() + "}");
        assertThat(received.status()).as(received.text()).isEqualTo(200);
        long id = received.object().getJsonNumber("id").longValue();
        assertThat(clerk.post("/api/v1/jobs/" + id + "/assignment",
                "{\"technician\":\"technician\",\"benchDevice\":\"" + COMPARATOR + "\"}").status()).isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/start", "{}").status()).isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/standards", "{\"code\":\"STD-E2-005\"}").status())
                .isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/environment",
                "{\"temperature\":20.0,\"humidity\":50,\"pressure\":1013.25}").status()).isEqualTo(200);
        String[] cycle = {"1000.0003", "1000.0021", "1000.0021", "1000.0003"}; // ΔI = 1.8 mg in every cycle
        for (var value : technician.get("/api/v1/jobs/" + id).object().getJsonArray("points")) {
            int ordinal = ((JsonObject) value).getInt("ordinal");
            String grams = cycle[(ordinal - 1) % 4];
            SimulatedScale.loadComparator(grams);
            BenchFlow.awaitStableReading(technician, COMPARATOR, new BigDecimal(grams));
            var captured = technician.post("/api/v1/jobs/" + id + "/points/" + ordinal + "/capture", "{}");
            assertThat(captured.status()).as(captured.text()).isEqualTo(200);
        }

        JsonObject calibration = technician.get("/api/v1/jobs/" + id).object().getJsonObject("details");
        JsonObject weighing = weighingLine(calibration);
        // u_w = s_p/√3 = 0.05 mg/√3 = 0.0289 mg, ν = 20 (the demo records CMP-01's s_p = 0.05 mg, ν = 20)
        assertThat(weighing.getString("standardUncertainty")).isEqualTo("0.0000289 g");
        assertThat(weighing.getString("degreesOfFreedom")).isEqualTo("20");
        assertThat(weighing.getString("evaluation")).contains("pooled", "s_p CMP-01", "R 111-1 C.6.1");
        assertThat(calibration.getString("expandedUncertainty")).isEqualTo("0.00062 g");
        // the job is finished, so that the weight is free for the other test
        assertThat(technician.post("/api/v1/jobs/" + id + "/submit", "{\"password\":\"jiliang\"}").status()).isEqualTo(200);
        BenchFlow.checked(id);
        assertThat(LimsApi.as("approver").post("/api/v1/jobs/" + id + "/approve", "{\"password\":\"jiliang\"}").status())
                .isEqualTo(200);
    }

    private static JsonObject weighingLine(JsonObject calibration) {
        return calibration.getJsonArray("budget").stream().map(JsonObject.class::cast)
                .filter(l -> l.getString("symbol").equals("ΔI")).findFirst().orElseThrow();
    }

    @Test
    void aWeightIsCalibratedAndItsCertificateStatesValueUncertaintyBudgetAndConformity() throws Exception {
        long weightId = weightId();
        var received = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":" + weightId + "}");
        assertThat(received.status()).as(received.text()).isEqualTo(200);
        JsonObject job = received.object();
        long id = job.getJsonNumber("id").longValue();
        assertThat(job.getString("procedureCode")).isEqualTo("JJG 99-2006");
        assertThat(job.getString("verificationType")).isEqualTo("CALIBRATION");
        // F1 needs 1 ABBA cycle by R 111-1 Table C.1; the laboratory's procedure runs 3: 12 indications
        assertThat(job.getJsonArray("points")).hasSize(12);
        assertThat(job.getJsonArray("points").getJsonObject(0).getString("label")).contains("参考砝码");

        var assigned = clerk.post("/api/v1/jobs/" + id + "/assignment",
                "{\"technician\":\"technician\",\"benchDevice\":\"" + COMPARATOR + "\"}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/start", "{}").status()).isEqualTo(200);

        // the scale verification's F1 weight set is not a reference for an F1 weight: JJG 99 here accepts E1, E2
        var wrongStandard = technician.postEnglish("/api/v1/jobs/" + id + "/standards", "{\"code\":\"STD-F1-001\"}");
        assertThat(wrongStandard.status()).isEqualTo(409);
        assertThat(wrongStandard.text()).contains("STD-F1-001").contains("E1, E2");
        assertThat(technician.post("/api/v1/jobs/" + id + "/standards", "{\"code\":\"STD-E2-005\"}").status())
                .isEqualTo(200);

        var noPressure = technician.postEnglish("/api/v1/jobs/" + id + "/environment",
                "{\"temperature\":20.5,\"humidity\":45}");
        assertThat(noPressure.status()).isEqualTo(409);
        assertThat(noPressure.text()).contains("air pressure");
        var env = technician.post("/api/v1/jobs/" + id + "/environment",
                "{\"temperature\":20.0,\"humidity\":50,\"pressure\":1013.25}");
        assertThat(env.status()).as(env.text()).isEqualTo(200);

        JsonObject before = env.object().getJsonObject("details");
        assertThat(before.getString("missing")).contains("未采集").doesNotContain("参考砝码");

        for (var value : technician.get("/api/v1/jobs/" + id).object().getJsonArray("points")) {
            JsonObject point = (JsonObject) value;
            int ordinal = point.getInt("ordinal");
            String grams = CYCLES[(ordinal - 1) / 4][(ordinal - 1) % 4];
            SimulatedScale.loadComparator(grams);
            BenchFlow.awaitStableReading(technician, COMPARATOR, new BigDecimal(grams));
            var captured = technician.post("/api/v1/jobs/" + id + "/points/" + ordinal + "/capture", "{}");
            assertThat(captured.status()).as(point.getString("label") + ": " + captured.text()).isEqualTo(200);
        }

        JsonObject calibration = technician.get("/api/v1/jobs/" + id).object().getJsonObject("details");
        // m_ct = 1000.00012 g + ΔĪ (1.8333 mg) + m_cr·C (C = 0: both at 8000 kg/m³) = 1000.00195 g;
        // u_c = 0.309 mg (worked out in WeightCalibrationProcedureTest for ρa = 1.19931 kg/m³), U = 0.62 mg
        assertThat(calibration.getString("conventionalMass")).isEqualTo("1000.00195 g");
        assertThat(calibration.getString("expandedUncertainty")).isEqualTo("0.00062 g");
        assertThat(calibration.getString("coverageFactor")).isEqualTo("2.00");
        assertThat(calibration.getJsonArray("budget")).hasSize(5);
        assertThat(calibration.getBoolean("uncertaintyWithinLimit")).isTrue();
        // s(ΔI) = 0.058 mg scatters more than CMP-01's records (s_p = 0.05 mg): the series' own s is taken, and said
        assertThat(weighingLine(calibration).getString("evaluation")).contains("s of these readings, larger than s_p 0.00005 g of CMP-01");

        var submitted = technician.post("/api/v1/jobs/" + id + "/submit", "{\"password\":\"jiliang\"}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        BenchFlow.checked(id);
        var approved = LimsApi.as("approver").post("/api/v1/jobs/" + id + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        String number = approved.object().getString("number");
        assertThat(number).contains("JC");
        assertThat(approved.object().getString("kind")).isEqualTo("CALIBRATION_CERTIFICATE");

        var pdf = LimsApi.as("customer").get("/api/v1/certificates/" + number + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        String text = PdfDocuments.text(pdf.body());
        assertThat(text).contains("校准证书").contains(number).contains(WEIGHT_SERIAL)
                .contains("1000.00195 g").contains("0.62 mg")
                .contains("参考砝码（证书值）").contains("比较仪分辨力")
                .contains("保护带接受，w = U").contains("1013.25 hPa")
                .contains("张伟").contains("李娜").contains("王强")
                .doesNotContain("合格");

        // the same result, machine-readable: a DCC for the customer's software, hidden from other customers
        var dcc = LimsApi.as("customer").get("/api/v1/certificates/" + number + "/dcc");
        assertThat(dcc.status()).isEqualTo(200);
        assertThat(dcc.text()).contains("schemaVersion=\"3.1.2\"").contains("<dcc:uniqueIdentifier>" + number)
                .contains("<si:value>1000.00195</si:value>").contains("<si:uncertainty>0.00062</si:uncertainty>")
                .contains("<dcc:conformity>pass</dcc:conformity>");
        assertThat(LimsApi.as("customer2").get("/api/v1/certificates/" + number + "/dcc").status()).isEqualTo(404);
        // issue 14: valid against the DCC 3.1.2 schema, signed (an enveloped XML signature by the institute's key),
        // offered by the public check to whoever holds the token, and no longer verifying once changed
        org.jiliang.reports.dcc.DccSchema.schema().newValidator().validate(new javax.xml.transform.stream.StreamSource(
                new java.io.ByteArrayInputStream(dcc.body())));
        assertThat(org.jiliang.reports.dcc.DccSignature.verify(dcc.body()).getSubjectX500Principal().getName())
                .contains("证书签名（演示）");
        String token = VerificationSliceIT.token(number);
        assertThat(LimsApi.anonymous().get("/verify/" + token).text()).contains("id=\"verify-dcc\"",
                "/verify/" + token + "/dcc");
        assertThat(LimsApi.anonymous().get("/verify/" + token + "/dcc").body()).isEqualTo(dcc.body());
        assertThat(LimsApi.anonymous().get("/verify/" + "A".repeat(32) + "/dcc").status()).isEqualTo(404);
        byte[] changed = dcc.text().replace("<si:value>1000.00195</si:value>", "<si:value>1000.00196</si:value>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.jiliang.reports.dcc.DccSignature.verify(changed))
                .hasMessageContaining("changed after it was signed");

        try (Connection db = ServerDatabase.connect();
             PreparedStatement q = db.prepareStatement("select r.measured_value, r.expanded_uncertainty, r.unit,"
                     + " r.decision_rule, r.conforms, r.budget_csv, r.rules_source from calibration_result r"
                     + " join certificate c on c.id = r.certificate_id where c.certificate_number = ?")) {
            q.setString(1, number);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("the result is stored with certificate " + number).isTrue();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("1000.00195");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("0.00062");
                assertThat(rs.getString(3)).isEqualTo("g");
                assertThat(rs.getString(4)).isEqualTo("GUARDED_ACCEPTANCE");
                assertThat(rs.getBoolean(5)).isTrue();
                assertThat(rs.getString(6)).contains("m_cr").contains("ΔI").contains("δm_b").contains("δI_d");
                assertThat(rs.getString(7)).contains("R 111-1").contains("Table 5");
            }
        }

        var returned = clerk.post("/api/v1/jobs/" + id + "/return", "{}");
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.object().getString("state")).isEqualTo("RETURNED");
    }

    private long weightId() {
        for (var value : clerk.get("/api/v1/instruments?text=" + WEIGHT_SERIAL).rows()) {
            JsonObject i = (JsonObject) value;
            if (WEIGHT_SERIAL.equals(i.getString("serialNumber"))) {
                return i.getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError("The demo data has no weight " + WEIGHT_SERIAL);
    }
}
