package org.jiliang.lims.order;

import java.util.List;
import org.jiliang.lims.measurement.EnvironmentRecord;
import org.jiliang.lims.measurement.PointReading;
import org.jiliang.lims.measurement.TestPoint;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.registry.InstrumentView;

/**
 * A job as the bench and review pages show it. {@code passed} is null until every point is
 * captured; {@code version} is what a page or API client sends back to detect conflicts.
 */
public record JobView(long id, String jobNumber, JobState state, long version, InstrumentView instrument,
        String verificationType, String procedureCode, String procedureTitle, String environmentLimits,
        String benchDeviceCode, String technician, String checker, String approver, String returnedReason,
        List<PointView> points, List<UsedStandardView> standards, EnvironmentView environment,
        List<SignatureView> signatures, Boolean passed) {

    public record PointView(int ordinal, String label, String load, String mpe, String indication,
            String error, String verdict, Long frameId, String rawHex, int corrections, List<String> history) {
    }

    public record UsedStandardView(String code, String name, String accuracy, String certificateNumber,
            String dueDate) {
    }

    public record EnvironmentView(String temperature, String humidity, boolean withinLimits, String deviation) {
    }

    /** {@code valid} is false once the signed content has changed since the signature. */
    public record SignatureView(String meaning, String signer, String signedAt, boolean valid) {
    }

    public static JobView of(VerificationJob job, List<Signature> signatures) {
        String currentContent = JobContent.sha256(job);
        List<PointView> points = job.testPoints().stream().map(JobView::point).toList();
        List<UsedStandardView> used = job.standards().stream().map(u -> new UsedStandardView(
                u.standard().code(), u.standard().name(), u.standard().accuracy(),
                u.standard().certificateNumber(), u.standard().dueDate().toString())).toList();
        EnvironmentRecord env = job.currentEnvironment();
        EnvironmentView environment = env == null ? null : new EnvironmentView(
                env.temperature().stripTrailingZeros().toPlainString() + " °C",
                env.humidity().stripTrailingZeros().toPlainString() + " %RH", env.withinLimits(), env.deviation());
        List<SignatureView> signed = signatures.stream().map(s -> new SignatureView(s.meaning().name(),
                s.signer().displayName(), local(s.signedAt()), s.contentSha256().equals(currentContent))).toList();
        return new JobView(job.id(), job.jobNumber(), job.state(), job.version(), InstrumentView.of(job.instrument()),
                job.verificationType().name(), job.procedureCode(),
                job.procedure() == null ? null : job.procedure().title(),
                job.procedure() == null ? null : job.procedure().limitsText(),
                job.benchDevice() == null ? null : job.benchDevice().code(),
                name(job.technician()), name(job.checker()), name(job.approver()), job.returnedReason(),
                points, used, environment, signed, job.allPointsCaptured() ? job.passed() : null);
    }

    private static PointView point(TestPoint p) {
        List<String> history = p.readings().stream().map(JobView::historyLine).toList();
        return new PointView(p.ordinal(), p.label(), p.load().toString(), "±" + p.mpe(),
                p.indication() == null ? null : p.indication().toString(),
                p.error() == null ? null : p.error().toString(), p.verdict(),
                p.frame() == null ? null : p.frame().id(),
                p.frame() == null ? null : p.frame().rawHex(), Math.max(0, history.size() - 1), history);
    }

    private static String historyLine(PointReading r) {
        return r.indicationValue().stripTrailingZeros().toPlainString() + " (" + r.capturedBy().displayName() + ", "
                + local(r.capturedAt()) + (r.correctionReason() == null ? "" : ", " + r.correctionReason()) + ")";
    }

    private static String local(java.time.Instant at) {
        return java.time.LocalDateTime.ofInstant(at, org.jiliang.lims.platform.ClockProducer.INSTITUTE_ZONE)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    private static String name(org.jiliang.lims.personnel.UserAccount a) {
        return a == null ? null : a.displayName();
    }
}
