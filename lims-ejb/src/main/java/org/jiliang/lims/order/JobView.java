package org.jiliang.lims.order;

import java.util.List;
import org.jiliang.lims.registry.InstrumentView;

/** A job as the bench and review pages show it. {@code passed} is null until every point is captured. */
public record JobView(long id, String jobNumber, JobState state, InstrumentView instrument,
        String verificationType, String procedureCode, String benchDeviceCode, String technician,
        List<PointView> points, List<UsedStandardView> standards, Boolean passed) {

    public record PointView(int ordinal, String label, String load, String mpe, String indication,
            String error, String verdict, Long frameId, String rawHex) {
    }

    public record UsedStandardView(String code, String name, String accuracy, String certificateNumber,
            String dueDate) {
    }

    public static JobView of(VerificationJob job) {
        List<PointView> points = job.testPoints().stream().map(p -> new PointView(
                p.ordinal(), p.label(), p.load().toString(), "±" + p.mpe(),
                p.indication() == null ? null : p.indication().toString(),
                p.error() == null ? null : p.error().toString(), p.verdict(),
                p.frame() == null ? null : p.frame().id(),
                p.frame() == null ? null : p.frame().rawHex())).toList();
        List<UsedStandardView> used = job.standards().stream().map(u -> new UsedStandardView(
                u.standard().code(), u.standard().name(), u.standard().accuracy(),
                u.standard().certificateNumber(), u.standard().dueDate().toString())).toList();
        return new JobView(job.id(), job.jobNumber(), job.state(),
                InstrumentView.of(job.instrument()), job.verificationType().name(),
                job.procedureCode(), job.benchDevice() == null ? null : job.benchDevice().code(),
                job.technician() == null ? null : job.technician().displayName(), points, used,
                job.allPointsCaptured() ? job.passed() : null);
    }
}
