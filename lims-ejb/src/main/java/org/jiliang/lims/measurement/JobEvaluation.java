package org.jiliang.lims.measurement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiliang.lims.metrology.weight.WeightCalibration;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.WeighingPointResult;
import org.jiliang.lims.metrology.scale.ChangeoverReading;
import org.jiliang.lims.metrology.scale.ScaleProcedureCatalog;
import org.jiliang.lims.metrology.scale.ScaleReadings;
import org.jiliang.lims.metrology.scale.ScaleTest;
import org.jiliang.lims.metrology.scale.ScaleTestPlan;
import org.jiliang.lims.metrology.scale.ScaleVerificationResult;
import org.jiliang.lims.order.VerificationJob;

/**
 * The results of a job computed from its raw readings with the rules of the procedure edition
 * the job was made with: per point as soon as it can be judged, overall once every point has
 * its readings. Nothing computed is stored, so a correction can never leave a stale result.
 */
public final class JobEvaluation {

    /** What a point's readings show: the value judged (Ec, E0, a spread, a change), the verdict, why. */
    public record PointOutcome(Mass measured, boolean passed, String reason) {
    }

    private final Map<Long, PointOutcome> outcomes = new HashMap<>();
    private final ScaleVerificationResult overall;
    private final boolean complete;
    private final WeightCalibrationRun weightRun;
    private final WeightCalibration weight;

    private JobEvaluation(VerificationJob job) {
        complete = job.allPointsCaptured();
        if (job.instrument().isWeight()) {
            weightRun = WeightCalibrationRun.of(job);
            weight = weightRun.result().orElse(null);
            overall = null;
            return;
        }
        weightRun = null;
        weight = null;
        boolean planned = job.testPoints().stream().allMatch(p -> p.planPointId() != null);
        if (!planned) {
            legacy(job);
            overall = null;
            return;
        }
        ScaleTestPlan plan = ScaleTestPlan.generate(job.instrument().underTest(), job.verificationType(),
                ScaleProcedureCatalog.standard().edition(job.procedureCode()));
        ScaleReadings readings = readings(job);
        for (TestPoint p : job.testPoints()) {
            plan.evaluatePoint(p.planPointId(), readings).ifPresent(r -> outcomes.put(p.id(),
                    new PointOutcome(r.measured(), r.passed(), r.reason() == null ? null : r.reason().toString())));
        }
        overall = complete ? plan.evaluate(readings) : null;
    }

    public static JobEvaluation of(VerificationJob job) {
        return new JobEvaluation(job);
    }

    /** Jobs made before V003: four weighing points, E = I − L against the MPE. */
    private void legacy(VerificationJob job) {
        for (TestPoint p : job.testPoints()) {
            PointReading r = p.latest();
            if (r != null) {
                WeighingPointResult w = WeighingPointResult.evaluate(p.load(), p.mass(r.indicationValue()), p.mpe());
                outcomes.put(p.id(), new PointOutcome(w.error().normalized(), w.passed(), null));
            }
        }
    }

    private static ScaleReadings readings(VerificationJob job) {
        ScaleReadings.Builder b = ScaleReadings.builder();
        for (TestPoint p : job.testPoints()) {
            List<PointReading> current = p.currentReadings();
            if (current.size() < p.readingsNeeded()) {
                continue;
            }
            switch (ScaleTest.valueOf(p.testKind())) {
                case REPEATABILITY -> b.series(p.planPointId(), current.stream()
                        .map(r -> new ChangeoverReading(p.mass(r.indicationValue()), p.mass(r.additionalLoad())))
                        .toList());
                case DISCRIMINATION -> b.discrimination(p.planPointId(), p.mass(current.get(0).indicationValue()),
                        p.mass(current.get(1).indicationValue()));
                default -> b.changeover(p.planPointId(), p.mass(current.get(0).indicationValue()),
                        p.mass(current.get(0).additionalLoad()));
            }
        }
        return b.build();
    }

    public Optional<PointOutcome> point(TestPoint p) {
        return Optional.ofNullable(outcomes.get(p.id()));
    }

    /** A weight calibration's result; empty for a scale, or while an input is missing. */
    public Optional<WeightCalibration> weightCalibration() {
        return Optional.ofNullable(weight);
    }

    /** A weight calibration's inputs as recorded; empty for a scale. */
    public Optional<WeightCalibrationRun> weightRun() {
        return Optional.ofNullable(weightRun);
    }

    /**
     * The overall verdict; empty until every point has its readings. For a weight: whether it conforms to its
     * class (U ≤ δm/3 and the guarded acceptance decision), empty while an input is missing.
     */
    public Optional<Boolean> passed() {
        if (weightRun != null) {
            return weightCalibration().map(WeightCalibration::conforms);
        }
        if (!complete) {
            return Optional.empty();
        }
        if (overall != null) {
            return Optional.of(overall.passed());
        }
        return Optional.of(outcomes.values().stream().allMatch(PointOutcome::passed));
    }

    /** Why the instrument failed, one bilingual line per failed point (for the notice of non-conformity). */
    public List<String> nonConformities() {
        if (overall != null) {
            return overall.nonConformityReasons().stream().map(Object::toString).toList();
        }
        return List.of();
    }

    /** The statement of the result, e.g. "检定结论：合格 / verification result: pass". */
    public Optional<String> conclusion() {
        if (weightRun != null) {
            return weightCalibration().map(w -> w.conforms()
                    ? "符合 " + w.weightClass().symbol() + " 级要求 / conforms to class " + w.weightClass().symbol()
                    : "不符合 " + w.weightClass().symbol() + " 级要求 / does not conform to class "
                            + w.weightClass().symbol());
        }
        return Optional.ofNullable(overall).map(r -> r.conclusion().toString());
    }
}
