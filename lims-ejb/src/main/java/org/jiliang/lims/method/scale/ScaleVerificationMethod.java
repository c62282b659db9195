package org.jiliang.lims.method.scale;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.metrology.scale.CapturePlausibility;
import org.jiliang.lims.metrology.scale.ScaleProcedureCatalog;
import org.jiliang.lims.metrology.scale.ScaleTest;
import org.jiliang.lims.metrology.scale.ScaleTestPlan;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.order.ImplausibleReadingException;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.MeasurementMethod;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * Verification of a non-automatic weighing instrument (a scale) after JJG 539 and OIML R 76-1: the test plan from
 * the scale's class, Max, e and d (zero setting, weighing up and down, eccentricity, discrimination,
 * repeatability), every point judged against its MPE, the verdict on a verification certificate or a notice of
 * non-conformity.
 */
@ApplicationScoped
public class ScaleVerificationMethod implements MeasurementMethod {

    /** JJG 539 (digital indicating scales). */
    public static final String PROCEDURE = "JJG 539-2016";

    @Override
    public String testPlan() {
        return ScaleTestPlan.TEST_PLAN;
    }

    @Override
    public String instrumentKind() {
        return InstrumentUnderTest.KIND_SCALE;
    }

    @Override
    public String procedureCode() {
        return PROCEDURE;
    }

    @Override
    public String jobSeries() {
        return "JD";
    }

    @Override
    public boolean verification() {
        return true;
    }

    /** The points of the edition's R 76 plan for this scale and type of verification. */
    @Override
    public void plan(VerificationJob job) {
        ScaleTestPlan plan = ScaleTestPlan.generate(job.instrument().underTest(), job.verificationType(),
                ScaleProcedureCatalog.standard().edition(job.procedureCode()));
        int ordinal = 1;
        for (var planned : plan.points()) {
            // discrimination needs the indication before and after the extra load; a series, its weighings
            int needed = planned.test() == ScaleTest.DISCRIMINATION ? 2 : planned.weighings();
            job.addTestPoint(new TestPoint(job, ordinal++, planned.id(), planned.test().name(),
                    planned.label().toString(), planned.load(), planned.mpe(), needed, planned.extraLoad()));
        }
    }

    /** Any weight set of an accepted class serves; the procedure edition lists the classes. */
    @Override
    public void checkStandard(VerificationJob job, MeasurementStandard standard) {
    }

    @Override
    public boolean needsPressure() {
        return false;
    }

    /** The changeover-point method puts small weights ΔL on the load (OIML R 76-1 A.4.4.3). */
    @Override
    public boolean takesAdditionalLoad() {
        return true;
    }

    /** The discrimination test reads the indication before and after its extra load; it puts on no ΔL. */
    @Override
    public boolean takesAdditionalLoad(TestPoint point) {
        return !ScaleTest.DISCRIMINATION.name().equals(point.testKind());
    }

    /**
     * The indication must be near the load the point expects: within the institute's window
     * ({@link CapturePlausibility}, a number of the point's limits and never fewer scale intervals e, since the
     * zero-setting limit is only 0.25 e). Further off, the load on the pan is most likely not the one planned (an
     * empty pan at Min, the wrong weights); the zero point needs an empty pan. Such a reading is refused with what was expected, or accepted
     * with the technician's reason. A scale whose error is merely out of its MPE stays well inside the window and
     * is judged, not refused.
     */
    @Override
    public void checkCapture(TestPoint point, Quantity indication, BigDecimal additionalLoad) {
        BigDecimal expected = point.nominal().value();
        if (ScaleTest.DISCRIMINATION.name().equals(point.testKind()) && point.currentReadings().size() == 1) {
            expected = expected.add(point.extraNominal().value()); // the second reading: the extra load is on
        }
        BigDecimal e = point.job().instrument().underTest().e().to(point.unit()).value();
        BigDecimal window = CapturePlausibility.institute().window(point.tolerance().value(), e);
        if (indication.value().subtract(expected).abs().compareTo(window) <= 0) {
            return;
        }
        if (ScaleTest.ZERO_SETTING.name().equals(point.testKind())) {
            throw new ImplausibleReadingException("error.capture.zeroNotEmpty", indication, point.quantity(window));
        }
        throw new ImplausibleReadingException("error.capture.farFromLoad", indication, point.quantity(expected),
                point.quantity(window));
    }

    @Override
    public Optional<RefusedException> missingBeforeSubmit(VerificationJob job) {
        return Optional.empty();
    }

    @Override
    public JobResult evaluate(VerificationJob job) {
        return ScaleJobResult.of(job);
    }

    @Override
    public String pages() {
        return "scale-verification";
    }
}
