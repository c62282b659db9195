package org.jiliang.lims.method.dmm;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import org.jiliang.lims.metrology.dmm.SubstitutionSetup;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.MeasurementMethod;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * Calibration of a standard resistor by substitution (EA-4/02 M:2022 S3): a long-scale multimeter on its resistance
 * range reads the unknown R_X and a reference R_S of the same nominal value in turn, n pairs, R_X first in each pair;
 * R_X = (R_S + δR_D + R_S·α_S·(t − t_0)) · r_C · r̄ − δR_TX evaluated by the GUM engine, with R_S, its drift, t_0 and
 * α_S from the reference's record, t from the bench conditions and the set-up from substitution.csv
 * (docs/dmm-calibration.md section 5). A calibration: the value with U and k, no statement of conformity.
 */
@ApplicationScoped
public class ResistorSubstitutionMethod implements MeasurementMethod {

    /**
     * The institute's own calibration method (本院校准方法), written on EA-4/02 M:2022 S3: no national calibration
     * specification for standard resistors by substitution could be read and cited here (docs/dmm-calibration.md).
     */
    public static final String PROCEDURE = "JL-JF-R01-2026";
    public static final String TEST_PLAN = "R-SUBST";

    @Override
    public String testPlan() {
        return TEST_PLAN;
    }

    @Override
    public String instrumentKind() {
        return StandardResistorKind.KIND;
    }

    @Override
    public String procedureCode() {
        return PROCEDURE;
    }

    @Override
    public String jobSeries() {
        return "JC";
    }

    @Override
    public boolean verification() {
        return false;
    }

    /** Two points at the nominal value: the unknown and the reference, each with the set-up's number of pairs. */
    @Override
    public void plan(VerificationJob job) {
        Quantity nominal = SubstitutionRun.nominal(job.instrument());
        int pairs = SubstitutionSetup.data().pairs();
        job.addTestPoint(new TestPoint(job, 1, SubstitutionRun.UNKNOWN, SubstitutionRun.UNKNOWN,
                "被校电阻 R_X " + nominal + " / unknown resistor R_X " + nominal, nominal, null, pairs));
        job.addTestPoint(new TestPoint(job, 2, SubstitutionRun.REFERENCE, SubstitutionRun.REFERENCE,
                "参考电阻 R_S " + nominal + " / reference resistor R_S " + nominal, nominal, null, pairs));
    }

    /**
     * The reference must state a value at the unknown's nominal value, with the temperature it holds at and its
     * temperature coefficient: without them the substitution has no R_S.
     */
    @Override
    public void checkStandard(VerificationJob job, MeasurementStandard standard) {
        Quantity nominal = SubstitutionRun.nominal(job.instrument());
        var value = standard.valueAt(nominal);
        if (value.isEmpty()) {
            throw new RefusedException("error.resistor.referenceCannotSupport", standard.code(), nominal);
        }
        if (value.get().temperature().isEmpty()) {
            throw new RefusedException("error.resistor.referenceWithoutTemperature", standard.code(), nominal);
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

    /**
     * Refuses an indication that cannot be the resistor on the meter (further from the nominal value than the set-up's
     * window: a wrong connection or another resistor), a reading before the reference is selected, and one out of
     * the pairs' order: R_X first, then R_S, so that each ratio is of two indications close in time (a correction of
     * a point that has all its readings is always allowed).
     */
    @Override
    public void checkCapture(TestPoint point, Quantity indication, BigDecimal additionalLoad) {
        Quantity nominal = point.nominal();
        BigDecimal deviation = indication.to(nominal.unit()).value().subtract(nominal.value())
                .divide(nominal.value(), MathContext.DECIMAL64).abs();
        if (deviation.compareTo(SubstitutionSetup.data().nominalWindow()) > 0) {
            throw new RefusedException("error.resistor.farFromNominal", indication, point.label(), nominal);
        }
        if (SubstitutionRun.reference(point.job()).isEmpty()) {
            throw new RefusedException("error.resistor.noReference", nominal);
        }
        TestPoint unknown = point.job().testPoint(1);
        TestPoint reference = point.job().testPoint(2);
        int x = unknown.currentReadings().size();
        int s = reference.currentReadings().size();
        boolean isUnknown = point.ordinal() == unknown.ordinal();
        boolean correction = isUnknown ? unknown.captured() : reference.captured();
        if (!correction && (isUnknown ? x > s : s >= x)) {
            throw new RefusedException(isUnknown ? "error.resistor.referenceNext" : "error.resistor.unknownNext",
                    (isUnknown ? s : x) + 1);
        }
    }

    /** {@code CONF:RES 10000}: the resistance function, on the range that holds the nominal value, in ohms. */
    @Override
    public Optional<String> benchSetup(TestPoint point) {
        BigDecimal ohms = point.nominal().to(Units.of("Ω")).value().stripTrailingZeros();
        return Optional.of("CONF:RES " + ohms.toPlainString());
    }

    @Override
    public Optional<RefusedException> missingBeforeSubmit(VerificationJob job) {
        if (SubstitutionRun.reference(job).isEmpty()) {
            return Optional.of(new RefusedException("error.resistor.noReference",
                    SubstitutionRun.nominal(job.instrument())));
        }
        return SubstitutionRun.zeroScatter(job);
    }

    @Override
    public JobResult evaluate(VerificationJob job) {
        return ResistorJobResult.of(job);
    }

    @Override
    public String pages() {
        return "resistor-substitution";
    }
}
