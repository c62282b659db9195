package org.jiliang.lims.method.scale;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiliang.lims.order.PointReading;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.WeighingPointResult;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.scale.ChangeoverReading;
import org.jiliang.lims.metrology.scale.Requirement;
import org.jiliang.lims.metrology.scale.ScaleProcedureCatalog;
import org.jiliang.lims.metrology.scale.ScaleReadings;
import org.jiliang.lims.metrology.scale.ScaleTest;
import org.jiliang.lims.metrology.scale.ScaleTestPlan;
import org.jiliang.lims.metrology.scale.ScaleVerificationResult;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.VerificationJob;

/**
 * A scale verification's results computed from its raw readings with the R 76 rules of the job's procedure edition:
 * per point as soon as it can be judged, overall once every point has its readings.
 */
final class ScaleJobResult implements JobResult {

    private final Map<Long, PointOutcome> outcomes = new HashMap<>();
    private final Map<Long, Requirement> requirements = new HashMap<>();
    private final ScaleVerificationResult overall;
    private final boolean complete;

    private ScaleJobResult(VerificationJob job) {
        complete = job.allPointsCaptured();
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
            Requirement requirement = plan.requirement(p.planPointId());
            requirements.put(p.id(), requirement);
            plan.evaluatePoint(p.planPointId(), readings).ifPresent(r -> outcomes.put(p.id(),
                    new PointOutcome(quantity(r.measured()), r.passed(),
                            r.reason() == null ? null : r.reason().toString(), requirement.shown(r.measured()))));
        }
        overall = complete ? plan.evaluate(readings) : null;
    }

    static ScaleJobResult of(VerificationJob job) {
        return new ScaleJobResult(job);
    }

    /** Jobs made before V003: four weighing points, E = I − L against the MPE. */
    private void legacy(VerificationJob job) {
        for (TestPoint p : job.testPoints()) {
            PointReading r = p.latest();
            if (r != null) {
                WeighingPointResult w = WeighingPointResult.evaluate(p.load(), p.mass(r.indicationValue()), p.mpe());
                outcomes.put(p.id(), new PointOutcome(quantity(w.error().normalized()), w.passed(), null));
            }
        }
    }

    private static Quantity quantity(Mass m) {
        return Quantity.of(m.value(), m.unit().symbol());
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

    @Override
    public Optional<PointOutcome> point(TestPoint p) {
        return Optional.ofNullable(outcomes.get(p.id()));
    }

    @Override
    public Optional<String> requirement(TestPoint p) {
        return Optional.ofNullable(requirements.get(p.id())).map(Requirement::limit);
    }

    /** The spread of a series and the change of a discrimination test say what they are; an error needs not. */
    @Override
    public Optional<String> measure(TestPoint p) {
        return Optional.ofNullable(requirements.get(p.id())).filter(r -> !r.limit().startsWith("±"))
                .map(Requirement::symbol);
    }

    @Override
    public Optional<Boolean> passed() {
        if (!complete) {
            return Optional.empty();
        }
        if (overall != null) {
            return Optional.of(overall.passed());
        }
        return Optional.of(outcomes.values().stream().allMatch(PointOutcome::passed));
    }

    @Override
    public List<String> nonConformities() {
        if (overall != null) {
            return overall.nonConformityReasons().stream().map(Object::toString).toList();
        }
        return List.of();
    }

    @Override
    public Optional<String> conclusion() {
        return Optional.ofNullable(overall).map(r -> r.conclusion().toString());
    }
}
