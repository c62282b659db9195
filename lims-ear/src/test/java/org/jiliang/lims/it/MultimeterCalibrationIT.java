package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jiliang.instrument.simulator.ScpiMultimeterSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10 §3: a digital multimeter calibrated after JJF 1587 over SCPI, from intake to the customer's download,
 * against the deployed EAR. The bench sets the meter to each point's function and range ({@code CONF:…}), the
 * calibrator's output goes on its input, five indications per point are read ({@code READ?}) and captured, the
 * error E with U and k is evaluated per point and issued on a calibration certificate with a DCC. Once over a raw
 * TCP socket (the demo's meter DMM-01, port 5025 as LXI meters serve SCPI), where setting a point up also drives the
 * demo's calibrator (MFC-01, {@code OUT 9 V}, {@code OPER}) wired to the meter; once over a serial line (a socat pty
 * pair), the calibrator's output put on the meter by hand. Bad input on the way is refused with the reason and stores nothing: no standard for the point, a reading
 * of the wrong kind of quantity, an overloaded reading.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MultimeterCalibrationIT {

    private static final String DEMO_METER = "DMM-01";
    private static final int DEMO_METER_PORT = Integer.getInteger("lims.demo.multimeterPort", 5025);
    private static final String CALIBRATOR = "STD-MFC-006";
    /** The demo calibrator's certificate: every output 2 µV/V above its nominal value. */
    private static final BigDecimal CERTIFIED_OFFSET = new BigDecimal("0.000002");
    private static final Map<String, BigDecimal> FACTORS = Map.of("V", BigDecimal.ONE, "mV", new BigDecimal("0.001"),
            "Ω", BigDecimal.ONE, "kΩ", new BigDecimal("1000"), "MΩ", new BigDecimal("1000000"));

    private final LimsApi clerk = LimsApi.as("clerk");
    private final LimsApi technician = LimsApi.as("technician");

    @Test
    void theDemoMeterIsCalibratedOverTcpAndTheCustomerDownloadsItsCertificate() throws Exception {
        long meterId = CalibrationBench.instrumentId("DMM-2611-07");
        long id = CalibrationBench.receiveAndStart(meterId, DEMO_METER);
        JsonObject job = technician.get("/api/v1/jobs/" + id).object();
        assertThat(job.getString("procedureCode")).isEqualTo("JJF 1587-2016");
        assertThat(job.getString("jobNumber")).contains("JC");
        // DC voltage 1 V and 10 V (basic: 7 points; other: 3), resistance 10 kΩ (2 points)
        assertThat(job.getJsonArray("points")).hasSize(12);
        assertThat(job.getJsonArray("points").getJsonObject(0).getString("label")).contains("直流电压")
                .contains("DC voltage");

        // no standard selected yet: no point can be measured
        int firstVolts = ordinalOf(job, "DCV", "0.1 V");
        CalibrationBench.setUp(id, firstVolts);
        applyOverTcp("VOLT:DC", new BigDecimal("0.1"));
        awaitReading("V", new BigDecimal("0.1"), 0);
        var noStandard = technician.postEnglish("/api/v1/jobs/" + id + "/points/" + firstVolts + "/capture", "{}");
        assertThat(noStandard.status()).isEqualTo(409);
        // issue 11: the standards and the bench conditions come before any reading, whatever the method
        assertThat(noStandard.object().getString("error")).isEqualTo("error.capture.noStandard");
        assertThat(noStandard.object().getString("detail")).contains("Record the standards");

        var weights = technician.postEnglish("/api/v1/jobs/" + id + "/standards", "{\"code\":\"STD-F1-001\"}");
        assertThat(weights.status()).isEqualTo(409);
        assertThat(weights.object().getString("error")).isEqualTo("error.standard.notAccepted");
        assertThat(technician.post("/api/v1/jobs/" + id + "/standards", "{\"code\":\"" + CALIBRATOR + "\"}").status())
                .isEqualTo(200);
        assertThat(technician.post("/api/v1/jobs/" + id + "/environment", "{\"temperature\":23.1,\"humidity\":48}")
                .status()).isEqualTo(200);

        // the meter left in resistance: its reading is not one of a DC voltage point
        int firstOhms = ordinalOf(job, "OHM", "1 kΩ");
        CalibrationBench.setUp(id, firstOhms);
        applyOverTcp("RES", new BigDecimal("1000"));
        awaitReading("Ω", new BigDecimal("1000"), 0);
        var ohmsForVolts = technician.postEnglish("/api/v1/jobs/" + id + "/points/" + firstVolts + "/capture", "{}");
        assertThat(ohmsForVolts.status()).isEqualTo(409);
        assertThat(ohmsForVolts.object().getString("error")).isEqualTo("error.capture.unitMismatch");
        assertThat(ohmsForVolts.object().getString("detail")).contains("Ω").contains("V");

        // 5 V on the 1 V range: the meter reads overload, which is no indication
        CalibrationBench.setUp(id, firstVolts);
        applyOverTcp("VOLT:DC", new BigDecimal("5"));
        awaitStatus("OVERLOAD");
        var overload = technician.postEnglish("/api/v1/jobs/" + id + "/points/" + firstVolts + "/capture", "{}");
        assertThat(overload.status()).isEqualTo(409);
        assertThat(overload.object().getString("error")).isEqualTo("error.capture.unusable");
        assertThat(technician.get("/api/v1/jobs/" + id).object().getJsonArray("points").getJsonObject(firstVolts - 1)
                .getInt("readingsTaken")).as("nothing stored by the refusals").isZero();

        // from here nobody touches the meter's input: setting a point up drives the calibrator (OUT, OPER), whose
        // terminals the demo wires to the meter
        assertThat(LimsApi.as("quality").get("/api/v1/standards").array().stream().map(JsonObject.class::cast)
                .filter(s -> CALIBRATOR.equals(s.getString("code"))).findFirst().orElseThrow()
                .getString("drivenThrough")).isEqualTo("MFC-01");
        Map<Integer, List<BigDecimal>> indications = captureEveryPoint(id, (function, value) -> { });
        String number = approveAndCheckCertificate(id, "DMM-2611-07", indications, "C0001");

        try (Connection db = ServerDatabase.connect();
             PreparedStatement q = db.prepareStatement("select r.ordinal, r.unit, r.measurand, r.decision_rule,"
                     + " r.air_density, r.budget_csv from calibration_result r join certificate c"
                     + " on c.id = r.certificate_id where c.certificate_number = ? order by r.ordinal")) {
            q.setString(1, number);
            List<String> units = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getInt(1)).isEqualTo(units.size() + 1);
                    units.add(rs.getString(2));
                    assertThat(rs.getString(3)).startsWith("示值误差 Error of indication");
                    assertThat(rs.getString(4)).as("no statement of conformity").isNull();
                    assertThat(rs.getObject(5)).isNull();
                    assertThat(rs.getString(6)).containsAnyOf("component,V_x,", "component,R_x,").doesNotContain("m_cr");
                }
            }
            assertThat(units).as("a stored row per point, as printed").hasSize(12).contains("V", "kΩ");
        }
    }

    @Test
    void aMeterOnASerialLineIsCalibratedTheSameWay() throws Exception {
        String code = "DMM-SER-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String serial = "DMM-S-" + UUID.randomUUID().toString().substring(0, 8);
        LimsApi admin = LimsApi.as("admin");
        try (PtyPair pty = PtyPair.start();
                ScpiMultimeterSimulator meter = ScpiMultimeterSimulator.builder().tcp(false)
                        .serialPort(pty.deviceSide().toString()).serialNumber("IT-DMM-0002")
                        .noise(new BigDecimal("0.000004")).start()) {
            try {
                var registered = admin.post("/api/v1/devices", "{\"code\":\"" + code + "\",\"name\":\"serial multimeter\","
                        + "\"protocol\":\"scpi\",\"transport\":\"serial\",\"serialPort\":\"" + pty.serverSide() + "\","
                        + "\"baudRate\":9600,\"dataBits\":8,\"parity\":\"none\",\"stopBits\":\"1\","
                        + "\"flowControl\":\"none\",\"pollCommand\":\"READ?\",\"pollIntervalMs\":200}");
                assertThat(registered.status()).as(registered.text()).isEqualTo(200);
                var instrument = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"C0002\","
                        + "\"description\":\"数字多用表\",\"manufacturer\":\"JIANGHAI\",\"model\":\"JH-34401\","
                        + "\"serialNumber\":\"" + serial + "\",\"mandatoryVerification\":false,\"intervalMonths\":12,"
                        + "\"kind\":\"DMM\",\"parameters\":{\"dcv.ranges\":\"10 V\",\"digits\":\"6½\"}}");
                assertThat(instrument.status()).as(instrument.text()).isEqualTo(200);
                long id = CalibrationBench.receiveAndStart(instrument.object().getJsonNumber("id").longValue(), code);
                assertThat(technician.get("/api/v1/jobs/" + id).object().getJsonArray("points")).hasSize(7);
                assertThat(technician.post("/api/v1/jobs/" + id + "/standards", "{\"code\":\"" + CALIBRATOR + "\"}")
                        .status()).isEqualTo(200);
                assertThat(technician.post("/api/v1/jobs/" + id + "/environment",
                        "{\"temperature\":22.4,\"humidity\":51}").status()).isEqualTo(200);
                Map<Integer, List<BigDecimal>> indications = captureEveryPoint(id, code,
                        (function, value) -> meter.apply(function, value));
                approveAndCheckCertificate(id, serial, indications, "C0002");
            } finally {
                admin.post("/api/v1/devices/" + code + "/stop", "{}");
            }
        }
    }


    private Map<Integer, List<BigDecimal>> captureEveryPoint(long id, BiConsumer<String, BigDecimal> calibrator)
            throws InterruptedException {
        return captureEveryPoint(id, DEMO_METER, calibrator);
    }

    /**
     * Like the technician: for every point sets the meter up, puts the nominal value on its input and captures each
     * indication from a fresh reading of the point's kind of quantity; returns the indications captured per point.
     */
    private Map<Integer, List<BigDecimal>> captureEveryPoint(long id, String device,
            BiConsumer<String, BigDecimal> calibrator) throws InterruptedException {
        Map<Integer, List<BigDecimal>> captured = new LinkedHashMap<>();
        JsonObject job = technician.get("/api/v1/jobs/" + id).object();
        for (var value : job.getJsonArray("points")) {
            JsonObject point = (JsonObject) value;
            int ordinal = point.getInt("ordinal");
            boolean volts = "DCV".equals(point.getString("test"));
            BigDecimal nominal = base(point.getString("load"));
            CalibrationBench.setUp(id, ordinal);
            calibrator.accept(volts ? "VOLT:DC" : "RES", nominal);
            long lastFrame = 0;
            List<BigDecimal> values = new ArrayList<>();
            for (int n = 1; n <= point.getInt("readingsNeeded"); n++) {
                lastFrame = awaitReading(device, volts ? "V" : "Ω", nominal, lastFrame);
                var reply = technician.post("/api/v1/jobs/" + id + "/points/" + ordinal + "/capture", "{}");
                assertThat(reply.status()).as(point.getString("label") + " #" + n + ": " + reply.text()).isEqualTo(200);
                JsonObject after = reply.object().getJsonArray("points").getJsonObject(ordinal - 1);
                values.add(base(after.getString("indication")));
                lastFrame = Math.max(lastFrame, after.getJsonNumber("frameId").longValue());
            }
            captured.put(ordinal, values);
        }
        return captured;
    }

    /**
     * Signs, checks and approves; the error at every point is the mean indication less the calibrator's certified
     * value, to the decimal place of its U, on the bench page's details, the PDF and the DCC, which only the owner
     * downloads. Returns the certificate number.
     */
    private String approveAndCheckCertificate(long id, String serial, Map<Integer, List<BigDecimal>> indications,
            String owner) throws Exception {
        JsonObject job = technician.get("/api/v1/jobs/" + id).object();
        var results = job.getJsonObject("details").getJsonArray("points");
        List<String> errors = new ArrayList<>();
        for (var value : results) {
            JsonObject r = (JsonObject) value;
            int ordinal = r.getInt("ordinal");
            JsonObject point = job.getJsonArray("points").getJsonObject(ordinal - 1);
            String[] error = r.getString("error").split(" ");
            String[] u = r.getString("expandedUncertainty").split(" ");
            BigDecimal factor = FACTORS.get(error[1]);
            BigDecimal mean = indications.get(ordinal).stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(indications.get(ordinal).size()), MathContext.DECIMAL64);
            BigDecimal nominal = base(point.getString("load"));
            BigDecimal certified = nominal.add(nominal.multiply(CERTIFIED_OFFSET));
            BigDecimal expected = mean.subtract(certified).divide(factor, MathContext.DECIMAL64);
            BigDecimal reported = new BigDecimal(error[0]);
            BigDecimal halfDigit = BigDecimal.ONE.movePointLeft(new BigDecimal(u[0]).scale())
                    .divide(BigDecimal.valueOf(2));
            assertThat(reported.subtract(expected).abs()).as(r.getString("label") + ": E = " + r.getString("error")
                    + ", mean of " + indications.get(ordinal) + " − " + certified).isLessThanOrEqualTo(halfDigit);
            assertThat(new BigDecimal(u[0])).as("U of " + r.getString("label")).isPositive();
            assertThat(r.getString("standard")).isEqualTo(CALIBRATOR);
            assertThat(r.getJsonArray("budget")).hasSize(5);
            errors.add(r.getString("error"));
        }
        assertThat(job.getString("conclusion")).contains("校准完成");

        var submitted = technician.post("/api/v1/jobs/" + id + "/submit", "{\"password\":\"jiliang\"}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        BenchFlow.checked(id);
        var approved = LimsApi.as("approver").post("/api/v1/jobs/" + id + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        String number = approved.object().getString("number");
        assertThat(number).contains("JC");
        assertThat(approved.object().getString("kind")).isEqualTo("CALIBRATION_CERTIFICATE");

        LimsApi customer = LimsApi.as("C0001".equals(owner) ? "customer" : "customer2");
        LimsApi other = LimsApi.as("C0001".equals(owner) ? "customer2" : "customer");
        var pdf = customer.get("/api/v1/certificates/" + number + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        String text = PdfDocuments.text(pdf.body());
        assertThat(text).contains("校准证书").contains(number).contains(serial).contains("JJF 1587-2016")
                .contains("示值误差").contains("张伟").contains("李娜").contains("王强").doesNotContain("合格");
        String compact = text.replaceAll("\\s+", "");
        assertThat(compact).contains("直流电压10V量程+9V");
        for (String e : errors) {
            assertThat(compact).as("the PDF states E = " + e).contains(e.split(" ")[0]);
        }
        var dcc = customer.get("/api/v1/certificates/" + number + "/dcc");
        assertThat(dcc.status()).isEqualTo(200);
        assertThat(dcc.text()).contains("<dcc:uniqueIdentifier>" + number).contains("<si:unit>\\volt</si:unit>")
                .doesNotContain("<dcc:conformity>");
        assertThat(other.get("/api/v1/certificates/" + number + "/pdf").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/certificates/" + number + "/dcc").status()).isEqualTo(404);
        assertThat(LimsApi.anonymous().get("/api/v1/certificates/" + number + "/dcc").status()).isIn(401, 404);
        return number;
    }


    /** The demo's calibrator: the simulator's own {@code SIM:INP} on a second connection to the demo meter. */
    private void applyOverTcp(String function, BigDecimal value) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", DEMO_METER_PORT), 2000);
            OutputStream out = socket.getOutputStream();
            out.write(("SIM:INP " + function + "," + value.toPlainString() + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the command has no answer: ask one that has, so the input is set before this returns
            out.write("*OPC?\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int b;
            do {
                b = socket.getInputStream().read();
            } while (b != -1 && b != '\n');
        } catch (IOException e) {
            throw new AssertionError("The demo multimeter on port " + DEMO_METER_PORT + " did not answer", e);
        }
    }

    private long awaitReading(String unit, BigDecimal value, long afterFrame) throws InterruptedException {
        return awaitReading(DEMO_METER, unit, value, afterFrame);
    }

    /**
     * Waits for a stable reading newer than {@code afterFrame}, in {@code unit}, within 0.01 % of {@code value} (at
     * least 0.1 mV or mΩ: the meter's noise); returns its frame id.
     */
    private long awaitReading(String device, String unit, BigDecimal value, long afterFrame)
            throws InterruptedException {
        BigDecimal tolerance = value.abs().max(BigDecimal.ONE).multiply(new BigDecimal("0.0001"));
        long[] frame = {0};
        String[] last = {"none"};
        Waits.awaitTrue(() -> {
            var reply = technician.get("/api/v1/benches/" + device + "/latest");
            if (reply.status() != 200) {
                return false;
            }
            JsonObject r = reply.object();
            last[0] = r.toString();
            if ("STABLE".equals(r.getString("status")) && unit.equals(r.getString("unit", null))
                    && !r.isNull("value") && r.getJsonNumber("frameId").longValue() > afterFrame
                    && r.getJsonNumber("value").bigDecimalValue().subtract(value).abs().compareTo(tolerance) <= 0) {
                frame[0] = r.getJsonNumber("frameId").longValue();
                return true;
            }
            return false;
        }, Duration.ofSeconds(15), () -> "a fresh stable reading of " + value + " " + unit + " on " + device
                + "; last: " + last[0]);
        return frame[0];
    }

    private void awaitStatus(String status) throws InterruptedException {
        String[] last = {"none"};
        Waits.awaitTrue(() -> {
            var reply = technician.get("/api/v1/benches/" + DEMO_METER + "/latest");
            last[0] = reply.text();
            return reply.status() == 200 && status.equals(reply.object().getString("status"));
        }, Duration.ofSeconds(15), () -> "a " + status + " reading on " + DEMO_METER + "; last: " + last[0]);
    }

    private static int ordinalOf(JsonObject job, String test, String load) {
        for (var value : job.getJsonArray("points")) {
            JsonObject p = (JsonObject) value;
            if (test.equals(p.getString("test")) && load.equals(p.getString("load"))) {
                return p.getInt("ordinal");
            }
        }
        throw new AssertionError("No " + test + " point at " + load + " in " + job.getJsonArray("points"));
    }

    /** "1 kΩ" → 1000, "0.9 V" → 0.9: in volts or ohms. */
    private static BigDecimal base(String quantity) {
        String[] parts = quantity.strip().split(" ");
        BigDecimal factor = FACTORS.get(parts[1]);
        if (factor == null) {
            throw new AssertionError("Not a voltage or resistance: " + quantity);
        }
        return new BigDecimal(parts[0]).multiply(factor).stripTrailingZeros();
    }

}
