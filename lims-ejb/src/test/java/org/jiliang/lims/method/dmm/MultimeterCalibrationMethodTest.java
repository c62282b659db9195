package org.jiliang.lims.method.dmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.bench.DeviceFrame;
import org.jiliang.lims.metrology.dmm.CalibratorOutput;
import org.jiliang.lims.metrology.dmm.DmmPointCalibration;
import org.jiliang.lims.metrology.dmm.DmmTestPlan;
import org.jiliang.lims.metrology.dmm.Indications;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.procedure.ProcedureVersion;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentParameter;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.ParameterSpec;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardValue;
import org.junit.jupiter.api.Test;

/**
 * The multimeter calibration as a measurement method: the plan from the registered ranges, the SCPI setting per
 * point, the standard that can (or cannot) support the job's points, what a capture must be, and the evaluation fed
 * with the standard's certified values (the metrology itself is proved in DmmPointCalibrationTest).
 */
class MultimeterCalibrationMethodTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final ProcedureVersion JJF_1587 = new ProcedureVersion(MultimeterCalibrationMethod.PROCEDURE,
            "数字多用表校准规范", "CALIBRATION", LocalDate.of(2016, 11, 30), DmmTestPlan.TEST_PLAN, Set.of("0.002 %"),
            new BigDecimal("18"), new BigDecimal("28"), new BigDecimal("75"), "test data");

    private final MultimeterCalibrationMethod method = new MultimeterCalibrationMethod();
    private final UserAccount technician = new UserAccount("technician", "张伟", "jiliang".toCharArray(),
            Set.of(Roles.TECHNICIAN), null, AT);
    private final BenchDevice meter = new BenchDevice("DMM-01", "数字多用表", "scpi", "127.0.0.1", 5025, "READ?", 300,
            true);

    @Test
    void planHasAPointPerFunctionRangeAndFractionOfTheData() {
        VerificationJob job = openJob();

        // DC voltage: basic 10 V range 0, 1, 3, 5, 7, 9, −9 V; 1 V range 0.1, 0.9, −0.9 V; resistance 10 kΩ: 1, 9 kΩ
        assertThat(job.testPoints()).extracting(p -> p.nominal().toString()).containsExactly("0.1 V", "0.9 V",
                "-0.9 V", "0 V", "1 V", "3 V", "5 V", "7 V", "9 V", "-9 V", "1 kΩ", "9 kΩ");
        assertThat(job.testPoints()).allSatisfy(p -> {
            assertThat(p.readingsNeeded()).isEqualTo(DmmTestPlan.readingsPerPoint()).isEqualTo(5);
            assertThat(p.tolerance()).as("no specification, no tolerance").isNull();
        });
        assertThat(point(job, "9 V").label()).isEqualTo("直流电压 10 V 量程 +9 V / DC voltage 10 V range +9 V");
        assertThat(point(job, "9 V").planPointId()).isEqualTo("DCV 10 V +9 V");
    }

    @Test
    void theMeterIsSetToThePointsFunctionAndRangeInVoltsAndOhms() {
        VerificationJob job = openJob();

        assertThat(method.benchSetup(point(job, "0.9 V"))).contains("CONF:VOLT:DC 1");
        assertThat(method.benchSetup(point(job, "-9 V"))).contains("CONF:VOLT:DC 10");
        assertThat(method.benchSetup(point(job, "1 kΩ"))).contains("CONF:RES 10000");
    }

    @Test
    void aDrivenCalibratorIsSetToThePointsNominalValueAndPutToOperate() {
        VerificationJob job = openJob();
        MeasurementStandard calibrator = calibrator("STD-MFC", "-9", "0.1");
        calibrator.certifyValue(new StandardValue.Certified(Quantity.of("1000", "Ω"), Quantity.of("1000.002", "Ω"),
                Quantity.of("0.005", "Ω"), BigDecimal.valueOf(2), Quantity.of("0", "Ω"), Quantity.of("0", "Ω")));

        assertThat(method.standardSetup(point(job, "-9 V"), calibrator)).containsExactly("OUT -9 V", "OPER");
        assertThat(method.standardSetup(point(job, "0.1 V"), calibrator)).containsExactly("OUT 0.1 V", "OPER");
        assertThat(method.standardSetup(point(job, "1 kΩ"), calibrator)).containsExactly("OUT 1000 OHM", "OPER");
        assertThat(method.standardSetup(point(job, "9 V"), calibrator))
                .as("no certified value at 9 V: this calibrator does not serve the point").isEmpty();
    }

    @Test
    void aStandardWithoutValuesAtTheJobsPointsCannotSupportIt() {
        VerificationJob job = openJob();
        MeasurementStandard weights = new MeasurementStandard("STD-F1-001", "F1 砝码组", "F1", "WS-1", "JZJ-1",
                "国家基准", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
        MeasurementStandard highVoltage = calibrator("STD-HV", "100", "-100");

        assertThatThrownBy(() -> method.checkStandard(job, weights)).isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).messageKey())
                        .isEqualTo("error.dmm.standardWithoutValues"));
        assertThatThrownBy(() -> method.checkStandard(job, highVoltage))
                .satisfies(e -> assertThat(((RefusedException) e).messageKey())
                        .isEqualTo("error.dmm.standardCannotSupport"))
                .hasMessageContaining("STD-HV");
        method.checkStandard(job, calibrator("STD-MFC", "9"));
    }

    @Test
    void aCaptureBeyondTheRangesDisplayOrWithoutASupportingStandardIsRefused() {
        VerificationJob job = openJob();
        TestPoint onOneVolt = point(job, "0.9 V");

        assertThatThrownBy(() -> method.checkCapture(onOneVolt, Quantity.of("0.9", "V"), BigDecimal.ZERO))
                .satisfies(e -> assertThat(((RefusedException) e).messageKey())
                        .isEqualTo("error.dmm.pointWithoutStandard"));
        job.useStandard(calibrator("STD-MFC", "0.9"), technician, AT);
        // 6½ digits on the 1 V range show at most 1.999999 V
        assertThatThrownBy(() -> method.checkCapture(onOneVolt, Quantity.of("2.5", "V"), BigDecimal.ZERO))
                .satisfies(e -> assertThat(((RefusedException) e).messageKey()).isEqualTo("error.dmm.outsideRange"));
        method.checkCapture(onOneVolt, Quantity.of("900.001", "mV"), BigDecimal.ZERO);
        assertThat(method.missingBeforeSubmit(job)).get()
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("error.dmm.pointWithoutStandard"));
    }

    @Test
    void thePointsErrorIsTheMeanLessTheCertifiedValueWithTheStandardsUncertainty() {
        VerificationJob job = openJob();
        MeasurementStandard calibrator = calibrator("STD-MFC", "9");
        job.useStandard(calibrator, technician, AT);
        TestPoint nine = point(job, "9 V");
        String[] readings = {"9.00002", "9.00003", "9.00002", "9.00001", "9.00002"};
        for (int i = 0; i < readings.length; i++) {
            capture(nine, readings[i], calibrator, i);
        }

        MultimeterCalibrationView.PointResult result = MultimeterJobResult.of(job).details().points().stream()
                .filter(r -> r.ordinal() == nine.ordinal()).findFirst().orElseThrow();

        // E = 9.00002 V − 9.000018 V (certified) = 0.000002 V; U from the certificate's U, drift and temperature
        var certified = calibrator.valueAt(Quantity.of("9", "V")).orElseThrow();
        var expected = DmmPointCalibration.of(MultimeterRun.point(nine), CalibratorOutput.fromCertificate(
                certified.value(), certified.expandedUncertainty(), certified.coverageFactor(), certified.driftLimit(),
                certified.temperatureLimit()), Indications.of(Units.of("V"), readings)).evaluate().reported();
        assertThat(result.error()).isEqualTo(expected.value().toPlainString() + " V").isEqualTo("0.000002 V");
        assertThat(result.expandedUncertainty()).isEqualTo(expected.expandedUncertainty().toPlainString() + " V");
        assertThat(result.meanIndication()).isEqualTo("9.00002 V");
        assertThat(result.standard()).isEqualTo("STD-MFC");
        assertThat(result.budget()).extracting(MultimeterCalibrationView.BudgetLine::symbol)
                .containsExactly("V_x", "δV_res", "V_s", "δV_drift", "δV_temp");
        assertThat(MultimeterJobResult.of(job).passed()).as("a calibration gives no verdict").isEmpty();
    }

    private void capture(TestPoint point, String volts, MeasurementStandard standard, int n) {
        DeviceFrame frame = new DeviceFrame(meter, "session-1", n + 1, AT.plusSeconds(n),
                ("+" + volts + "E+00\n").getBytes(StandardCharsets.US_ASCII), "STABLE", new BigDecimal(volts), "V",
                null);
        point.capture(point.quantity(new BigDecimal(volts)), point.quantity(BigDecimal.ZERO), frame, technician,
                AT.plusSeconds(n), List.of(standard), null);
    }

    /** A calibrator certified at these voltages: 2 µV/V high, U = 3 µV/V + 1 µV (k = 2), drift 5 µV/V, 1 µV/V. */
    private static MeasurementStandard calibrator(String code, String... volts) {
        MeasurementStandard s = new MeasurementStandard(code, "多功能校准器", "0.002 %", "MFC-1", "JZJ-2",
                "国家基准", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 10, 1));
        for (String v : volts) {
            BigDecimal nominal = new BigDecimal(v);
            BigDecimal ppm = new BigDecimal("0.000001");
            s.certifyValue(new StandardValue.Certified(Quantity.of(v, "V"),
                    new Quantity(nominal.add(nominal.multiply(ppm).multiply(BigDecimal.valueOf(2))), Units.of("V")),
                    new Quantity(nominal.abs().multiply(ppm).multiply(BigDecimal.valueOf(3)).add(ppm), Units.of("V")),
                    BigDecimal.valueOf(2), new Quantity(nominal.abs().multiply(ppm).multiply(BigDecimal.valueOf(5)),
                            Units.of("V")), new Quantity(nominal.abs().multiply(ppm), Units.of("V"))));
        }
        return s;
    }

    private VerificationJob openJob() {
        Customer owner = new Customer("C0001", "华东食品有限公司", "江海市", null);
        MultimeterKind kind = new MultimeterKind();
        Map<String, String> given = Map.of(MultimeterKind.DCV_RANGES, "1 V; 10 V", MultimeterKind.RESISTANCE_RANGES,
                "10 kΩ", MultimeterKind.DIGITS, "6½");
        Map<String, InstrumentParameter.Value> values = new LinkedHashMap<>();
        for (ParameterSpec spec : kind.parameterSpecs()) {
            spec.check(given.get(spec.name())).ifPresent(v -> values.put(spec.name(), v));
        }
        InstrumentUnderTest dmm = InstrumentUnderTest.ofKind(owner, kind, "数字多用表", "江海电子仪器厂", "JH-34465",
                "DMM-1", values, false, 12, "设备科");
        VerificationJob job = new VerificationJob("JC2026-00001", dmm, null, JJF_1587, AT);
        job.assign(technician, meter);
        job.start();
        method.plan(job);
        return job;
    }

    private static TestPoint point(VerificationJob job, String nominal) {
        return job.testPoints().stream().filter(p -> p.nominal().toString().equals(nominal)).findFirst()
                .orElseThrow();
    }
}
