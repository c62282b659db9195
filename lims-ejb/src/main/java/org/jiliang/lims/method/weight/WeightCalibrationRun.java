package org.jiliang.lims.method.weight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiliang.lims.order.EnvironmentRecord;
import org.jiliang.lims.order.PointReading;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.weight.WeightCalibration;
import org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
import org.jiliang.lims.order.StandardUse;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * A weight calibration job's inputs gathered from what was recorded: the comparator indications of its test
 * points, the reference weight among the standards used, the bench conditions and the comparator's d. Computed
 * on demand like every result; what is still missing is said in words a technician understands.
 */
final class WeightCalibrationRun {

    private final VerificationJob job;
    private final List<RefusedException> missing = new ArrayList<>();
    private WeightCalibrationProcedure.ReferenceWeight reference;
    private MeasurementStandard referenceStandard;
    private WeightCalibrationProcedure.Conditions conditions;
    private Mass scaleInterval;

    private WeightCalibrationRun(VerificationJob job) {
        this.job = job;
        List<MeasurementStandard> references = job.standards().stream().map(StandardUse::standard)
                .filter(s -> s.referenceWeight().isPresent()).toList();
        if (references.isEmpty()) {
            missing.add(new RefusedException("error.weight.noReference"));
        } else if (references.size() > 1) {
            missing.add(new RefusedException("error.weight.twoReferences",
                    String.join(", ", references.stream().map(MeasurementStandard::code).toList())));
        } else {
            referenceStandard = references.get(0);
            reference = referenceStandard.referenceWeight().orElseThrow();
        }
        EnvironmentRecord env = job.currentEnvironment();
        if (env == null) {
            missing.add(new RefusedException("error.submit.noEnvironment"));
        } else if (env.pressure() == null) {
            missing.add(new RefusedException("error.environment.pressureMissing", job.procedureCode()));
        } else {
            conditions = new WeightCalibrationProcedure.Conditions(env.temperature(), env.pressure(),
                    env.humidity());
        }
        if (job.benchDevice() == null || job.benchDevice().scaleInterval().isEmpty()) {
            missing.add(new RefusedException("error.weight.noScaleInterval",
                    job.benchDevice() == null ? "—" : job.benchDevice().code()));
        } else {
            scaleInterval = job.benchDevice().scaleInterval().get();
        }
        if (!job.allPointsCaptured()) {
            missing.add(new RefusedException("error.submit.missingPoints",
                    job.testPoints().stream().filter(p -> !p.captured()).count()));
        } else if (weighingProcess().isEmpty()
                && !WeightCalibrationProcedure.scatterShown(WeightCalibrationProcedure.standard().series(
                        job.instrument().weightClass(), indications()))) {
            missing.add(new RefusedException("error.weight.zeroScatter",
                    job.benchDevice() == null ? "—" : job.benchDevice().code()));
        }
    }

    /** The comparator's recorded weighing process (an s_p of a mass), which gives u_w (R 111-1 C.6.1). */
    public Optional<PooledStandardDeviation> weighingProcess() {
        return job.benchDevice() == null ? Optional.empty() : job.benchDevice().pooledStandardDeviation()
                .filter(p -> org.jiliang.lims.metrology.MassUnit.isSymbol(p.unit()));
    }

    private Map<String, Mass> indications() {
        Map<String, Mass> indications = new HashMap<>();
        for (TestPoint p : job.testPoints()) {
            PointReading r = p.latest();
            indications.put(p.planPointId(), p.mass(r.indicationValue()));
        }
        return indications;
    }

    static WeightCalibrationRun of(VerificationJob job) {
        return new WeightCalibrationRun(job);
    }

    /** The first thing that keeps the result from being computed, if any. */
    public Optional<RefusedException> missing() {
        return missing.stream().findFirst();
    }

    public Optional<MeasurementStandard> referenceStandard() {
        return Optional.ofNullable(referenceStandard);
    }

    public Optional<WeightCalibrationProcedure.Conditions> conditions() {
        return Optional.ofNullable(conditions);
    }

    /** The result; empty while something is missing. */
    public Optional<WeightCalibration> result() {
        if (!missing.isEmpty()) {
            return Optional.empty();
        }
        var instrument = job.instrument();
        return Optional.of(WeightCalibrationProcedure.standard().calibrate(instrument.weightClass(),
                instrument.nominal(), indications(), reference, conditions, scaleInterval,
                weighingProcess().orElse(null)));
    }
}
