package org.jiliang.lims.order;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import org.jiliang.lims.measurement.EnvironmentRecord;
import org.jiliang.lims.measurement.JobEvaluation;
import org.jiliang.lims.measurement.PointReading;
import org.jiliang.lims.measurement.TestPoint;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
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
        List<SignatureView> signatures, Boolean passed, String conclusion, CalibrationView calibration) {

    /**
     * A weight calibration's result as computed from the recorded readings: m_ct, U, k, the budget behind them and
     * the conformity decision; {@code missing} says what is still needed while there is no result.
     */
    public record CalibrationView(String referenceStandard, String airDensity, String conventionalMass,
            String expandedUncertainty, String coverageFactor, String effectiveDegreesOfFreedom, String mpe,
            String uncertaintyLimit, boolean uncertaintyWithinLimit, String decision, String statementZh,
            String statementEn, List<BudgetLine> budget, String missing) {
    }

    /** One line of the uncertainty budget. */
    public record BudgetLine(String source, String symbol, String estimate, String standardUncertainty,
            String sensitivityCoefficient, String contribution, String degreesOfFreedom, String evaluation) {
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
            String deviceModel, String deviceSerialNumber, String deviceSoftwareVersion) {
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

    public static JobView of(VerificationJob job, List<Signature> signatures) {
        String currentContent = JobContent.sha256(job);
        JobEvaluation evaluation = JobEvaluation.of(job);
        List<PointView> points = job.testPoints().stream().map(p -> point(p, evaluation)).toList();
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
                evaluation.conclusion().orElse(null), calibration(evaluation));
    }

    private static CalibrationView calibration(JobEvaluation evaluation) {
        var run = evaluation.weightRun().orElse(null);
        if (run == null) {
            return null;
        }
        String reference = run.referenceStandard().map(s -> s.code() + " " + s.name()).orElse(null);
        String airDensity = run.conditions().map(c -> c.airDensity().round(new MathContext(5)).toPlainString()
                + " kg/m³").orElse(null);
        var result = evaluation.weightCalibration().orElse(null);
        if (result == null) {
            String missing = run.missing().map(e -> e.getMessage(Locale.CHINESE) + " / " + e.getMessage(Locale.ENGLISH))
                    .orElse(null);
            return new CalibrationView(reference, airDensity, null, null, null, null, null, null, false, null, null,
                    null, List.of(), missing);
        }
        var budget = result.budget();
        String unit = " " + budget.unit();
        List<BudgetLine> lines = budget.components().stream().map(c -> new BudgetLine(
                WeightCalibrationProcedure.componentLabel(c.name()).toString(), c.name(),
                plain(c.quantity().estimate(), 9) + unit, plain(c.quantity().standardUncertainty(), 3) + unit,
                plain(c.sensitivityCoefficient(), 4), plain(c.contribution(), 3) + unit,
                c.quantity().degreesOfFreedom().toString(), evaluation(c.quantity().evaluation()))).toList();
        var reported = budget.reported();
        return new CalibrationView(reference, airDensity, reported.value().toPlainString() + unit,
                reported.expandedUncertainty().toPlainString() + unit, reported.coverageFactor().toPlainString(),
                budget.effectiveDegreesOfFreedom().map(Object::toString).orElse("—"),
                "±" + result.maximumPermissibleError(), plain(result.uncertaintyLimit().value(), 3) + unit,
                result.uncertaintyWithinLimit(), result.conformity().decision().labelZh() + " / "
                        + result.conformity().decision().labelEn(),
                result.conformity().statementZh(), result.conformity().statementEn(), lines, null);
    }

    private static String evaluation(org.jiliang.lims.metrology.uncertainty.Evaluation e) {
        return e.type() + ", " + e.distribution() + ": " + e.basis();
    }

    /** A value to a few significant digits, or to the given decimal places for estimates. */
    private static String plain(BigDecimal value, int digits) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    private static PointView point(TestPoint p, JobEvaluation evaluation) {
        List<String> history = p.readings().stream().map(JobView::historyLine).toList();
        PointReading latest = p.latest();
        var outcome = evaluation.point(p);
        return new PointView(p.ordinal(), p.testKind(), p.label(), p.load().toString(),
                p.extraLoad() == null ? null : p.extraLoad().toString(), "±" + p.mpe(),
                latest == null ? null : p.mass(latest.indicationValue()).toString(),
                latest == null ? null : p.mass(latest.additionalLoad()).toString(),
                p.currentReadings().size(), p.readingsNeeded(),
                outcome.map(o -> signed(o.measured())).orElse(null),
                outcome.map(o -> o.passed() ? "PASS" : "FAIL").orElse(null),
                outcome.map(JobEvaluation.PointOutcome::reason).orElse(null),
                p.frame() == null ? null : p.frame().id(),
                p.frame() == null ? null : p.frame().rawHex(),
                p.readings().size() - p.currentReadings().size(), history, capturedFrom(p),
                latest == null ? null : latest.deviceModel(), latest == null ? null : latest.deviceSerialNumber(),
                latest == null ? null : latest.deviceSoftwareVersion());
    }

    /**
     * The frames the point's current readings were captured from, in series order (a reading entered without a
     * device has none): the way from a result back to the original record.
     */
    private static List<Long> capturedFrom(TestPoint p) {
        return p.currentReadings().stream().map(PointReading::frame).filter(java.util.Objects::nonNull)
                .map(org.jiliang.lims.bench.DeviceFrame::id).toList();
    }

    private static String signed(org.jiliang.lims.metrology.Mass m) {
        return (m.signum() > 0 ? "+" : "") + m;
    }

    private static String historyLine(PointReading r) {
        return "#" + r.seriesIndex() + " I = " + r.indicationValue().stripTrailingZeros().toPlainString()
                + ", ΔL = " + r.additionalLoad().stripTrailingZeros().toPlainString() + " (" + r.capturedBy().displayName() + ", "
                + local(r.capturedAt()) + (r.correctionReason() == null ? "" : ", " + r.correctionReason())
                + (r.deviceSerialNumber() == null && r.deviceModel() == null ? ""
                        : ", " + nullToDash(r.deviceModel()) + " S/N " + nullToDash(r.deviceSerialNumber())
                        + " SW " + nullToDash(r.deviceSoftwareVersion())) + ")";
    }

    private static String nullToDash(String text) {
        return text == null ? "—" : text;
    }

    private static String local(java.time.Instant at) {
        return java.time.LocalDateTime.ofInstant(at, org.jiliang.lims.platform.ClockProducer.INSTITUTE_ZONE)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    private static String name(org.jiliang.lims.personnel.UserAccount a) {
        return a == null ? null : a.displayName();
    }
}
