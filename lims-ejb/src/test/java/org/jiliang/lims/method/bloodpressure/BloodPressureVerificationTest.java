package org.jiliang.lims.method.bloodpressure;

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
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.ReadingEntry;
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
import org.junit.jupiter.api.Test;

/**
 * An automated blood-pressure meter verified under JJG 692-2010 as a measurement method: the regulation's points for
 * the meter (the metrology's plan is proved in BpTestPlanTest), what is read from the pressure standard and what is
 * typed, each capture judged at once (a kPa value typed for a mmHg meter is refused), the verdict with its reasons.
 */
class BloodPressureVerificationTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final ProcedureVersion JJG_692 = new ProcedureVersion(AutomatedBpVerificationMethod.PROCEDURE,
            "无创自动测量血压计检定规程", "VERIFICATION", LocalDate.of(2010, 12, 1),
            AutomatedBpVerificationMethod.TEST_PLAN, Set.of("0.05 级"), new BigDecimal("10"), new BigDecimal("30"),
            new BigDecimal("85"), "test data");

    private final AutomatedBpVerificationMethod method = new AutomatedBpVerificationMethod();
    private final UserAccount technician = new UserAccount("technician", "张伟", "jiliang".toCharArray(),
            Set.of(Roles.TECHNICIAN), null, AT);
    private final BenchDevice gauge = new BenchDevice("PRS-01", "数字压力计", "pace", "127.0.0.1", 4003,
            ":SENS:PRES?", 300, true);
    private final MeasurementStandard standard = new MeasurementStandard("STD-PRS-007", "数字压力计", "0.05 级",
            "PACE-1", "JZJ-3", "国家基准", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));

    @Test
    void theMeterGetsTheRegulationsIndicationPointsThenLeakageAndExhaust() {
        VerificationJob job = openJob();

        // 50 … 300 mmHg up (test-points.csv), air leakage and rapid exhaust (mpe.csv) for JJG 692
        assertThat(job.testPoints()).extracting(TestPoint::testKind).containsExactly("CUFF_PRESSURE_INDICATION",
                "CUFF_PRESSURE_INDICATION", "CUFF_PRESSURE_INDICATION", "CUFF_PRESSURE_INDICATION",
                "CUFF_PRESSURE_INDICATION", "CUFF_PRESSURE_INDICATION", "AIR_LEAKAGE", "RAPID_EXHAUST");
        TestPoint hundred = job.testPoints().get(1);
        // kept in kPa, where a reading of the standard in kPa or mmHg converts exactly: 100 mmHg = 13.3322387415 kPa
        assertThat(hundred.nominal()).isEqualTo(Quantity.of("13.3322387415", "kPa"));
        assertThat(method.readsBenchDevice(hundred)).isTrue();
        assertThat(method.entries(hundred)).extracting(ParameterSpec::name).containsExactly("indication");
        TestPoint leakage = job.testPoints().get(6);
        assertThat(method.readsBenchDevice(leakage)).isFalse();
        assertThat(method.entries(leakage)).extracting(ParameterSpec::name).containsExactly("start", "end", "elapsed");
        assertThat(method.entries(job.testPoints().get(7))).extracting(ParameterSpec::name).containsExactly("elapsed");
    }

    @Test
    void eachCaptureIsJudgedInTheMetersUnitAndATypingErrorIsRefused() {
        VerificationJob job = openJob();
        TestPoint hundred = job.testPoints().get(1);
        Quantity reference = Quantity.of("13.3322387415", "kPa");

        assertThatThrownBy(() -> method.checkEntries(hundred, reference, List.of(entry("indication", "13.3", "kPa")),
                AT))
                .isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).messageKey()).startsWith("error.bp."));
        method.checkEntries(hundred, reference, List.of(entry("indication", "104", "mmHg")), AT);

        capture(hundred, reference, entry("indication", "104", "mmHg"));
        JobResult.PointOutcome outcome = method.evaluate(job).point(hundred).orElseThrow();
        // subsequent verification: MPE ±4 mmHg (mpe.csv); E = 104 − 100 = +4 mmHg passes, both bounds included
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.display()).isEqualTo("+4 mmHg");
        assertThat(method.evaluate(job).passed()).as("not every point is there").isEmpty();
    }

    @Test
    void aLeakingMeterFailsAndTheNoticeNamesTheTest() {
        VerificationJob job = openJob();
        List<TestPoint> points = job.testPoints();
        for (int i = 0; i < 6; i++) {
            TestPoint p = points.get(i);
            capture(p, p.nominal(), entry("indication", String.valueOf(50 * (i + 1) - 1), "mmHg"));
        }
        // 280 → 270 mmHg in 60 s: 10 mmHg/min against ≤ 6 mmHg/min
        capture(points.get(6), null, entry("start", "280", "mmHg"), entry("end", "270", "mmHg"), entry("elapsed", "60", "s"));
        capture(points.get(7), null, entry("elapsed", "6.5", "s"));

        JobResult result = method.evaluate(job);
        assertThat(result.passed()).contains(false);
        assertThat(result.conclusion()).get().asString().contains("不合格").contains("气密性").contains("air leakage");
        assertThat(result.nonConformities()).singleElement().asString().contains("10").contains("mmHg/min");
        assertThat(result.point(points.get(7)).orElseThrow().display()).isEqualTo("6.5 s");
    }

    private void capture(TestPoint point, Quantity reference, ReadingEntry... entries) {
        DeviceFrame frame = reference == null ? null : new DeviceFrame(gauge, "session-1", point.ordinal(), AT,
                (":SENS:PRES " + reference.value() + "\n").getBytes(StandardCharsets.US_ASCII), "STABLE",
                reference.value(), "kPa", null);
        point.capture(reference == null ? null : point.quantity(reference.value()), point.quantity(BigDecimal.ZERO),
                frame, technician, AT.plusSeconds(point.ordinal()), List.of(standard), null, List.of(entries));
    }

    private static ReadingEntry entry(String name, String value, String unit) {
        return new ReadingEntry(name, value, unit);
    }

    private VerificationJob openJob() {
        Customer clinic = new Customer("C0003", "江海市东湖镇卫生院", "江海市", null);
        AutomatedBpKind kind = new AutomatedBpKind();
        Map<String, String> given = Map.of("range.high", "300 mmHg", "division", "1 mmHg");
        Map<String, InstrumentParameter.Value> values = new LinkedHashMap<>();
        for (ParameterSpec spec : kind.parameterSpecs()) {
            spec.check(given.get(spec.name())).ifPresent(v -> values.put(spec.name(), v));
        }
        InstrumentUnderTest meter = InstrumentUnderTest.ofKind(clinic, kind, "电子血压计", "鱼跃医疗", "YE660D",
                "BP-1", values, true, 12, "门诊");
        VerificationJob job = new VerificationJob("JD2026-00001", meter, VerificationType.SUBSEQUENT, JJG_692, AT);
        job.assign(technician, gauge);
        job.start();
        method.plan(job);
        return job;
    }
}
