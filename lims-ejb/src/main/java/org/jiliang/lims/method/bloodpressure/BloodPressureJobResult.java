package org.jiliang.lims.method.bloodpressure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiliang.lims.metrology.bloodpressure.BpPointResult;
import org.jiliang.lims.metrology.bloodpressure.BpReading;
import org.jiliang.lims.metrology.bloodpressure.BpTestPlan;
import org.jiliang.lims.metrology.bloodpressure.BpVerificationResult;
import org.jiliang.lims.metrology.scale.BilingualText;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;

/**
 * A blood-pressure meter's results from what was read and typed: each point judged as soon as it is captured, the
 * verdict and the reasons of non-conformity once every point is there.
 */
final class BloodPressureJobResult implements JobResult {

    private final Map<TestPoint, BpPointResult> points = new HashMap<>();
    private final BpVerificationResult result;
    private final BpTestPlan plan;

    private BloodPressureJobResult(BloodPressureVerification method, VerificationJob job) {
        this.plan = method.planOf(job);
        Map<String, BpReading> readings = new HashMap<>();
        for (TestPoint p : job.testPoints()) {
            if (p.latest() != null) {
                BpReading reading = BloodPressureVerification.reading(p, p.latest());
                readings.put(p.planPointId(), reading);
                // each reading was judged when it was captured: a refusal here would be a defect
                points.put(p, plan.evaluatePoint(p.planPointId(), reading));
            }
        }
        this.result = readings.size() == plan.points().size() ? plan.evaluate(readings) : null;
    }

    static BloodPressureJobResult of(BloodPressureVerification method, VerificationJob job) {
        return new BloodPressureJobResult(method, job);
    }

    /** The metrology's verdict on a point, once it is captured. */
    Optional<BpPointResult> result(TestPoint point) {
        return Optional.ofNullable(points.get(point));
    }

    /** Every point judged; empty until every point is captured. */
    Optional<BpVerificationResult> verification() {
        return Optional.ofNullable(result);
    }

    @Override
    public Optional<PointOutcome> point(TestPoint point) {
        return result(point).map(r -> new PointOutcome(null, r.passed(), r.reason().toString(),
                r.measured().map(v -> BpMeters.text(v, plan.meter(), isError(v))).orElse(null)));
    }

    /** An error (a pressure difference) is shown with its sign; a rate, a rebound or a time without. */
    static boolean isError(org.jiliang.lims.metrology.bloodpressure.BpValue v) {
        return !v.unit().equals("s") && !v.unit().contains("/");
    }

    @Override
    public Optional<Boolean> passed() {
        return verification().map(BpVerificationResult::passed);
    }

    @Override
    public Optional<String> conclusion() {
        return verification().map(r -> r.conclusion().toString());
    }

    @Override
    public List<String> nonConformities() {
        return verification().map(r -> r.nonConformityReasons().stream().map(BilingualText::toString).toList())
                .orElse(List.of());
    }
}
