package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13: an intermediate check made at the bench as a job of its own method (JJF 1033). The check weight is
 * received as a check standard naming the standard it checks; the job's point is the plan's, taking three readings
 * from the simulated mass comparator through the bench path (device frames, raw bytes); the job shows what the check
 * will find; the draft the approver reads records nothing; the approval records the check — out of the control limits,
 * so the standard is suspended and a case opens — and issues a signed intermediate check record (PDF read back).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CheckAtTheBenchIT {

    private static final LocalDate TODAY = ItDay.TODAY;
    private static final String COMPARATOR = "CMP-01";
    private static final String[] BENCH_READINGS = {"1000.0031", "1000.0032", "1000.0030"};

    private final LimsApi quality = LimsApi.as("quality");
    private final LimsApi clerk = LimsApi.as("clerk");
    private final LimsApi technician = LimsApi.as("technician");

    @Test
    void aCheckAtTheBenchIsRecordedAtApprovalAndSuspendsTheStandardItFindsOutOfTolerance() throws Exception {
        theProcedureAndTheAuthorizationsAreThere();
        String code = standardWithPlanAndBase();
        long instrument = checkWeight(code);

        var received = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":" + instrument + "}");
        assertThat(received.status()).as(received.text()).isEqualTo(200);
        JsonObject job = received.object();
        long id = job.getJsonNumber("id").longValue();
        assertThat(job.getString("procedureCode")).isEqualTo("JJF 1033-2016");
        assertThat(job.getJsonArray("points")).hasSize(1);
        assertThat(job.getJsonArray("points").getJsonObject(0).getString("label")).isEqualTo("1 kg");

        assertThat(clerk.post("/api/v1/jobs/" + id + "/assignment", "{\"technician\":\"technician\",\"benchDevice\":\""
                + COMPARATOR + "\"}").status()).isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/start", "{}").status()).isEqualTo(200);
        // the job checks one standard: another, valid and of an accepted class, is refused with the reason
        var other = technician.postEnglish("/api/v1/jobs/" + id + "/standards", "{\"code\":\"STD-E2-005\"}");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.object().getString("error")).isEqualTo("error.checkJob.otherStandard");
        assertThat(other.object().getString("detail")).contains("STD-E2-005", code);
        assertThat(technician.post("/api/v1/jobs/" + id + "/standards", "{\"code\":\"" + code + "\"}").status())
                .isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/environment", "{\"temperature\":20.1,\"humidity\":48}")
                .status()).isEqualTo(200);
        for (String grams : BENCH_READINGS) {
            SimulatedScale.loadComparator(grams);
            BenchFlow.awaitStableReading(technician, COMPARATOR, new BigDecimal(grams));
            var captured = technician.post("/api/v1/jobs/" + id + "/points/1/capture", "{}");
            assertThat(captured.status()).as(captured.text()).isEqualTo(200);
        }
        JsonObject details = technician.get("/api/v1/jobs/" + id).object().getJsonObject("details");
        assertThat(details.getString("outcome")).contains("超差", "out of tolerance");
        JsonObject point = details.getJsonArray("points").getJsonObject(0);
        assertThat(point.getString("readings")).isEqualTo("1000.0031 1000.0032 1000.003 g");
        assertThat(point.getString("mean")).isEqualTo("1000.00310 g");
        assertThat(point.getString("judgement")).contains("判异准则 1");
        assertThat(point.getBoolean("passed")).isFalse();

        assertThat(technician.post("/api/v1/jobs/" + id + "/submit", "{\"password\":\"jiliang\"}").status())
                .isEqualTo(200);
        BenchFlow.checked(id);
        var draft = LimsApi.as("approver").get("/api/v1/jobs/" + id + "/certificate-preview");
        assertThat(draft.status()).as(draft.text()).isEqualTo(200);
        assertThat(PdfDocuments.text(draft.body())).contains("DRAFT", "期间核查记录", code, "超差");
        assertThat(status(code)).as("reading the draft records nothing").isEqualTo("VALID");
        assertThat(quality.get("/api/v1/standards/" + code + "/checks").array()).hasSize(2);

        var approved = LimsApi.as("approver").post("/api/v1/jobs/" + id + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        String number = approved.object().getString("number");
        assertThat(number).contains("HC");

        assertThat(status(code)).as("suspended at the approval").isEqualTo("SUSPENDED");
        List<JsonObject> checks = quality.get("/api/v1/standards/" + code + "/checks").array()
                .getValuesAs(JsonObject.class);
        JsonObject recorded = checks.get(checks.size() - 1);
        assertThat(recorded.getString("jobNumber")).isEqualTo(job.getString("jobNumber"));
        assertThat(recorded.getString("performedBy")).isEqualTo("technician");
        assertThat(recorded.getString("outcome")).isEqualTo("OUT_OF_TOLERANCE");
        assertThat(recorded.getJsonArray("results").getJsonObject(0).getJsonArray("readings")
                .getValuesAs(jakarta.json.JsonNumber.class)).extracting(n -> n.bigDecimalValue().stripTrailingZeros())
                .containsExactly(new BigDecimal("1000.0031"), new BigDecimal("1000.0032"), new BigDecimal("1000.003"));
        assertThat(quality.get("/api/v1/standards/" + code + "/cases").text()).contains("OUT_OF_TOLERANCE", "OPEN");

        var pdf = quality.get("/api/v1/certificates/" + number + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        // a cell may wrap: every run of blanks and line breaks counts as one blank
        assertThat(PdfDocuments.text(pdf.body()).replaceAll("\\s+", " ")).contains("期间核查记录",
                "Intermediate Check Record", number, code,
                "核查砝码 CW-IT", "1000.0031 1000.0032 1000.003 g", "1000.00310 g", "超差", "张伟", "李娜", "王强")
                .doesNotContain("DRAFT");
        // whose is it: the institute's own record, not a customer's
        assertThat(LimsApi.as("customer").get("/api/v1/certificates/" + number + "/pdf").status()).isEqualTo(404);
        assertThat(LimsApi.anonymous().get("/api/v1/certificates/" + number + "/pdf").status()).isEqualTo(401);
    }

    /** A plan judged by E_n: each capture takes the U of the result (here in mg, for a point in g). */
    @Test
    void aPlanJudgedByEnTakesTheUncertaintyOfTheResultWithEachReading() throws Exception {
        theProcedureAndTheAuthorizationsAreThere();
        String code = "STD-HN-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        assertThat(quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"E2 砝码 1 kg\","
                + "\"accuracy\":\"E2\",\"serialNumber\":\"HN-1\",\"certificateNumber\":\"JZJ-HN-1\","
                + "\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + TODAY.minusMonths(2) + "\",\"dueDate\":\""
                + TODAY.plusMonths(10) + "\"}").status()).isEqualTo(200);
        var plan = quality.put("/api/v1/standards/" + code + "/check-plan", "{\"intervalDays\":30,\"checkStandard\":"
                + "\"核查砝码 CW-HN\",\"chart\":\"MEAN_RANGE\",\"readingsPerCheck\":2,\"baseChecks\":5,"
                + "\"criterion\":\"NORMALIZED_ERROR\",\"points\":[{\"nominal\":\"1 kg\",\"unit\":\"g\","
                + "\"referenceValue\":1000.0001,\"referenceUncertainty\":0.0003}]}");
        assertThat(plan.status()).as(plan.text()).isEqualTo(200);
        long id = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":" + checkWeight(code) + "}").object()
                .getJsonNumber("id").longValue();
        assertThat(clerk.post("/api/v1/jobs/" + id + "/assignment", "{\"technician\":\"technician\",\"benchDevice\":\""
                + COMPARATOR + "\"}").status()).isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/start", "{}").status()).isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/standards", "{\"code\":\"" + code + "\"}").status())
                .isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/environment", "{\"temperature\":20.1,\"humidity\":48}")
                .status()).isEqualTo(200);
        SimulatedScale.loadComparator("1000.0002");
        BenchFlow.awaitStableReading(technician, COMPARATOR, new BigDecimal("1000.0002"));
        var withoutU = technician.postEnglish("/api/v1/jobs/" + id + "/points/1/capture", "{}");
        assertThat(withoutU.status()).isEqualTo(409);
        assertThat(withoutU.object().getString("error")).isEqualTo("error.capture.entryMissing");
        for (String grams : new String[] {"1000.0002", "1000.0003"}) {
            SimulatedScale.loadComparator(grams);
            BenchFlow.awaitStableReading(technician, COMPARATOR, new BigDecimal(grams));
            var captured = technician.post("/api/v1/jobs/" + id + "/points/1/capture",
                    "{\"entries\":{\"uncertainty\":\"0.4 mg\"}}");
            assertThat(captured.status()).as(captured.text()).isEqualTo(200);
        }
        // E_n = (1000.00025 − 1000.0001) / √(0.0004² + 0.0003²) = 0.00015 / 0.0005 = 0.30
        JsonObject details = technician.get("/api/v1/jobs/" + id).object().getJsonObject("details");
        assertThat(details.getJsonArray("points").getJsonObject(0).getString("judgement")).contains("E_n = 0.30");
        assertThat(details.getString("outcome")).contains("基期");
        assertThat(technician.post("/api/v1/jobs/" + id + "/submit", "{\"password\":\"jiliang\"}").status())
                .isEqualTo(200);
        BenchFlow.checked(id);
        var approved = LimsApi.as("approver").post("/api/v1/jobs/" + id + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        JsonObject result = quality.get("/api/v1/standards/" + code + "/checks").array().getJsonObject(0)
                .getJsonArray("results").getJsonObject(0);
        assertThat(result.getJsonNumber("uncertainty").bigDecimalValue()).isEqualByComparingTo("0.0004");
        assertThat(result.getJsonNumber("normalizedError").bigDecimalValue()).isEqualByComparingTo("0.3");
        assertThat(status(code)).isEqualTo("VALID");
        String text = PdfDocuments.text(quality.get("/api/v1/certificates/" + approved.object().getString("number")
                + "/pdf").body()).replaceAll("\\s+", " ");
        assertThat(text).contains("1000.0001 g (U = 0.0003 g)", "E_n = 0.30", "1000.00025 g");
    }

    @Test
    void aCheckStandardWhoseStandardHasNoPlanIsNotReceived() {
        theProcedureAndTheAuthorizationsAreThere();
        long instrument = checkWeight("STD-M2-004");
        var refused = clerk.postEnglish("/api/v1/jobs/intake", "{\"instrumentId\":" + instrument + "}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.object().getString("error")).isEqualTo("error.checkJob.noPlan");
        assertThat(refused.object().getString("detail")).contains("STD-M2-004");
    }

    private String status(String code) {
        return quality.get("/api/v1/standards").array().getValuesAs(JsonObject.class).stream()
                .filter(s -> code.equals(s.getString("code"))).findFirst().orElseThrow().getString("status");
    }

    /** The JJF 1033 check edition and the three people's authorizations under it (the demo may have them). */
    private void theProcedureAndTheAuthorizationsAreThere() {
        if (!quality.get("/api/v1/procedures").text().contains("JJF1033-CHECK")) {
            var edition = quality.post("/api/v1/procedures", "{\"code\":\"JJF 1033-2016\",\"title\":\"计量标准考核规范"
                    + " 期间核查\",\"kind\":\"CALIBRATION\",\"effectiveFrom\":\"2017-05-30\",\"testPlan\":"
                    + "\"JJF1033-CHECK\",\"allowedStandardClasses\":\"E1, E2\",\"temperatureMin\":15,"
                    + "\"temperatureMax\":30,\"humidityMax\":80,\"limitsSource\":\"test\"}");
            assertThat(edition.status()).as(edition.text()).isEqualTo(200);
        }
        LimsApi admin = LimsApi.as("admin");
        for (String[] who : new String[][] {{"technician", "PERFORM"}, {"checker", "CHECK"}, {"approver", "APPROVE"}}) {
            String held = admin.get("/api/v1/admin/accounts/" + who[0]).text();
            if (!held.contains("JJF 1033-2016")) {
                var granted = admin.post("/api/v1/admin/accounts/" + who[0] + "/authorizations", "{\"procedureCode\":"
                        + "\"JJF 1033-2016\",\"activity\":\"" + who[1] + "\",\"certificateNumber\":\"JJ-核查-"
                        + who[1] + "\",\"validFrom\":\"" + TODAY.minusDays(1) + "\",\"validUntil\":\""
                        + TODAY.plusYears(1) + "\"}");
                assertThat(granted.status()).as(granted.text()).isEqualTo(200);
            }
        }
    }

    /** An E2 1 kg standard with a mean–range plan (3 readings, base period 2) and its two base checks. */
    private String standardWithPlanAndBase() {
        String code = "STD-HC-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"E2 砝码 1 kg\","
                + "\"accuracy\":\"E2\",\"serialNumber\":\"HC-1\",\"certificateNumber\":\"JZJ-HC-1\","
                + "\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + TODAY.minusMonths(2) + "\",\"dueDate\":\""
                + TODAY.plusMonths(10) + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        var plan = quality.put("/api/v1/standards/" + code + "/check-plan", "{\"intervalDays\":30,\"checkStandard\":"
                + "\"核查砝码 CW-IT\",\"chart\":\"MEAN_RANGE\",\"readingsPerCheck\":3,\"baseChecks\":2,"
                + "\"criterion\":\"CONTROL_LIMITS\",\"points\":[{\"nominal\":\"1 kg\",\"unit\":\"g\"}]}");
        assertThat(plan.status()).as(plan.text()).isEqualTo(200);
        String[][] base = {{TODAY.minusDays(20).toString(), "1000.0003 1000.0004 1000.0003"},
            {TODAY.minusDays(10).toString(), "1000.0004 1000.0003 1000.0004"}};
        for (String[] c : base) {
            var recorded = technician.post("/api/v1/standards/" + code + "/checks", "{\"performedOn\":\"" + c[0]
                    + "\",\"points\":[{\"readings\":\"" + c[1] + "\"}]}");
            assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        }
        return code;
    }

    /** The institute's check weight, registered as a check standard of {@code standard}, owned by the institute. */
    private long checkWeight(String standard) {
        var owner = clerk.post("/api/v1/registry/customers", "{\"code\":\"C0900\",\"name\":\"江海市计量检定测试院（本院）\","
                + "\"address\":\"江海市科技路 88 号\"}");
        assertThat(owner.status()).as(owner.text()).isIn(200, 409);
        var registered = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"C0900\",\"description\":"
                + "\"核查砝码 CW-IT\",\"manufacturer\":\"江海衡器砝码厂\",\"model\":\"1 kg E2\",\"serialNumber\":\"CW-"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"mandatoryVerification\":false,"
                + "\"intervalMonths\":12,\"kind\":\"CHECK_STANDARD\",\"parameters\":{\"standard\":\"" + standard
                + "\"}}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        return registered.object().getJsonNumber("id").longValue();
    }
}
