package org.jiliang.lims.method.dmm;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.metrology.dmm.DmmFunction;
import org.jiliang.lims.metrology.dmm.DmmPoint;
import org.jiliang.lims.metrology.dmm.DmmTestPlan;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.MeasurementMethod;
import org.jiliang.lims.order.StandardUse;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * Calibration of a digital multimeter after JJF 1587-2016 (EURAMET cg-15), direct against a multifunction
 * calibrator: the points of the meter's DC voltage and resistance ranges from the data, the meter set to each
 * point's function and range over SCPI, n indications per point, the error E with its budget evaluated by the GUM
 * engine (docs/dmm-calibration.md), on a calibration certificate with a row per point and a DCC. No statement of
 * conformity: the register records no specification for the meter.
 */
@ApplicationScoped
public class MultimeterCalibrationMethod implements MeasurementMethod {

    /** JJF 1587-2016 数字多用表校准规范 (Calibration Specification for Digital Multimeters). */
    public static final String PROCEDURE = "JJF 1587-2016";

    @Override
    public String testPlan() {
        return DmmTestPlan.TEST_PLAN;
    }

    @Override
    public String instrumentKind() {
        return MultimeterKind.KIND;
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

    /** A point per function, range and fraction of full scale of the data; readings per point from the data. */
    @Override
    public void plan(VerificationJob job) {
        int ordinal = 1;
        for (DmmPoint p : MultimeterRun.plan(job.instrument())) {
            job.addTestPoint(new TestPoint(job, ordinal++, MultimeterRun.planPointId(p), p.function().code(),
                    MultimeterRun.label(p), p.nominal(), null, DmmTestPlan.readingsPerPoint()));
        }
    }

    /**
     * A standard serves a multimeter job only through the values its certificate states: one without any, or
     * without a value at any of the job's points, cannot support the job's ranges.
     */
    @Override
    public void checkStandard(VerificationJob job, MeasurementStandard standard) {
        if (standard.certifiedValues().isEmpty()) {
            throw new RefusedException("error.dmm.standardWithoutValues", standard.code());
        }
        if (job.testPoints().stream().noneMatch(p -> standard.valueAt(p.nominal()).isPresent())) {
            TestPoint first = job.testPoints().get(0);
            throw new RefusedException("error.dmm.standardCannotSupport", standard.code(), first.label(),
                    first.nominal());
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
     * An indication beyond the range's display cannot be the meter's reading on that range (it was on another, or
     * overloaded); and a point no selected standard supports cannot be measured at all.
     */
    @Override
    public void checkCapture(TestPoint point, Quantity indication, BigDecimal additionalLoad) {
        DmmPoint p = MultimeterRun.point(point);
        Quantity largest = p.largestDisplay();
        if (indication.to(largest.unit()).value().abs().compareTo(largest.value()) > 0) {
            throw new RefusedException("error.dmm.outsideRange", indication, p.range(), largest);
        }
        List<MeasurementStandard> selected = point.job().standards().stream().map(StandardUse::standard).toList();
        if (MultimeterRun.supportOf(p.nominal(), selected).isEmpty()) {
            throw new RefusedException("error.dmm.pointWithoutStandard", point.label(), p.nominal());
        }
    }

    /** {@code CONF:VOLT:DC 10} / {@code CONF:RES 10000}: the point's function and range, in volts and ohms. */
    @Override
    public Optional<String> benchSetup(TestPoint point) {
        DmmPoint p = MultimeterRun.point(point);
        boolean volts = p.function() == DmmFunction.DC_VOLTAGE;
        return Optional.of((volts ? "CONF:VOLT:DC " : "CONF:RES ") + inVoltsOrOhms(p, p.range()));
    }

    /**
     * A calibrator the bench drives is set to the point's nominal value and put to operate: {@code OUT 9 V},
     * {@code OUT 9000 OHM}, {@code OPER} (a Fluke 5520A's remote commands, docs/scpi.md); nothing for a standard
     * without a certified value at the point, which cannot serve it.
     */
    @Override
    public List<String> standardSetup(TestPoint point, MeasurementStandard standard) {
        DmmPoint p = MultimeterRun.point(point);
        if (standard.valueAt(p.nominal()).isEmpty()) {
            return List.of();
        }
        boolean volts = p.function() == DmmFunction.DC_VOLTAGE;
        return List.of("OUT " + inVoltsOrOhms(p, p.nominal()) + (volts ? " V" : " OHM"), "OPER");
    }

    /** A quantity of the point's function as SCPI takes it: a plain number in V or Ω. */
    private static String inVoltsOrOhms(DmmPoint p, Quantity q) {
        Quantity base = q.to(Units.of(p.function() == DmmFunction.DC_VOLTAGE ? "V" : "Ω"));
        return base.value().stripTrailingZeros().toPlainString();
    }

    /** Every point needs a selected standard with a certified value at its nominal. */
    @Override
    public Optional<RefusedException> missingBeforeSubmit(VerificationJob job) {
        List<MeasurementStandard> selected = job.standards().stream().map(StandardUse::standard).toList();
        for (TestPoint p : job.testPoints()) {
            if (MultimeterRun.supportOf(p.nominal(), selected).isEmpty()) {
                return Optional.of(new RefusedException("error.dmm.pointWithoutStandard", p.label(), p.nominal()));
            }
        }
        return Optional.empty();
    }

    @Override
    public JobResult evaluate(VerificationJob job) {
        return MultimeterJobResult.of(job);
    }

    @Override
    public String pages() {
        return "dmm-calibration";
    }
}
