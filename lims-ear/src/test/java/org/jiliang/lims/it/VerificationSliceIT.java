package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The walking skeleton over HTTP against the deployed EAR: standards, a scale verification
 * at the bench with the simulated MT-SICS scale, signatures, the certificate, the customer's
 * download, customer isolation and the public check.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class VerificationSliceIT {

    private final LimsApi technician = LimsApi.as("technician");

    @Test
    void qualityManagerSeesStandardStatusFromDueDates() {
        var standards = LimsApi.as("quality").get("/api/v1/standards").array();
        assertThat(standards).extracting(v -> ((JsonObject) v).getString("code") + "=" + ((JsonObject) v).getString("status"))
                .contains("STD-F1-001=VALID", "STD-M1-002=OVERDUE", "STD-F1-003=DUE_SOON");
        // issue 11: the days left to the due date, counted the same day the status is judged
        for (var value : standards) {
            JsonObject s = (JsonObject) value;
            long daysLeft = s.getJsonNumber("daysLeft").longValue();
            switch (s.getString("status")) {
                case "OVERDUE" -> assertThat(daysLeft).as(s.getString("code")).isNegative();
                case "DUE_SOON" -> assertThat(daysLeft).as(s.getString("code")).isBetween(0L, 30L);
                case "VALID" -> assertThat(daysLeft).as(s.getString("code")).isGreaterThan(30L);
                default -> { }
            }
        }
    }

    @Test
    void wrongPasswordDoesNotLogIn() {
        assertThat(LimsApi.as("technician", "not-the-password").get("/api/v1/me").status()).isEqualTo(401);
        // Without credentials a program gets 401 with a Basic challenge and a reason, not the login page.
        var anonymous = LimsApi.anonymous().get("/api/v1/jobs");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Basic"));
        assertThat(anonymous.text()).contains("请先登录").doesNotContain("jobNumber").doesNotContain("j_password");
        // a page still sends a browser to the login form
        var page = LimsApi.anonymous().get("/jobs.xhtml");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.raw().headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/login.xhtml"));
        assertThat(LimsApi.anonymous().get("/login.xhtml").text()).contains("/public/login").contains("j_password");
    }

    @Test
    void overdueStandardIsRefusedWithAReasonTheTechnicianReads() {
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);

        var chinese = technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-M1-002\"}");
        assertThat(chinese.status()).isEqualTo(409);
        assertThat(chinese.object().getString("detail")).contains("STD-M1-002", "已超过有效期");

        var english = technician.postEnglish("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-M1-002\"}");
        assertThat(english.object().getString("detail")).contains("STD-M1-002", "is overdue");

        var valid = technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\"}");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.object().getJsonArray("standards").toString()).contains("STD-F1-001").doesNotContain("STD-M1-002");
    }

    /**
     * Issue 11: capture accepted nonsense without a word. The zero point with 200 g on the pan, the Min point with
     * an empty pan, an empty ΔL: each refused with the reason, nothing stored; an implausible reading is accepted
     * only with the technician's stated reason, which goes into the record.
     */
    @Test
    void implausibleReadingsAreRefusedOrAcceptedWithAStatedReason() {
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        assertThat(technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\"}").status()).isEqualTo(200);
        BenchFlow.recordNormalEnvironment(technician, job);

        BenchFlow.place(technician, new BigDecimal("200"), BigDecimal.ZERO);
        var loadedZero = technician.post("/api/v1/jobs/" + job + "/points/1/capture", "{\"additionalLoad\":5}");
        assertThat(loadedZero.status()).isEqualTo(409);
        assertThat(loadedZero.object().getString("error")).isEqualTo("error.capture.zeroNotEmpty");
        assertThat(loadedZero.object().getString("detail")).contains("空载", "接受理由");

        var emptyDeltaL = technician.post("/api/v1/jobs/" + job + "/points/2/capture", "{}");
        assertThat(emptyDeltaL.object().getString("error")).isEqualTo("error.capture.additionalLoadMissing");

        BenchFlow.place(technician, BigDecimal.ZERO, BigDecimal.ZERO);
        var emptyAtMin = technician.postEnglish("/api/v1/jobs/" + job + "/points/2/capture", "{\"additionalLoad\":5}");
        assertThat(emptyAtMin.object().getString("error")).isEqualTo("error.capture.farFromLoad");
        assertThat(emptyAtMin.object().getString("detail")).contains("200 g", "Reason to accept");
        assertThat(technician.get("/api/v1/jobs/" + job).object().getJsonArray("points").stream()
                .map(JsonObject.class::cast)).allMatch(p -> !p.containsKey("indication"));

        var accepted = technician.post("/api/v1/jobs/" + job + "/points/2/capture",
                "{\"additionalLoad\":5,\"acceptReason\":\"Min 点按客户要求空载复核\"}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        JsonObject min = accepted.object().getJsonArray("points").getJsonObject(1);
        assertThat(BenchFlow.grams(min.getString("indication"))).isZero();
        assertThat(min.getJsonArray("history").getString(0)).contains("Min 点按客户要求空载复核");
        // what the checker's review lists beside the point: one reading accepted with a reason
        assertThat(min.getInt("acceptedReadings")).isEqualTo(1);
        assertThat(accepted.object().getJsonArray("points").getJsonObject(0).getInt("acceptedReadings")).isZero();
        var trail = LimsApi.as("quality").get("/api/v1/audit?count=200").text();
        assertThat(trail).contains("Min 点按客户要求空载复核");
    }

    @Test
    void unstableReadingIsNotCaptured() {
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        // a load set down roughly: the pan moves for a minute, far longer than the capture below takes
        SimulatedScale.loadMoving("12.34", Duration.ofMinutes(1));
        try {
            awaitStatus("DYNAMIC");
            var reply = technician.post("/api/v1/jobs/" + job + "/points/2/capture", "{}");
            assertThat(reply.status()).as(reply.text()).isEqualTo(409);
            assertThat(reply.object().getString("error")).isEqualTo("error.capture.unstable");
            assertThat(reply.object().getString("detail")).contains("读数尚未稳定");
            var after = technician.get("/api/v1/jobs/" + job).object();
            assertThat(after.getJsonArray("points").getJsonObject(1)).doesNotContainKey("indication");
        } finally {
            SimulatedScale.load("0"); // another load: the pan settles in its usual time for the next test
        }
    }

    private void awaitStatus(String status) {
        for (int i = 0; i < 200; i++) {
            var latest = technician.get("/api/v1/benches/BAL-01/latest");
            if (latest.status() == 200 && status.equals(latest.object().getString("status"))) {
                return;
            }
            BenchFlow.sleep(10);
        }
        throw new AssertionError("the scale never reported " + status);
    }

    @Test
    void wholeVerificationOverHttpIssuesACertificateTheCustomerDownloads() throws Exception {
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        JsonObject opened = technician.get("/api/v1/jobs/" + job).object();
        // JJG 539 / R 76 test plan for class III, Max 30 kg, e = 10 g, subsequent verification
        assertThat(opened.getJsonArray("points")).extracting(p -> ((JsonObject) p).getString("test") + " "
                        + ((JsonObject) p).getString("load") + " " + ((JsonObject) p).getString("mpe") + " x"
                        + ((JsonObject) p).getInt("readingsNeeded"))
                .contains("ZERO_SETTING 0 g ±2.5 g x1", "WEIGHING 200 g ±5 g x1", "WEIGHING 5000 g ±5 g x1",
                        "WEIGHING 20000 g ±10 g x1", "WEIGHING 30000 g ±15 g x1", "ECCENTRICITY 10000 g ±10 g x1",
                        // issue 11: a spread is held to |MPE|, a change of indication to d, not to ±MPE
                        "REPEATABILITY 15000 g ≤ 10 g x10", "REPEATABILITY 30000 g ≤ 15 g x10",
                        "DISCRIMINATION 30000 g ≥ 10 g x2")
                .hasSize(20);

        // issue 11: nothing is captured before the standards and then the bench conditions are recorded
        BenchFlow.place(technician, BigDecimal.ZERO, BigDecimal.ZERO);
        String zeroPoint = "/api/v1/jobs/" + job + "/points/1/capture";
        assertThat(technician.post(zeroPoint, "{\"additionalLoad\":5}").object().getString("error"))
                .isEqualTo("error.capture.noStandard");
        assertThat(technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\"}").status()).isEqualTo(200);
        var noEnvironment = technician.post(zeroPoint, "{\"additionalLoad\":5}");
        assertThat(noEnvironment.status()).isEqualTo(409);
        assertThat(noEnvironment.object().getString("error")).isEqualTo("error.capture.noEnvironment");
        assertThat(technician.get("/api/v1/jobs/" + job).object().getJsonArray("points").getJsonObject(0))
                .doesNotContainKey("indication");
        BenchFlow.recordNormalEnvironment(technician, job);
        JsonObject measured = BenchFlow.captureAllPoints(technician, job, BigDecimal.ZERO);

        JsonObject point500e = measured.getJsonArray("points").getJsonObject(2);
        assertThat(point500e.getString("label")).contains("500 e ↑");
        assertThat(point500e.getString("indication")).isEqualTo("5000 g");
        assertThat(point500e.getString("additionalLoad")).isEqualTo("5 g");
        assertThat(point500e.getString("error")).as("Ec = I + e/2 - dL - L - E0").isEqualTo("Ec = 0 g");
        // issue 11: the discrimination row showed "+10 g" under "error" beside "±15 g"; the repeatability row its
        // spread as an error. Each says what its value is, beside its own requirement.
        JsonObject discrimination = measured.getJsonArray("points").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("test").equals("DISCRIMINATION")).findFirst().orElseThrow();
        assertThat(discrimination.getString("error")).isEqualTo("ΔI = 10 g");
        assertThat(discrimination.getString("mpe")).isEqualTo("≥ 10 g");
        assertThat(discrimination.getString("verdict")).isEqualTo("PASS");
        JsonObject repeatability = measured.getJsonArray("points").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("test").equals("REPEATABILITY")).findFirst().orElseThrow();
        assertThat(repeatability.getString("error")).isEqualTo("Emax − Emin = 0 g");
        assertThat(repeatability.getString("mpe")).isEqualTo("≤ 10 g");
        assertThat(point500e.getString("verdict")).isEqualTo("PASS");
        // The original frame is kept byte for byte, CR LF included.
        String raw = new String(HexFormat.ofDelimiter(" ").parseHex(point500e.getString("rawHex")), StandardCharsets.US_ASCII);
        assertThat(raw).matches("S S +5\\.00 kg\r\n");
        assertThat(measured.getBoolean("passed")).isTrue();

        var twice = technician.post("/api/v1/jobs/" + job + "/points/3/capture", "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.object().getString("error")).isEqualTo("error.capture.alreadyCaptured");

        var badSignature = technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"guess\"}");
        assertThat(badSignature.object().getString("error")).isEqualTo("error.sign.password");
        assertThat(technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}").object()
                .getString("state")).isEqualTo("MEASURED");
        BenchFlow.checked(job);

        // issue 11: the approver reads the certificate before signing; nothing is issued by reading it
        String preview = "/api/v1/jobs/" + job + "/certificate-preview";
        var draft = LimsApi.as("approver").get(preview);
        assertThat(draft.status()).as(draft.text()).isEqualTo(200);
        assertThat(draft.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(PdfDocuments.text(draft.body())).contains("DRAFT", "华东食品有限公司", "YH2026-00731", "张伟", "李娜")
                .doesNotContain("王强");
        assertThat(LimsApi.as("customer").get(preview).status()).as("the customer, before it is issued").isEqualTo(403);
        assertThat(LimsApi.as("technician").get(preview).status()).isEqualTo(403);
        assertThat(LimsApi.anonymous().get(preview).status()).isEqualTo(401);
        assertThat(LimsApi.as("customer").get("/api/v1/certificates?max=1000").text()).doesNotContain("DRAFT");

        assertThat(technician.post("/api/v1/jobs/" + job + "/approve", "{\"password\":\"jiliang\"}").status())
                .as("a technician cannot approve").isEqualTo(403);
        var approved = LimsApi.as("approver").post("/api/v1/jobs/" + job + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        String number = approved.object().getString("number");
        assertThat(approved.object().getString("kind")).isEqualTo("VERIFICATION_CERTIFICATE");
        assertThat(number).startsWith("JHJD");

        LimsApi customer = LimsApi.as("customer");
        assertThat(customer.get("/api/v1/certificates?text=" + number).text()).contains(number);
        var pdf = customer.get("/api/v1/certificates/" + number + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = PdfDocuments.text(pdf.body());
        assertThat(text).contains(number, "检定证书", "Verification Certificate", "华东食品有限公司", "YH2026-00731",
                "JJG 539-2016", "合格", "F1 等级砝码组", "JZJ2026-04512", "张伟", "李娜", "王强", "(g)", "5000");
        assertThat(text).doesNotContain("不合格");
        // the certificate presents the two tests as the bench does
        assertThat(text).contains("ΔI = 10", "≥ 10 g", "Emax − Emin", "≤ 10 g", "最大允许误差/要求");
        assertThat(PdfDocuments.fontsNotEmbedded(pdf.body())).isEmpty();

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body()));
        assertThat(approved.object().getString("pdfSha256")).isEqualTo(sha256);
        var check = LimsApi.anonymous().get("/api/v1/public/verify/" + token(number)).object();
        assertThat(check.getBoolean("genuine")).isTrue();
        assertThat(check.getBoolean("currentlyValid")).isTrue();
        assertThat(check.getString("pdfSha256")).isEqualTo(sha256);
        // issue 12: the register derives the next due date from the certificate: issued today, 12 months of the
        // catalogue's non-automatic weighing instruments (JJG 539-2016)
        JsonObject instrument = instrument(BenchFlow.FOOD_COMPANY_SCALE);
        assertThat(instrument.getString("nextDueDate"))
                .isEqualTo(ItDay.TODAY.plusMonths(12).toString());
        assertThat(instrument.getJsonObject("register").getString("status")).isEqualTo("IN_SERVICE");
        assertThat(instrument.getJsonObject("register").getString("lastCertificate")).isEqualTo(number);
    }

    /** The instrument as its owner's user (the demo's customer C0001) sees it in the register. */
    static JsonObject instrument(long id) {
        return LimsApi.as("customer").get("/api/v1/instruments?max=1000").rows().stream().map(JsonObject.class::cast)
                .filter(i -> i.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    @Test
    void failingScaleGetsANoticeOfNonConformity() {
        String number;
        try {
            SimulatedScale.bias("0.03"); // +30 g at every load: beyond ±15 g at Max
            number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, new BigDecimal("0.03"));
        } finally {
            SimulatedScale.bias("0");
        }
        var certificate = LimsApi.as("customer").get("/api/v1/certificates/" + number).object();
        assertThat(certificate.getString("kind")).isEqualTo("NOTICE_OF_NON_CONFORMITY");
        assertThat(certificate).doesNotContainKey("validUntil");
        String text = PdfDocuments.text(LimsApi.as("customer").get("/api/v1/certificates/" + number + "/pdf").body());
        // A constant +30 g error shows as the zero-setting error E0 (Ec = E - E0 cancels it elsewhere).
        assertThat(text).contains("检定结果通知书", "不合格", "+30 g", "2.5 g");
        assertThat(LimsApi.anonymous().get("/api/v1/public/verify/" + token(number)).object().getBoolean("currentlyValid"))
                .isFalse();
        // issue 12: not permitted for use until a verification passes; no due date meanwhile
        JsonObject instrument = instrument(BenchFlow.FOOD_COMPANY_SCALE);
        assertThat(instrument.getJsonObject("register").getString("status")).isEqualTo("NOT_PERMITTED");
        assertThat(instrument.getJsonObject("register").getString("lastCertificate")).isEqualTo(number);
        assertThat(instrument).doesNotContainKey("nextDueDate");
    }

    @Test
    void anotherCustomerGetsNothingOfACertificateWhateverTheyTry() {
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        LimsApi other = LimsApi.as("customer2");

        assertThat(other.get("/api/v1/certificates?text=" + number).text()).doesNotContain(number);
        assertThat(other.get("/api/v1/certificates/" + number).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/certificates/" + number + "/pdf").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/certificates/" + number.toLowerCase() + "/pdf").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/certificates/1/pdf").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/certificates/%25/pdf").status()).isIn(400, 404);
        // a not-found is indistinguishable from a forbidden one: same status, same error key
        assertThat(other.get("/api/v1/certificates/" + number).object().getString("error"))
                .isEqualTo(other.get("/api/v1/certificates/JHJD0000-999999").object().getString("error"));
        // staff pages are closed to customers
        assertThat(other.get("/api/v1/jobs").status()).isEqualTo(403);
    }

    /** The unguessable token of a certificate's QR code, as its customer sees it. */
    static String token(String number) {
        return LimsApi.as("customer").get("/api/v1/certificates/" + number).object().getString("verificationUrl")
                .replaceAll(".*/verify/", "");
    }

    @Test
    void publicCheckNeedsNoLoginAndShowsNoCustomerData() {
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        String token = token(number);

        var page = LimsApi.anonymous().get("/verify/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(number, "本证书由本机构出具").doesNotContain("华东食品", "兴业路");

        var json = LimsApi.anonymous().get("/api/v1/public/verify/" + token);
        assertThat(json.object().getString("number")).isEqualTo(number);
        assertThat(json.text()).doesNotContain("华东食品");

        assertThat(LimsApi.anonymous().get("/verify/no-such-token").text()).contains("未找到该证书");

        // the sequential number is not a key to the public check: numbers could be enumerated, tokens cannot
        var byNumber = LimsApi.anonymous().get("/api/v1/public/verify/" + number);
        assertThat(byNumber.object().getBoolean("genuine")).isFalse();
        assertThat(byNumber.text()).doesNotContain(number);
        assertThat(LimsApi.anonymous().get("/verify/" + number).text()).contains("未找到该证书").doesNotContain("YH2026");
    }
}
