package org.jiliang.lims.method.dmm;

import java.util.List;
import java.util.Optional;
import org.jiliang.lims.metrology.dmm.CalibratorOutput;
import org.jiliang.lims.metrology.dmm.DisplayDigits;
import org.jiliang.lims.metrology.dmm.DmmPoint;
import org.jiliang.lims.metrology.dmm.DmmPointCalibration;
import org.jiliang.lims.metrology.dmm.DmmRefusal;
import org.jiliang.lims.metrology.dmm.DmmTestPlan;
import org.jiliang.lims.metrology.dmm.Indications;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.order.PointReading;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentParameters;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardValue;

/**
 * A multimeter job as the metrology sees it: the plan's points of the meter (from its registered ranges and digits,
 * the same every time they are asked for), the standard that supports a point (one whose certificate states a value
 * at the point's nominal) and each point's evaluation from its indications.
 */
final class MultimeterRun {

    private MultimeterRun() {
    }

    /** The plan of the meter, in the order of its test points. */
    static List<DmmPoint> plan(InstrumentUnderTest meter) {
        InstrumentParameters p = meter.typedParameters();
        DisplayDigits digits = DisplayDigits.parse(p.text(MultimeterKind.DIGITS).orElseThrow(
                () -> new RefusedException("error.dmm.noDigits", meter.serialNumber())));
        try {
            return DmmTestPlan.plan(p.quantities(MultimeterKind.DCV_RANGES), p.quantities(MultimeterKind.RESISTANCE_RANGES),
                    digits);
        } catch (DmmRefusal e) {
            throw refused(e);
        }
    }

    /** The plan's point behind a test point (the plan is derived again from the register, by ordinal). */
    static DmmPoint point(TestPoint testPoint) {
        List<DmmPoint> plan = plan(testPoint.job().instrument());
        DmmPoint p = testPoint.ordinal() <= plan.size() ? plan.get(testPoint.ordinal() - 1) : null;
        if (p == null || !planPointId(p).equals(testPoint.planPointId())) {
            // the register changed the meter's ranges after the job was opened: a defect, not a user's mistake
            throw new IllegalStateException("Point " + testPoint.ordinal() + " of job " + testPoint.job().jobNumber()
                    + " (" + testPoint.planPointId() + ") is no longer in the meter's plan");
        }
        return p;
    }

    /** "DCV 10 V +9 V": function, range, nominal; unique in a plan. */
    static String planPointId(DmmPoint p) {
        String nominal = p.nominal().value().signum() > 0 ? "+" + p.nominal() : p.nominal().toString();
        return p.function().code() + " " + p.range() + " " + nominal;
    }

    /** "直流电压 10 V 量程 +9 V / DC voltage 10 V range +9 V". */
    static String label(DmmPoint p) {
        String nominal = p.nominal().value().signum() > 0 ? "+" + p.nominal() : p.nominal().toString();
        return p.function().labelZh() + " " + p.range() + " 量程 " + nominal + " / " + p.function().labelEn() + " "
                + p.range() + " range " + nominal;
    }

    /** The first of these standards whose certificate states a value at the point's nominal value. */
    static Optional<Supported> supportOf(Quantity nominal, List<MeasurementStandard> standards) {
        for (MeasurementStandard s : standards) {
            Optional<StandardValue.Certified> value = s.valueAt(nominal);
            if (value.isPresent()) {
                return Optional.of(new Supported(s, value.get()));
            }
        }
        return Optional.empty();
    }

    /** A standard and its certified value at a point. */
    record Supported(MeasurementStandard standard, StandardValue.Certified value) {

        CalibratorOutput output() {
            return CalibratorOutput.fromCertificate(value.value(), value.expandedUncertainty(), value.coverageFactor(),
                    value.driftLimit(), value.temperatureLimit());
        }
    }

    /**
     * The point's evaluation once it has all its indications, against the standard in use when they were taken;
     * empty before.
     */
    static Optional<Evaluated> evaluate(TestPoint testPoint) {
        if (!testPoint.captured()) {
            return Optional.empty();
        }
        DmmPoint p = point(testPoint);
        List<PointReading> readings = testPoint.currentReadings();
        List<MeasurementStandard> inUse = readings.get(readings.size() - 1).standards().stream()
                .sorted(java.util.Comparator.comparing(MeasurementStandard::code)).toList();
        Supported supported = supportOf(p.nominal(), inUse).orElseThrow(() -> new RefusedException(
                "error.dmm.pointWithoutStandard", testPoint.label(), p.nominal()));
        Indications indications = new Indications(readings.stream().map(PointReading::indicationValue).toList(),
                testPoint.quantityUnit());
        try {
            return Optional.of(new Evaluated(testPoint, p, supported,
                    DmmPointCalibration.of(p, supported.output(), indications).evaluate()));
        } catch (DmmRefusal e) {
            throw refused(e);
        }
    }

    /** A point's result with what it was computed from. */
    record Evaluated(TestPoint testPoint, DmmPoint point, Supported standard, DmmPointCalibration calibration) {
    }

    static RefusedException refused(DmmRefusal e) {
        return new RefusedException(e.key(), e.arguments().toArray());
    }
}
