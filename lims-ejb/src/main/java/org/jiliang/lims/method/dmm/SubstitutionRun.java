package org.jiliang.lims.method.dmm;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.metrology.dmm.DmmRefusal;
import org.jiliang.lims.metrology.dmm.Indications;
import org.jiliang.lims.metrology.dmm.ReferenceResistor;
import org.jiliang.lims.metrology.dmm.ResistorSubstitution;
import org.jiliang.lims.metrology.dmm.SubstitutionSetup;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation;
import org.jiliang.lims.order.EnvironmentRecord;
import org.jiliang.lims.order.PointReading;
import org.jiliang.lims.order.StandardUse;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardValue;

/**
 * A substitution job as the metrology sees it: the unknown's nominal value, the reference (a selected standard whose
 * certificate states a value at that nominal value with its temperature dependence) and the evaluation of R_X from
 * the pairs of indications once both points have them all.
 */
final class SubstitutionRun {

    static final String UNKNOWN = "R_X";
    static final String REFERENCE = "R_S";

    private SubstitutionRun() {
    }

    static Quantity nominal(InstrumentUnderTest resistor) {
        return resistor.typedParameters().quantity(StandardResistorKind.NOMINAL).orElseThrow(
                () -> new RefusedException("error.resistor.noNominal", resistor.serialNumber()));
    }

    /** The first selected standard that can be the reference of this job. */
    static Optional<Reference> reference(VerificationJob job) {
        return referenceAmong(nominal(job.instrument()), job.standards().stream().map(StandardUse::standard).toList());
    }

    private static Optional<Reference> referenceAmong(Quantity nominal, List<MeasurementStandard> standards) {
        for (MeasurementStandard s : standards) {
            Optional<StandardValue.Certified> v = s.valueAt(nominal).filter(c -> c.temperature().isPresent());
            if (v.isPresent()) {
                return Optional.of(new Reference(s, v.get()));
            }
        }
        return Optional.empty();
    }

    /** A reference standard and its certified value at the nominal value. */
    record Reference(MeasurementStandard standard, StandardValue.Certified value) {

        ReferenceResistor resistor() {
            var t = value.temperature().orElseThrow();
            return new ReferenceResistor(value.value(), value.expandedUncertainty(), value.coverageFactor(),
                    t.referenceTemperature(), value.driftEstimate(), value.driftLimit(), t.coefficient(),
                    BigDecimal.ZERO);
        }
    }

    /**
     * R_X once both points have all their indications and the bench conditions are recorded, against the reference
     * in use when the last indication of R_S was taken; empty before.
     */
    static Optional<Evaluated> evaluate(VerificationJob job) {
        TestPoint unknown = job.testPoint(1);
        TestPoint reference = job.testPoint(2);
        EnvironmentRecord conditions = job.currentEnvironment();
        if (!unknown.captured() || !reference.captured() || conditions == null || zeroScatter(job).isPresent()) {
            return Optional.empty();
        }
        List<PointReading> s = reference.currentReadings();
        List<MeasurementStandard> inUse = s.get(s.size() - 1).standards().stream()
                .sorted(Comparator.comparing(MeasurementStandard::code)).toList();
        Quantity nominal = nominal(job.instrument());
        Reference ref = referenceAmong(nominal, inUse).orElseThrow(
                () -> new RefusedException("error.resistor.noReference", nominal));
        SubstitutionSetup setup = SubstitutionSetup.data();
        Quantity t = new Quantity(conditions.temperature().stripTrailingZeros(), Units.of("°C"));
        try {
            ResistorSubstitution substitution = ResistorSubstitution.against(ref.resistor())
                    .temperature(t, setup.temperatureLimits())
                    .unknownTemperatureCoefficient(StandardResistorKind.alphaBound(job.instrument().typedParameters()))
                    .transfer(setup.transferLimits())
                    .readings(indications(unknown), indications(reference))
                    .ratioProcess(ratioProcess(job).orElse(null))
                    .evaluate();
            return Optional.of(new Evaluated(ref, t, substitution));
        } catch (DmmRefusal e) {
            throw MultimeterRun.refused(e);
        }
    }

    /**
     * Pairs whose ratios agree exactly, on a meter without a recorded s_p of the ratio: their own s is 0, and no
     * result may claim a zero Type A component (issue 11). Refused before submit, and no result is computed.
     */
    static Optional<RefusedException> zeroScatter(VerificationJob job) {
        TestPoint unknown = job.testPoint(1);
        TestPoint reference = job.testPoint(2);
        if (!unknown.captured() || !reference.captured() || ratioProcess(job).isPresent()) {
            return Optional.empty();
        }
        List<BigDecimal> x = unknown.currentReadings().stream().map(PointReading::indicationValue).toList();
        List<BigDecimal> s = reference.currentReadings().stream().map(PointReading::indicationValue).toList();
        List<BigDecimal> ratios = java.util.stream.IntStream.range(0, Math.min(x.size(), s.size()))
                .filter(k -> s.get(k).signum() != 0)
                .mapToObj(k -> x.get(k).divide(s.get(k), java.math.MathContext.DECIMAL128)).toList();
        if (ratios.size() < 2 || ratios.stream().anyMatch(r -> r.compareTo(ratios.get(0)) != 0)) {
            return Optional.empty();
        }
        return Optional.of(new RefusedException("error.resistor.zeroScatter", ratios.size(),
                job.benchDevice() == null ? "—" : job.benchDevice().code()));
    }

    /** The meter's recorded s_p of the ratio, which gives u(r) when there is one. */
    static Optional<PooledStandardDeviation> ratioProcess(VerificationJob job) {
        return job.benchDevice() == null ? Optional.empty()
                : job.benchDevice().pooledStandardDeviation().filter(PooledStandardDeviation::ofRatio);
    }

    private static Indications indications(TestPoint point) {
        return new Indications(point.currentReadings().stream().map(PointReading::indicationValue).toList(),
                point.quantityUnit());
    }

    /** R_X with what it was computed from: the reference and the temperature t of the bench conditions. */
    record Evaluated(Reference reference, Quantity temperature, ResistorSubstitution substitution) {
    }
}
