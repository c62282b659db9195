package org.jiliang.lims.method.bloodpressure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.metrology.bloodpressure.BpInputRefused;
import org.jiliang.lims.metrology.bloodpressure.BpPoint;
import org.jiliang.lims.metrology.bloodpressure.BpProcedureCatalog;
import org.jiliang.lims.metrology.bloodpressure.BpReading;
import org.jiliang.lims.metrology.bloodpressure.BpTest;
import org.jiliang.lims.metrology.bloodpressure.BpTestPlan;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.MeasurementMethod;
import org.jiliang.lims.order.PointReading;
import org.jiliang.lims.order.ReadingEntry;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.ParameterSpec;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * Verification of a blood-pressure meter (docs/blood-pressure-verification.md): the plan of the regulation's
 * edition for the meter (indication points, leakage, rapid exhaust; zero, sensitivity and appearance for mercury and
 * aneroid meters), the reference pressure read from the bench's digital pressure standard, the meter's indication
 * and every other observation typed by the technician (the meter has no interface), each point judged exactly in
 * the meter's unit as soon as it is captured, a verification certificate or a notice as for a scale.
 *
 * <p>A point's values are kept in kPa where the reference standard is read (a kPa or mmHg reading converts to kPa
 * exactly; kPa to mmHg does not), in the meter's unit elsewhere.
 */
abstract class BloodPressureVerification implements MeasurementMethod {

    static final Unit KPA = Units.of("kPa");
    static final String INDICATION = "indication";
    static final String REBOUND = "rebound";
    static final String START = "start";
    static final String END = "end";
    static final String ELAPSED = "elapsed";
    static final String CONFORMS = "conforms";
    static final String REMARK = "remark";
    /** The two answers of a check by eye, as the technician picks them. */
    static final String YES = "符合 conforms";
    static final String NO = "不符合 does not conform";

    /** The edition of the catalogue this method verifies by, e.g. "JJG 692-2010". */
    abstract String edition();

    @Override
    public String jobSeries() {
        return "JD";
    }

    @Override
    public boolean verification() {
        return true;
    }

    /** The regulation's plan for the job's meter and type of verification. */
    BpTestPlan planOf(VerificationJob job) {
        try {
            return BpTestPlan.generate(BpMeters.meter(job.instrument()), job.verificationType(),
                    BpProcedureCatalog.standard().edition(edition()));
        } catch (BpInputRefused e) {
            throw BpMeters.refused(e);
        }
    }

    @Override
    public void plan(VerificationJob job) {
        BpTestPlan plan = planOf(job);
        Unit meterUnit = plan.meter().unit();
        int ordinal = 1;
        for (BpPoint p : plan.points()) {
            boolean reference = p.reading() == BpReading.Indication.class;
            Unit unit = reference ? KPA : meterUnit;
            Quantity nominal = p.nominalPressure().map(q -> reference ? q.to(KPA) : q).orElse(null);
            job.addTestPoint(new TestPoint(job, ordinal++, p.id(), p.test().name(), p.label().toString(), unit,
                    nominal, null, 1));
        }
    }

    /** The workflow's checks (valid today, of a class the edition accepts) are all a pressure standard needs. */
    @Override
    public void checkStandard(VerificationJob job, MeasurementStandard standard) {
    }

    @Override
    public boolean needsPressure() {
        return false;
    }

    @Override
    public boolean takesAdditionalLoad() {
        return false;
    }

    /** The reference pressure at an indication point; everything else is typed. */
    @Override
    public boolean readsBenchDevice(TestPoint point) {
        return BpReading.Indication.class == bpPoint(point).reading();
    }

    @Override
    public List<ParameterSpec> entries(TestPoint point) {
        Class<? extends BpReading> reading = bpPoint(point).reading();
        if (reading == BpReading.Indication.class || reading == BpReading.Zero.class) {
            return List.of(ParameterSpec.signedQuantity(INDICATION, "被检血压计示值", "Indication of the meter",
                    "pressure", true));
        }
        if (reading == BpReading.Sensitivity.class) {
            return List.of(ParameterSpec.signedQuantity(REBOUND, "回弹量", "Rebound of the column", "pressure", true));
        }
        if (reading == BpReading.Leakage.class) {
            return List.of(ParameterSpec.quantity(START, "起始压力", "Pressure at the start", "pressure", true),
                    ParameterSpec.signedQuantity(END, "结束压力", "Pressure at the end", "pressure", true),
                    ParameterSpec.quantity(ELAPSED, "时间", "Time between", "time", true));
        }
        if (reading == BpReading.Exhaust.class) {
            return List.of(ParameterSpec.quantity(ELAPSED, "排气时间", "Exhaust time", "time", true));
        }
        return List.of(ParameterSpec.choice(CONFORMS, "检查结果", "Finding", List.of(YES, NO), true),
                ParameterSpec.text(REMARK, "说明", "Remark", false));
    }

    /** The point judged now: a typing error (kPa typed for a mmHg meter), a pressure that rose, are refused. */
    @Override
    public void checkEntries(TestPoint point, Quantity indication, List<ReadingEntry> entries, java.time.Instant at) {
        try {
            planOf(point.job()).evaluatePoint(point.planPointId(), reading(point, indication, entries));
        } catch (BpInputRefused e) {
            throw BpMeters.refused(e);
        }
    }

    @Override
    public Optional<RefusedException> missingBeforeSubmit(VerificationJob job) {
        return Optional.empty();
    }

    @Override
    public JobResult evaluate(VerificationJob job) {
        return BloodPressureJobResult.of(this, job);
    }

    @Override
    public String pages() {
        return "blood-pressure";
    }

    BpPoint bpPoint(TestPoint point) {
        return planOf(point.job()).point(point.planPointId());
    }

    /** The reading of the metrology from what was read and typed at a point. */
    static BpReading reading(TestPoint point, PointReading r) {
        return reading(point, r.indicationValue() == null ? null : point.quantity(r.indicationValue()), r.entries());
    }

    private static BpReading reading(TestPoint point, Quantity reference, List<ReadingEntry> entries) {
        return BpTest.CUFF_PRESSURE_INDICATION.name().equals(point.testKind())
                ? new BpReading.Indication(reference, quantity(entries, INDICATION)) : other(entries);
    }

    private static BpReading other(List<ReadingEntry> entries) {
        if (has(entries, REBOUND)) {
            return new BpReading.Sensitivity(quantity(entries, REBOUND));
        }
        if (has(entries, START)) {
            return new BpReading.Leakage(quantity(entries, START), quantity(entries, END), quantity(entries, ELAPSED));
        }
        if (has(entries, ELAPSED)) {
            return new BpReading.Exhaust(quantity(entries, ELAPSED));
        }
        if (has(entries, INDICATION)) {
            return new BpReading.Zero(quantity(entries, INDICATION));
        }
        String remark = entries.stream().filter(e -> e.name().equals(REMARK)).map(ReadingEntry::valueText)
                .findFirst().orElse(null);
        return new BpReading.Visual(entries.stream().anyMatch(e -> e.name().equals(CONFORMS)
                && e.valueText().equals(YES)), remark);
    }

    private static boolean has(List<ReadingEntry> entries, String name) {
        return entries.stream().anyMatch(e -> e.name().equals(name));
    }

    private static Quantity quantity(List<ReadingEntry> entries, String name) {
        ReadingEntry e = entries.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return new Quantity(new BigDecimal(e.valueText()), Units.of(e.unit()));
    }
}
