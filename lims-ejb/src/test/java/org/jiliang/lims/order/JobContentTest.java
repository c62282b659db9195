package org.jiliang.lims.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.bench.DeviceFrame;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.procedure.ProcedureVersion;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.standard.MeasurementStandard;
import org.junit.jupiter.api.Test;

/**
 * The hash every signature binds: it must move when signed data moves, and stay put when
 * nothing that was signed changed (the approver's hash is computed from the database, days
 * after the technician's).
 */
class JobContentTest {

    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final ProcedureVersion JJG_539 = new ProcedureVersion("JJG 539-2016", "数字指示秤检定规程",
            "VERIFICATION", LocalDate.of(2017, 5, 1), "R76_WEIGHING", Set.of("F1", "M1"), new BigDecimal("-10"),
            new BigDecimal("40"), new BigDecimal("85"), "test data");

    private final Customer food = new Customer("C0001", "华东食品有限公司", "江海市工业园区兴业路 12 号", null);
    private final InstrumentUnderTest scale = new InstrumentUnderTest(food, "数字指示秤",
            "数字指示秤 Digital indicating scale", "上海耀华称重系统有限公司", "XK3190-A12", "YH2026-00731",
            new ScaleParameters(AccuracyClass.III, Mass.of("30", MassUnit.KG), Mass.of("10", MassUnit.G),
                    Mass.of("10", MassUnit.G)),
            true, 12, "成品库");
    private final BenchDevice balance = new BenchDevice("BAL-01", "检定台 1", "mt-sics", "127.0.0.1", 4001, "SI", 300,
            true);
    private final UserAccount technician = new UserAccount("technician", "张伟", "jiliang".toCharArray(),
            Set.of(Roles.TECHNICIAN), null, AT);
    private final MeasurementStandard weights = new MeasurementStandard("STD-F1-001", "F1 等级砝码组", "F1",
            "WS-F1-2019-017", "JZJ2026-04512", "国家质量基准", LocalDate.of(2025, 10, 2), LocalDate.of(2026, 10, 1));

    @Test
    void theSameContentAlwaysGivesTheSameHash() {
        VerificationJob job = measuredJob("20010 g");
        VerificationJob sameContent = measuredJob("20010 g");

        assertThat(JobContent.sha256(job)).matches("[0-9a-f]{64}")
                .isEqualTo(JobContent.sha256(job))
                .isEqualTo(JobContent.sha256(sameContent));
    }

    @Test
    void aChangedIndicationChangesTheHash() {
        VerificationJob signed = measuredJob("20010 g");
        VerificationJob altered = measuredJob("20020 g");

        // the raw observation (I and ΔL) is what is signed; results are recomputed from it
        assertThat(JobContent.canonicalText(signed)).contains("reading=3|1|20010 g|5 g|");
        assertThat(JobContent.canonicalText(altered)).contains("reading=3|1|20020 g|5 g|");
        assertThat(JobContent.sha256(altered)).isNotEqualTo(JobContent.sha256(signed));
    }

    @Test
    void trailingZerosAsTheDatabaseReturnsThemDoNotChangeTheHash() {
        VerificationJob captured = measuredJob("20010 g");
        VerificationJob reloaded = measuredJob("20010.000000 g");

        assertThat(JobContent.sha256(reloaded)).isEqualTo(JobContent.sha256(captured));
    }

    @Test
    void capturingAPointChangesTheHash() {
        VerificationJob job = openJob();
        String beforeCapture = JobContent.sha256(job);

        capture(job, 1, "0 g");

        assertThat(JobContent.sha256(job)).isNotEqualTo(beforeCapture);
    }

    @Test
    void anotherStandardChangesTheHash() {
        VerificationJob withF1 = measuredJob("20010 g");
        VerificationJob withOtherCertificate = openJob();
        withOtherCertificate.useStandard(new MeasurementStandard("STD-F1-001", "F1 等级砝码组", "F1",
                "WS-F1-2019-017", "JZJ2026-09999", "国家质量基准", LocalDate.of(2025, 10, 2),
                LocalDate.of(2026, 10, 1)), technician, AT);
        captureAll(withOtherCertificate, "20010 g");

        assertThat(JobContent.sha256(withOtherCertificate)).isNotEqualTo(JobContent.sha256(withF1));
    }

    private VerificationJob measuredJob(String indicationAt2000e) {
        VerificationJob job = openJob();
        job.useStandard(weights, technician, AT);
        captureAll(job, indicationAt2000e);
        return job;
    }

    private VerificationJob openJob() {
        VerificationJob job = new VerificationJob("JD2026-00001", scale, VerificationType.SUBSEQUENT, JJG_539, AT);
        job.assign(technician, balance);
        job.start();
        job.addTestPoint(new TestPoint(job, 1, "0", Mass.of("0", MassUnit.G), Mass.of("5", MassUnit.G)));
        job.addTestPoint(new TestPoint(job, 2, "500 e", Mass.of("5000", MassUnit.G), Mass.of("5", MassUnit.G)));
        job.addTestPoint(new TestPoint(job, 3, "2000 e", Mass.of("20000", MassUnit.G), Mass.of("10", MassUnit.G)));
        job.addTestPoint(new TestPoint(job, 4, "Max", Mass.of("30000", MassUnit.G), Mass.of("15", MassUnit.G)));
        return job;
    }

    private void captureAll(VerificationJob job, String indicationAt2000e) {
        capture(job, 1, "0 g");
        capture(job, 2, "5000 g");
        capture(job, 3, indicationAt2000e);
        capture(job, 4, "30010 g");
    }

    private void capture(VerificationJob job, int ordinal, String indicationText) {
        TestPoint point = job.testPoints().stream().filter(p -> p.ordinal() == ordinal).findFirst().orElseThrow();
        Mass indication = Mass.parse(indicationText);
        DeviceFrame frame = new DeviceFrame(balance, "session-1", ordinal, AT,
                ("S S " + indication + "\r\n").getBytes(StandardCharsets.US_ASCII), "STABLE",
                indication.value(), indication.unit().symbol(), null);
        point.capture(point.quantity(indication.value()), point.quantity(new java.math.BigDecimal("5")), frame, technician, AT, List.of(weights), null);
    }
}
