package org.jiliang.lims.order;

import java.util.List;
import org.jiliang.lims.fee.FeeDecision;
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
        List<SignatureView> signatures, Boolean passed, String conclusion, KindView kind, Object details,
        FeeView fee, DeviceHoldView deviceHold) {

    /**
     * Which running job holds the bench device (issue 11): its number, its technician, since when, and whether it is
     * this job. Null when no job holds it.
     */
    public record DeviceHoldView(String jobNumber, String technician, String since, boolean thisJob) {
    }

    /**
     * The fee decided at intake (issue 15): the price list's category and amount in yuan (CNY; null: the list has no
     * price for it), the district it is counted in, and whether it is waived, under which programme and why.
     */
    public record FeeView(boolean waived, String programme, String reason, String category,
            java.math.BigDecimal amount, String district) {
    }

    /**
     * The kind of job as the pages need it: its test plan, whether it has a type of verification, needs the air
     * pressure, takes ΔL, and the folder of its page fragments (MeasurementMethod.pages()).
     */
    public record KindView(String testPlan, boolean verification, boolean needsPressure,
            boolean takesAdditionalLoad, boolean setsUpInstrument, String pages, String work) {
    }

    /**
     * A test point: its latest reading (indication I and ΔL), how many of the readings it needs
     * are in, and — once it can be judged — the value judged (Ec, E0, a spread...) and the verdict.
     * {@code frameId} and {@code rawHex} are the latest reading's frame; {@code frameIds} the frames of all
     * current readings, in series order.
     */
    public record PointView(int ordinal, String test, String label, String load, String extraLoad, String mpe,
            String indication,
            String additionalLoad, int readingsTaken, int readingsNeeded, String error, String verdict,
            String reason, Long frameId, String rawHex, int corrections, List<String> history, List<Long> frameIds,
            // issue 9: who the instrument said it was when the latest reading was taken; null: not told
            String deviceModel, String deviceSerialNumber, String deviceSoftwareVersion,
            // issue 10: whether a capture reads the bench device, what the technician types, what was typed last
            boolean readsDevice, List<EntryField> entryFields, List<String> entries,
            // whether a capture at this point takes ΔL (MeasurementMethod.takesAdditionalLoad(point)); how many of
            // its readings were accepted although implausible, with a reason (issue 11)
            boolean takesAdditionalLoad, int acceptedReadings) {
    }

    /**
     * A value the technician types at a point: the field's name (the key of the capture's {@code entries}), its
     * label, the type (QUANTITY, SIGNED_QUANTITY, CHOICE, TEXT ...), the units or choices accepted, required or not.
     */
    public record EntryField(String name, String labelZh, String labelEn, String type, List<String> units,
            List<String> choices, boolean required) {

        static EntryField of(org.jiliang.lims.registry.ParameterSpec spec) {
            List<String> units = spec.quantityKind() == null ? List.of()
                    : org.jiliang.lims.metrology.quantity.Units.ofKind(spec.quantityKind()).stream()
                            .map(org.jiliang.lims.metrology.quantity.Unit::symbol).toList();
            return new EntryField(spec.name(), spec.labelZh(), spec.labelEn(), spec.type().name(), units,
                    spec.choices(), spec.required());
        }
    }

    public record UsedStandardView(String code, String name, String accuracy, String certificateNumber,
            String dueDate) {
    }

    public record EnvironmentView(String temperature, String humidity, String pressure, boolean withinLimits,
            String deviation) {
    }

    /** {@code valid} is false once the signed content has changed since the signature. */
    public record SignatureView(String meaning, String signer, String signedAt, boolean valid) {
    }

    public static JobView of(VerificationJob job, List<Signature> signatures, MeasurementMethod method,
            DeviceHoldView deviceHold) {
        String currentContent = JobContent.sha256(job);
        JobResult evaluation = method.evaluate(job);
        List<PointView> points = job.testPoints().stream().map(p -> point(p, evaluation, method)).toList();
        List<UsedStandardView> used = job.standards().stream().map(u -> new UsedStandardView(
                u.standard().code(), u.standard().name(), u.standard().accuracy(),
                u.standard().certificateNumber(), u.standard().dueDate().toString())).toList();
        EnvironmentRecord env = job.currentEnvironment();
        EnvironmentView environment = env == null ? null : new EnvironmentView(
                env.temperature().stripTrailingZeros().toPlainString() + " °C",
                env.humidity().stripTrailingZeros().toPlainString() + " %RH",
                env.pressure() == null ? null : env.pressure().stripTrailingZeros().toPlainString() + " hPa",
                env.withinLimits(), env.deviation());
        List<SignatureView> signed = signatures.stream().map(s -> new SignatureView(s.meaning().name(),
                s.signer().displayName(), local(s.signedAt()), s.contentSha256().equals(currentContent))).toList();
        return new JobView(job.id(), job.jobNumber(), job.state(), job.version(), InstrumentView.of(job.instrument()),
                job.verificationType() == null ? "CALIBRATION" : job.verificationType().name(), job.procedureCode(),
                job.procedure() == null ? null : job.procedure().title(),
                job.procedure() == null ? null : job.procedure().limitsText(),
                job.benchDevice() == null ? null : job.benchDevice().code(),
                name(job.technician()), name(job.checker()), name(job.approver()), job.returnedReason(),
                points, used, environment, signed, evaluation.passed().orElse(null),
                evaluation.conclusion().orElse(null),
                new KindView(method.testPlan(), method.verification(), method.needsPressure(),
                        method.takesAdditionalLoad(),
                        job.testPoints().stream().anyMatch(p -> method.benchSetup(p).isPresent()), method.pages(),
                        method.work()),
                evaluation.details(), fee(job.fee()),
                deviceHold);
    }

    private static FeeView fee(FeeDecision f) {
        return new FeeView(f.waived(), f.programme(), f.reason(), f.category(), f.amount(), f.district());
    }

    private static PointView point(TestPoint p, JobResult evaluation, MeasurementMethod method) {
        List<String> history = p.readings().stream().map(JobView::historyLine).toList();
        PointReading latest = p.latest();
        var outcome = evaluation.point(p);
        return new PointView(p.ordinal(), p.testKind(), p.label(), p.nominal() == null ? null : p.nominal().toString(),
                p.extraNominal() == null ? null : p.extraNominal().toString(),
                evaluation.requirement(p).orElse(p.tolerance() == null ? null : "±" + p.tolerance()),
                latest == null || latest.indicationValue() == null ? null
                        : p.quantity(latest.indicationValue()).toString(),
                latest == null ? null : p.quantity(latest.additionalLoad()).toString(),
                p.currentReadings().size(), p.readingsNeeded(),
                outcome.map(JobResult.PointOutcome::display).orElse(null),
                outcome.map(o -> o.passed() ? "PASS" : "FAIL").orElse(null),
                outcome.map(JobResult.PointOutcome::reason).orElse(null),
                p.frame() == null ? null : p.frame().id(),
                p.frame() == null ? null : p.frame().rawHex(),
                p.readings().size() - p.currentReadings().size(), history, capturedFrom(p),
                latest == null ? null : latest.deviceModel(), latest == null ? null : latest.deviceSerialNumber(),
                latest == null ? null : latest.deviceSoftwareVersion(), method.readsBenchDevice(p),
                method.entries(p).stream().map(EntryField::of).toList(),
                latest == null ? List.of() : latest.entries().stream().map(e -> e.name() + " = " + e).toList(),
                method.takesAdditionalLoad(p),
                (int) p.readings().stream().filter(r -> r.acceptedReason() != null).count());
    }

    /**
     * The frames the point's current readings were captured from, in series order (a reading entered without a
     * device has none): the way from a result back to the original record.
     */
    private static List<Long> capturedFrom(TestPoint p) {
        return p.currentReadings().stream().map(PointReading::frame).filter(java.util.Objects::nonNull)
                .map(org.jiliang.lims.bench.DeviceFrame::id).toList();
    }

    private static String historyLine(PointReading r) {
        return "#" + r.seriesIndex() + (r.indicationValue() == null ? "" : " I = "
                + r.indicationValue().stripTrailingZeros().toPlainString())
                + r.entries().stream().map(e -> ", " + e.name() + " = " + e).reduce("", String::concat)
                + ", ΔL = " + r.additionalLoad().stripTrailingZeros().toPlainString() + " (" + r.capturedBy().displayName() + ", "
                + local(r.capturedAt()) + (r.correctionReason() == null ? "" : ", " + r.correctionReason())
                + (r.acceptedReason() == null ? "" : ", accepted: " + r.acceptedReason())
                + (r.deviceSerialNumber() == null && r.deviceModel() == null ? ""
                        : ", " + nullToDash(r.deviceModel()) + " S/N " + nullToDash(r.deviceSerialNumber())
                        + " SW " + nullToDash(r.deviceSoftwareVersion())) + ")";
    }

    private static String nullToDash(String text) {
        return text == null ? "—" : text;
    }

    private static String local(java.time.Instant at) {
        return org.jiliang.lims.platform.InstituteTime.seconds(at);
    }

    private static String name(org.jiliang.lims.personnel.UserAccount a) {
        return a == null ? null : a.displayName();
    }
}
