package org.jiliang.lims.method.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.metrology.quantity.Decimals;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.MeasurementMethod;
import org.jiliang.lims.order.PointReading;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.ParameterSpec;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.check.CheckCriterion;
import org.jiliang.lims.standard.check.IntermediateChecks;

/**
 * An intermediate check of a measurement standard made at the bench (JJF 1033): the check standard is the job's
 * instrument, the standard it checks is the one standard the job may use, the points are the check plan's, each
 * taking the plan's number of readings from the bench device. What the check will find (the plan's criterion and
 * control chart) is shown while the job runs; the check is recorded when the job is approved
 * ({@link IntermediateCheckRecord}).
 */
@ApplicationScoped
public class IntermediateCheckMethod implements MeasurementMethod {

    /** The test plan procedure editions name for this method. */
    public static final String TEST_PLAN = "JJF1033-CHECK";
    /** JJF 1033 (the assessment of measurement standards), whose intermediate checks these are. */
    public static final String PROCEDURE = "JJF 1033-2016";

    @Inject
    private IntermediateChecks checks;

    @Override
    public String testPlan() {
        return TEST_PLAN;
    }

    @Override
    public String instrumentKind() {
        return CheckStandardKind.KIND;
    }

    @Override
    public String procedureCode() {
        return PROCEDURE;
    }

    /** An intermediate check of a standard (期间核查), not a calibration. */
    @Override
    public String work() {
        return "check";
    }

    /** 核查 (check): the record's number series. */
    @Override
    public String jobSeries() {
        return "HC";
    }

    @Override
    public boolean verification() {
        return false;
    }

    /** The name of the entry a plan judged by E_n takes at each capture: the expanded uncertainty of the result. */
    static final String U_ENTRY = "uncertainty";

    /**
     * One point per point of the standard's check plan, each taking the plan's readings per check; a plan judged by
     * E_n takes, with each reading, the expanded uncertainty U of the point's result (the last one typed counts).
     */
    @Override
    public void plan(VerificationJob job) {
        String code = standardChecked(job.instrument());
        IntermediateChecks.PlanView plan = checks.planOf(code)
                .orElseThrow(() -> new RefusedException("error.checkJob.noPlan", code));
        for (IntermediateChecks.PointView p : plan.points()) {
            Unit unit = Units.find(p.unit()).orElseThrow(() -> new RefusedException("error.checkJob.unit", code,
                    p.unit()));
            job.addTestPoint(new TestPoint(job, p.ordinal(), "P" + p.ordinal(), "CHECK", p.nominal(), unit, null, null,
                    plan.readingsPerCheck()));
        }
    }

    /** Only the standard the check standard checks. */
    @Override
    public void checkStandard(VerificationJob job, MeasurementStandard standard) {
        String code = standardChecked(job.instrument());
        if (!standard.code().equals(code)) {
            throw new RefusedException("error.checkJob.otherStandard", standard.code(), job.instrument().serialNumber(),
                    code);
        }
    }

    @Override
    public boolean needsPressure() {
        return false;
    }

    @Override
    public boolean takesAdditionalLoad() {
        return false;
    }

    /** Under a plan judged by E_n: the U of the point's result, a quantity of the point's kind (mass, voltage …). */
    @Override
    public List<ParameterSpec> entries(TestPoint point) {
        String code = standardChecked(point.job().instrument());
        boolean normalizedError = checks.planOf(code).map(p -> p.criterion() == CheckCriterion.NORMALIZED_ERROR)
                .orElse(false);
        return normalizedError ? List.of(ParameterSpec.quantity(U_ENTRY, "本次结果的扩展不确定度 U",
                "Expanded uncertainty U of this result", point.quantityUnit().kind(), true)) : List.of();
    }

    @Override
    public Optional<RefusedException> missingBeforeSubmit(VerificationJob job) {
        return Optional.empty();
    }

    @Override
    public JobResult evaluate(VerificationJob job) {
        return CheckJobResult.of(job, standardChecked(job.instrument()), checks);
    }

    @Override
    public String pages() {
        return "intermediate-check";
    }

    /** The code of the standard the instrument (a check standard) checks, as the register records it. */
    static String standardChecked(InstrumentUnderTest instrument) {
        return instrument.typedParameters().text(CheckStandardKind.STANDARD)
                .map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new RefusedException("error.checkJob.noStandard", instrument.serialNumber()));
    }

    /** The entries of a check from the job's captured readings, in the plan's order ("1000.00011 1000.00013 …"). */
    static List<IntermediateChecks.PointEntry> entries(VerificationJob job) {
        return job.testPoints().stream().map(p -> new IntermediateChecks.PointEntry(readings(p), uncertainty(p)))
                .toList();
    }

    /** The U typed with the point's latest reading, in the point's unit; null when the plan does not take one. */
    static BigDecimal uncertainty(TestPoint point) {
        PointReading latest = point.latest();
        return latest == null ? null : latest.entry(U_ENTRY).map(e -> new Quantity(new BigDecimal(e.valueText()),
                Units.of(e.unit())).to(point.quantityUnit()).value().stripTrailingZeros()).orElse(null);
    }

    /** A point's readings as numbers separated by blanks, without the zeros the column's scale adds. */
    static String readings(TestPoint point) {
        return String.join(" ", values(point).stream().map(BigDecimal::toPlainString).toList());
    }

    /** A point's readings, without the zeros the column's scale adds (1000.003100000000000000 → 1000.0031). */
    static List<BigDecimal> values(TestPoint point) {
        return point.currentReadings().stream().map(r -> Decimals.plain(r.indicationValue())).toList();
    }
}
