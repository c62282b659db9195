package org.jiliang.lims.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiliang.lims.bench.DeviceFrameService;
import org.jiliang.lims.bench.IdentityVerdict;
import org.jiliang.lims.bench.LinkState;
import org.jiliang.lims.bench.LiveReading;
import org.jiliang.lims.bench.LiveReadingBoard;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.ParameterSpec;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * Takes the bench device's current reading into a test point, for every kind of job: the link is up, the
 * instrument is the registered one, the reading is fresh, stable, usable and of the point's kind of quantity; the
 * method refuses what only it knows (a value outside the point's range). Nothing is stored half-done: a refusal
 * leaves the point as it was.
 */
@Stateless
public class CaptureService {

    /** A reading older than this is not "the current reading" any more. */
    static final Duration MAX_READING_AGE = Duration.ofSeconds(3);
    /** An indication as point_reading.indication_value keeps it: numeric(38, 18) (V010). */
    public static final int INDICATION_INTEGER_DIGITS = 20;
    public static final int INDICATION_DECIMALS = 18;
    /** ΔL as point_reading.additional_load keeps it: numeric(19, 6). */
    public static final int ADDITIONAL_LOAD_INTEGER_DIGITS = 13;
    public static final int ADDITIONAL_LOAD_DECIMALS = 6;
    public static final int MAX_CORRECTION_REASON = PointReading.MAX_CORRECTION_REASON;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private DeviceFrameService frames;
    @Inject
    private LiveReadingBoard board;
    @Inject
    private Jobs jobs;
    @Inject
    private org.jiliang.lims.acquisition.AcquisitionContext acquisition;
    @Inject
    private DeviceHolds holds;

    /**
     * Sets the bench instrument up for a point, as the job's method says (a multimeter to the point's function
     * and range), so that the next readings are of that point; refused for a method that sets nothing up, and for
     * a device that does not take the command (with what its error queue says).
     */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView setUp(long jobId, int ordinal) {
        VerificationJob job = jobs.own(jobId);
        holds.lockDevice(job);
        job.requireState(JobState.IN_PROGRESS);
        TestPoint point = job.testPoint(ordinal);
        MeasurementMethod method = jobs.methodOf(job);
        Optional<String> meter = method.benchSetup(point);
        // the standards the bench drives (a calibrator), each with the commands that set it to this point
        Map<MeasurementStandard, List<String>> driven = new LinkedHashMap<>();
        for (StandardUse use : job.standards()) {
            MeasurementStandard standard = use.standard();
            List<String> commands = method.standardSetup(point, standard);
            if (standard.drivenThrough().isPresent() && !commands.isEmpty()) {
                driven.put(standard, commands);
            }
        }
        if (meter.isEmpty() && driven.isEmpty()) {
            throw new RefusedException("error.bench.noSetup", job.procedureCode());
        }
        if (meter.isPresent()) {
            holds.take(job, null);
            acquisition.send(job.benchDevice(), meter.get());
            jobs.record(job, "point.benchSetUp", "TestPoint", point.id().toString(), null,
                    point.label() + ": " + job.benchDevice().code() + " ← " + meter.get(), null);
        }
        for (Map.Entry<MeasurementStandard, List<String>> d : driven.entrySet()) {
            var device = d.getKey().drivenThrough().orElseThrow();
            for (String command : d.getValue()) {
                acquisition.send(device, command);
            }
            jobs.record(job, "point.standardSetUp", "TestPoint", point.id().toString(), null, point.label() + ": "
                    + d.getKey().code() + " via " + device.code() + " ← " + String.join("; ", d.getValue()), null);
        }
        return jobs.view(job);
    }

    /**
     * Takes a point's reading: the bench device's current reading where the job's method reads one at this point,
     * and what the technician typed where the method asks for it. Refused, naming what is missing, before the
     * standards and the bench conditions are recorded, without ΔL at a point that takes it, or with a reading the
     * method finds implausible unless the technician states why it is right (the reason is kept with it).
     * Capturing an already captured point is a correction and needs a reason.
     */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView capture(long jobId, int ordinal, CaptureRequest request) {
        VerificationJob job = jobs.own(jobId);
        holds.lockDevice(job); // the device before the job, as every change of a device's holder (DeviceHolds)
        jobs.changing(job, request.expectedVersion());
        job.requireState(JobState.IN_PROGRESS);
        TestPoint point = job.testPoint(ordinal);
        BigDecimal additionalLoad = request.additionalLoad();
        if (!InputLimits.fits(additionalLoad, ADDITIONAL_LOAD_INTEGER_DIGITS, ADDITIONAL_LOAD_DECIMALS)) {
            throw new RefusedException("error.capture.additionalLoadTooLarge", ADDITIONAL_LOAD_INTEGER_DIGITS,
                    ADDITIONAL_LOAD_DECIMALS);
        }
        String correctionReason = request.correctionReason();
        InputLimits.maxLength(correctionReason, PointReading.MAX_CORRECTION_REASON, "field.correctionReason");
        InputLimits.maxLength(request.acceptReason(), PointReading.MAX_CORRECTION_REASON, "field.acceptReason");
        boolean correcting = correctionReason != null;
        if (point.captured() && !correcting) {
            throw new RefusedException("error.capture.alreadyCaptured", point.label());
        }
        MeasurementMethod method = jobs.methodOf(job);
        List<ParameterSpec> specs = method.entries(point);
        List<ReadingEntry> typed = typed(point, specs, request.entries());
        boolean takesDeltaL = method.takesAdditionalLoad(point);
        Quantity deltaL = point.quantity(additionalLoad == null ? BigDecimal.ZERO : additionalLoad);
        if (!takesDeltaL && deltaL.value().signum() != 0) {
            throw new RefusedException("error.capture.noAdditionalLoad", deltaL);
        }
        if (deltaL.value().signum() < 0) {
            throw new RefusedException("error.capture.negativeAdditionalLoad", deltaL);
        }
        if (method.readsBenchDevice(point)) {
            holds.take(job, null);
        }
        LiveReading reading = method.readsBenchDevice(point) ? currentReading(job) : null;
        if (takesDeltaL && additionalLoad == null) {
            throw new RefusedException("error.capture.additionalLoadMissing", point.label());
        }
        requireStandardsAndConditions(job);
        Quantity indication = null;
        ImplausibleReadingException implausible = null;
        if (reading != null) {
            indication = inPointUnit(reading, point);
            if (!InputLimits.fits(indication.value(), INDICATION_INTEGER_DIGITS, INDICATION_DECIMALS)) {
                // never rounded into point_reading: what is captured is what the device sent
                throw new RefusedException("error.capture.indicationTooPrecise", reading.display(),
                        point.quantityUnit().symbol(), INDICATION_INTEGER_DIGITS, INDICATION_DECIMALS);
            }
            try {
                method.checkCapture(point, indication, deltaL.value());
            } catch (ImplausibleReadingException e) {
                if (request.acceptReason() == null) {
                    throw e;
                }
                implausible = e;
            }
        }
        // after the reading's checks: "weigh the sieve first" matters more than the draining time not yet typed
        requireEntries(point, specs, request.entries());
        Instant at = clock.instant();
        method.checkEntries(point, indication, typed, at);
        PointReading previous = point.latest();
        String before = !point.captured() || previous == null ? null
                : previous.entries().isEmpty() && previous.indicationValue() != null
                        ? point.quantity(previous.indicationValue()).toString() : describe(point, previous);
        PointReading stored = point.capture(indication, deltaL,
                reading == null ? null : frames.frame(reading.frameId()).orElseThrow(), currentUser.account(),
                at, job.standards().stream().map(StandardUse::standard).toList(), correctionReason, typed);
        if (implausible != null) {
            stored.acceptedBecause(request.acceptReason());
        }
        LinkState link = reading == null ? null : frames.linkState(job.benchDevice());
        if (link != null) {
            stored.takenWith(link.model(), link.serialNumber(), link.softwareVersion());
        }
        em.flush();
        String reason = correcting ? correctionReason : null;
        if (implausible != null) {
            String accepted = "accepted although " + implausible.getMessage() + " — " + request.acceptReason();
            reason = reason == null ? accepted : reason + "; " + accepted;
        }
        jobs.record(job, correcting ? "point.corrected" : "point.captured", "PointReading", stored.id().toString(),
                before, point.label() + " #" + stored.seriesIndex() + ": " + describe(point, stored)
                        + (reading == null ? "" : ", ΔL = " + deltaL + " (frame " + reading.frameId()
                                + takenWith(link) + ")"), reason);
        return jobs.view(job);
    }

    /**
     * The technician takes the job's bench device from the running job that holds it, saying why (the other job's
     * technician is away, the job was left open); the reason goes to the audit trail. Taking a free device, or one
     * held by another of the caller's own jobs, needs no reason.
     */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView takeDevice(long jobId, String reason, Long expectedVersion) {
        VerificationJob job = jobs.own(jobId);
        holds.lockDevice(job);
        jobs.changing(job, expectedVersion);
        job.requireState(JobState.IN_PROGRESS);
        if (job.benchDevice() == null) {
            throw new RefusedException("error.device.noneAssigned", job.jobNumber());
        }
        InputLimits.maxLength(reason, DeviceHolds.MAX_REASON, "field.reason");
        if (reason == null || reason.isBlank()) {
            throw new RefusedException("error.device.takeOverReason", job.benchDevice().code());
        }
        holds.take(job, reason.strip());
        return jobs.view(job);
    }

    /** The technician lets the job's bench device go, so that another job can read it before this one is submitted. */
    @RolesAllowed(Roles.TECHNICIAN)
    public JobView releaseDevice(long jobId, Long expectedVersion) {
        VerificationJob job = jobs.own(jobId);
        holds.lockDevice(job);
        jobs.changing(job, expectedVersion);
        holds.release(job);
        return jobs.view(job);
    }

    /**
     * The standards in use and the bench conditions come before the first reading: a reading is traceable only to
     * standards recorded with it, and taken only under conditions known to be within the method's limits.
     */
    private static void requireStandardsAndConditions(VerificationJob job) {
        if (job.standards().isEmpty()) {
            throw new RefusedException("error.capture.noStandard");
        }
        if (job.environment().isEmpty()) {
            throw new RefusedException("error.capture.noEnvironment");
        }
    }

    /** "I = 100.4 kPa, indication = 100 mmHg": the device's value and what was typed. */
    private static String describe(TestPoint point, PointReading r) {
        List<String> parts = new java.util.ArrayList<>();
        if (r.indicationValue() != null) {
            parts.add("I = " + point.quantity(r.indicationValue()));
        }
        r.entries().forEach(e -> parts.add(e.name() + " = " + e));
        return String.join(", ", parts);
    }

    /**
     * What the technician typed, checked by the method's specifications in the method's order: a field the point
     * does not ask for, or one that is no value of its kind, is refused naming it; required ones left empty are
     * {@link #requireEntries}' to refuse.
     */
    private static List<ReadingEntry> typed(TestPoint point, List<ParameterSpec> specs, Map<String, String> given) {
        for (String name : given.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(name))) {
                throw new RefusedException("error.capture.unknownEntry", name, point.label());
            }
        }
        List<ReadingEntry> typed = new java.util.ArrayList<>();
        for (ParameterSpec spec : specs) {
            String text = given.get(spec.name());
            InputLimits.maxLength(text, ReadingEntry.MAX_VALUE, "field.entries");
            if (text == null || text.isBlank()) {
                continue; // a required one is refused after the reading's checks
            }
            spec.check(text).ifPresent(v -> typed.add(new ReadingEntry(spec.name(), v.text(), v.unit())));
        }
        return typed;
    }

    /** A required entry left empty is refused naming it. */
    private static void requireEntries(TestPoint point, List<ParameterSpec> specs, Map<String, String> given) {
        for (ParameterSpec spec : specs) {
            String text = given.get(spec.name());
            if (spec.required() && (text == null || text.isBlank())) {
                throw new RefusedException("error.capture.entryMissing", spec.label(), point.label());
            }
        }
    }

    /**
     * The bench device's current reading: the link is up, the instrument is the registered one, the reading is
     * fresh, stable and usable; refused naming what is wrong.
     */
    private LiveReading currentReading(VerificationJob job) {
        String deviceCode = job.benchDevice().code();
        // Before the reading: a wrong instrument must be named as such, not as "no reading" or "stale".
        LinkState linkNow = frames.linkState(job.benchDevice());
        if (linkNow.down()) {
            throw new RefusedException("error.capture.linkDown", deviceCode, linkNow.downSince().toString(),
                    linkNow.downReason());
        }
        refuseWrongInstrument(deviceCode, frames.identityVerdict(job.benchDevice()));
        LiveReading reading = board.latest(deviceCode)
                .orElseThrow(() -> new RefusedException("error.capture.noReading", deviceCode));
        // By the server's clock only: a bench PC's clock, set ahead, would keep an old reading fresh.
        Duration age = reading.age(clock.instant());
        if (age.compareTo(MAX_READING_AGE) > 0) {
            throw new RefusedException("error.capture.stale", deviceCode, age.toSeconds());
        }
        if (reading.quarantined()) {
            throw new RefusedException("error.capture.quarantined", deviceCode, reading.rejectReason());
        }
        if (reading.unexpectedUnit()) {
            throw new RefusedException("error.capture.unexpectedUnit", deviceCode, reading.display(),
                    reading.rejectReason());
        }
        if (reading.value() == null) {
            throw new RefusedException("error.capture.unusable",
                    reading.rejectReason() == null ? reading.status() : reading.rejectReason());
        }
        if (!reading.stable()) {
            throw new RefusedException("error.capture.unstable", reading.display());
        }
        return reading;
    }

    /**
     * The reading in the point's unit, without trailing zeros; a reading of another kind of quantity (ohms for a
     * point in volts, a unit this system does not know) is refused naming both.
     */
    private static Quantity inPointUnit(LiveReading reading, TestPoint point) {
        Unit pointUnit = point.quantityUnit();
        Optional<Unit> unit = Units.find(reading.unit());
        if (unit.isEmpty() || !unit.get().sameKindAs(pointUnit)) {
            throw new RefusedException("error.capture.unitMismatch", reading.unit(), pointUnit.symbol());
        }
        Quantity converted = new Quantity(reading.value(), unit.get()).to(pointUnit);
        return point.quantity(converted.value());
    }

    /** Refuses a capture from an instrument that is not the one the profile records (issue 9). */
    private static void refuseWrongInstrument(String deviceCode, IdentityVerdict identity) {
        if (identity.kind() == IdentityVerdict.Kind.DIFFERS) {
            throw new RefusedException(IdentityVerdict.MODEL.equals(identity.field())
                    ? "error.capture.modelDiffers" : "error.capture.serialNumberDiffers",
                    deviceCode, identity.deviceValue(), identity.profileValue());
        }
        if (identity.kind() == IdentityVerdict.Kind.NOT_READ) {
            throw new RefusedException("error.capture.identityNotRead", deviceCode);
        }
    }

    /** ", instrument XPE205 S/N B021002593 software 2.10" for the audit entry; empty if nothing was told. */
    private static String takenWith(LinkState link) {
        if (link.model() == null && link.serialNumber() == null && link.softwareVersion() == null) {
            return "";
        }
        return ", instrument " + (link.model() == null ? "?" : link.model()) + " S/N "
                + (link.serialNumber() == null ? "?" : link.serialNumber()) + " software "
                + (link.softwareVersion() == null ? "?" : link.softwareVersion());
    }
}
