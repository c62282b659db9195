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
import org.jiliang.lims.metrology.dmm.Indications;
import org.jiliang.lims.metrology.dmm.ReferenceResistor;
import org.jiliang.lims.metrology.dmm.ResistorSubstitution;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.order.EnvironmentRecord;
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
 * A standard resistor calibrated by substitution as a measurement method: the two points, the reference that can
 * (or cannot) serve, the pairs' order and the window around the nominal value, and EA-4/02 M:2022 S3 reproduced
 * through a job: the reference's figures from its record, t from the bench conditions, the set-up from the data
 * (the model itself is proved in ResistorSubstitutionTest).
 */
class ResistorSubstitutionMethodTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final ProcedureVersion METHOD = new ProcedureVersion(ResistorSubstitutionMethod.PROCEDURE,
            "标准电阻器替代法校准方法", "CALIBRATION", LocalDate.of(2026, 1, 1), ResistorSubstitutionMethod.TEST_PLAN,
            Set.of("0.0005 级"), new BigDecimal("18"), new BigDecimal("28"), new BigDecimal("75"), "test data");
    /** EA-4/02 S3: the five ratios r_k of the unknown's and the reference's indications. */
    private static final String[] S3_RATIOS = {"1.0000104", "1.0000107", "1.0000106", "1.0000103", "1.0000105"};

    private final ResistorSubstitutionMethod method = new ResistorSubstitutionMethod();
    private final UserAccount technician = new UserAccount("technician", "张伟", "jiliang".toCharArray(),
            Set.of(Roles.TECHNICIAN), null, AT);
    private final BenchDevice meter = new BenchDevice("DMM-01", "数字多用表", "scpi", "127.0.0.1", 5025, "READ?", 300,
            true);
    private int frames;

    @Test
    void theUnknownAndTheReferenceAreReadInPairsOnTheResistanceRangeOfTheNominalValue() {
        VerificationJob job = openJob("10 kΩ");

        assertThat(job.testPoints()).extracting(TestPoint::planPointId).containsExactly("R_X", "R_S");
        assertThat(job.testPoints()).allSatisfy(p -> {
            assertThat(p.nominal()).isEqualTo(Quantity.of("10", "kΩ"));
            assertThat(p.readingsNeeded()).as("the pairs of substitution.csv").isEqualTo(5);
            assertThat(p.tolerance()).as("no specification, no tolerance").isNull();
            assertThat(method.benchSetup(p)).contains("CONF:RES 10000");
        });
        assertThat(job.testPoint(1).label()).isEqualTo("被校电阻 R_X 10 kΩ / unknown resistor R_X 10 kΩ");
    }

    @Test
    void theReferenceMustStateAValueAtTheNominalValueWithItsTemperatureDependence() {
        VerificationJob job = openJob("10 kΩ");
        MeasurementStandard oneKiloohm = reference("STD-R1K", "1000", "1000.0120");
        MeasurementStandard calibrator = new MeasurementStandard("STD-MFC", "多功能校准器", "0.002 %", "MFC-1", "JZJ-2",
                "国家基准", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 10, 1));
        Quantity tenK = Quantity.of("10000", "Ω");
        calibrator.certifyValue(new StandardValue.Certified(tenK, Quantity.of("10000.02", "Ω"),
                Quantity.of("0.05", "Ω"), BigDecimal.valueOf(2), Quantity.of("0.01", "Ω"), Quantity.of("0.01", "Ω")));

        assertThatThrownBy(() -> method.checkStandard(job, oneKiloohm))
                .satisfies(e -> assertThat(((RefusedException) e).messageKey())
                        .isEqualTo("error.resistor.referenceCannotSupport"))
                .hasMessageContaining("STD-R1K").hasMessageContaining("10 kΩ");
        assertThatThrownBy(() -> method.checkStandard(job, calibrator))
                .satisfies(e -> assertThat(((RefusedException) e).messageKey())
                        .isEqualTo("error.resistor.referenceWithoutTemperature"));
        method.checkStandard(job, s3Reference());
    }

    @Test
    void eachPairIsTheUnknownThenTheReferenceAndAReadingFarFromTheNominalValueIsAnotherResistor() {
        VerificationJob job = openJob("10 kΩ");
        TestPoint x = job.testPoint(1);
        TestPoint s = job.testPoint(2);

        assertThat(key(() -> method.checkCapture(x, Quantity.of("10000.1", "Ω"), BigDecimal.ZERO)))
                .as("no reference selected").isEqualTo("error.resistor.noReference");
        MeasurementStandard reference = s3Reference();
        job.useStandard(reference, technician, AT);
        assertThat(method.missingBeforeSubmit(job)).isEmpty();
        assertThat(key(() -> method.checkCapture(x, Quantity.of("9.98", "kΩ"), BigDecimal.ZERO)))
                .as("0.2 % off: a wrong connection").isEqualTo("error.resistor.farFromNominal");
        assertThat(key(() -> method.checkCapture(s, Quantity.of("10000.05", "Ω"), BigDecimal.ZERO)))
                .as("R_S before R_X").isEqualTo("error.resistor.unknownNext");

        method.checkCapture(x, Quantity.of("10000.15", "Ω"), BigDecimal.ZERO);
        capture(x, "10.00015", reference);
        assertThatThrownBy(() -> method.checkCapture(x, Quantity.of("10000.15", "Ω"), BigDecimal.ZERO))
                .satisfies(e -> assertThat(((RefusedException) e).messageKey())
                        .isEqualTo("error.resistor.referenceNext"))
                .hasMessageContaining("R_S").hasMessageContaining("1");
        method.checkCapture(s, Quantity.of("10000.05", "Ω"), BigDecimal.ZERO);
        capture(s, "10.00005", reference);
        method.checkCapture(x, Quantity.of("10000.15", "Ω"), BigDecimal.ZERO);
    }

    @Test
    void ea402S3IsReproducedThroughAJobFromTheReferencesRecordAndTheBenchConditions() {
        VerificationJob job = openJob("10 kΩ");
        MeasurementStandard reference = s3Reference();
        job.useStandard(reference, technician, AT);
        job.recordEnvironment(new EnvironmentRecord(job, new BigDecimal("23.0"), new BigDecimal("45"), null, AT,
                technician, true, null));
        // the reference reads 10.000000 kΩ each time; the unknown reads r_k times that
        for (String r : S3_RATIOS) {
            capture(job.testPoint(1), new BigDecimal("10").multiply(new BigDecimal(r)).toPlainString(), reference);
            assertThat(ResistorJobResult.of(job).details().value()).as("not before both points are complete")
                    .isNull();
            capture(job.testPoint(2), "10.000000", reference);
        }

        ResistorCalibrationView view = ResistorJobResult.of(job).details();

        // published: R_X = 10 000.178 Ω ± 0.017 Ω (k = 2)
        assertThat(view.value()).isEqualTo("10000.178 Ω");
        assertThat(view.expandedUncertainty()).isEqualTo("0.017 Ω");
        assertThat(view.coverageFactor()).isEqualTo("2.00");
        assertThat(view.meanRatio()).isEqualTo("1.0000105");
        assertThat(view.reference()).isEqualTo("STD-RES");
        assertThat(view.pairs()).extracting(ResistorCalibrationView.Pair::ratio).containsExactly(S3_RATIOS);
        assertThat(view.budget()).extracting(MultimeterCalibrationView.BudgetLine::symbol)
                .containsExactly("R_S", "δR_D", "α_S", "t", "r_C", "r", "δR_TX");
        assertThat(view.budget().get(0).estimate()).isEqualTo("10000.053 Ω");
        assertThat(view.budget().get(4).estimate()).as("a ratio has no unit").isEqualTo("1");
        // the same as the model fed directly with S3's inputs
        ResistorSubstitution direct = ResistorSubstitution.against(new ReferenceResistor(Quantity.of("10000.053", "Ω"),
                        Quantity.of("0.005", "Ω"), BigDecimal.valueOf(2), Quantity.of("23", "°C"),
                        Quantity.of("0.020", "Ω"), Quantity.of("0.010", "Ω"), new BigDecimal("5E-6"), BigDecimal.ZERO))
                .temperature(Quantity.of("23", "°C"), Quantity.of("0.055", "K"))
                .unknownTemperatureCoefficient(new BigDecimal("10E-6")).transfer(new BigDecimal("1E-6"))
                .readings(Indications.of(Units.of("Ω"), "10000.104", "10000.107", "10000.106", "10000.103",
                        "10000.105"), Indications.of(Units.of("Ω"), "10000", "10000", "10000", "10000", "10000"))
                .evaluate();
        assertThat(ResistorJobResult.of(job).evaluated().orElseThrow().substitution().budget()
                .combinedStandardUncertainty()).isEqualByComparingTo(direct.budget().combinedStandardUncertainty());
        assertThat(ResistorJobResult.of(job).passed()).as("a calibration gives no verdict").isEmpty();
        assertThat(ResistorJobResult.of(job).conclusion()).get().asString().contains("校准完成");
    }

    private static String key(Runnable r) {
        try {
            r.run();
        } catch (RefusedException e) {
            return e.messageKey();
        }
        return null;
    }

    private void capture(TestPoint point, String kiloohms, MeasurementStandard standard) {
        int n = ++frames;
        DeviceFrame frame = new DeviceFrame(meter, "session-1", n, AT.plusSeconds(n),
                ("+" + kiloohms + "E+03\n").getBytes(StandardCharsets.US_ASCII), "STABLE",
                new BigDecimal(kiloohms).movePointRight(3), "Ω", null);
        point.capture(point.quantity(new BigDecimal(kiloohms)), point.quantity(BigDecimal.ZERO), frame, technician,
                AT.plusSeconds(n), List.of(standard), null);
    }

    /** EA-4/02 S3's reference: 10 000.053 Ω, U = 5 mΩ (k = 2) at 23 °C, drift +20 ± 10 mΩ, α_S = 5·10⁻⁶/K. */
    private static MeasurementStandard s3Reference() {
        return reference("STD-RES", "10000", "10000.053");
    }

    private static MeasurementStandard reference(String code, String nominal, String value) {
        MeasurementStandard s = new MeasurementStandard(code, "标准电阻", "0.0005 级", "RS-1", "JZJ-3", "国家基准",
                LocalDate.of(2026, 6, 1), LocalDate.of(2027, 6, 1));
        s.certifyValue(new StandardValue.Certified(Quantity.of(nominal, "Ω"), Quantity.of(value, "Ω"),
                Quantity.of("0.005", "Ω"), BigDecimal.valueOf(2), Quantity.of("0.020", "Ω"), Quantity.of("0.010", "Ω"),
                Quantity.of("0", "Ω"), new StandardValue.TemperatureDependence(Quantity.of("23", "°C"),
                        new BigDecimal("0.000005"))));
        return s;
    }

    private VerificationJob openJob(String nominal) {
        Customer owner = new Customer("C0001", "华东食品有限公司", "江海市", null);
        StandardResistorKind kind = new StandardResistorKind();
        Map<String, String> given = Map.of(StandardResistorKind.NOMINAL, nominal, StandardResistorKind.ALPHA_BOUND,
                "10");
        Map<String, InstrumentParameter.Value> values = new LinkedHashMap<>();
        for (ParameterSpec spec : kind.parameterSpecs()) {
            spec.check(given.get(spec.name())).ifPresent(v -> values.put(spec.name(), v));
        }
        InstrumentUnderTest resistor = InstrumentUnderTest.ofKind(owner, kind, "标准电阻", "江海电工仪器厂", "BZ3",
                "RES-1", values, false, 12, "计量室");
        VerificationJob job = new VerificationJob("JC2026-00002", resistor, null, METHOD, AT);
        job.assign(technician, meter);
        job.start();
        method.plan(job);
        return job;
    }
}
