package org.jiliang.lims.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.procedure.TestPlan;
import org.jiliang.lims.registry.ParameterSpec;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * One kind of job: a scale verification after OIML R 76 / JJG 539, a weight calibration after OIML R 111 / JJG 99,
 * a multimeter calibration ... The workflow (intake, assignment, bench, review, signatures, certificate, audit)
 * is the same for every kind; what differs is here. A method is a CDI bean found by the test plan its procedure
 * editions name ({@link org.jiliang.lims.procedure.ProcedureVersion#testPlan()}), never named by the workflow
 * (an ArchUnit rule checks it). Its certificate content is its
 * {@link org.jiliang.lims.certificate.CertificateContentWriter}; docs/adding-a-kind-of-job.md shows how to add one.
 */
public interface MeasurementMethod extends TestPlan {

    /** The kind of instrument it takes, as {@code InstrumentUnderTest.kind()} names it (SCALE, WEIGHT ...). */
    String instrumentKind();

    /** The procedure an instrument of that kind is received under; the edition in force on the day applies. */
    String procedureCode();

    /** The letters of the job number series: JD for a verification (检定), JC for a calibration (校准). */
    String jobSeries();

    /** Whether a job has a type of verification (initial, subsequent, in service); a calibration has none. */
    boolean verification();

    /**
     * What the pages call a job of this kind that is not a verification ({@code bench.work.<work>} in the pages'
     * bundle): a calibration (校准) unless the kind is other work, such as an inspection (检验).
     */
    default String work() {
        return "calibration";
    }

    /**
     * Adds the test points of the plan for the job's instrument (from its parameters and the procedure edition),
     * or refuses with the reason the instrument cannot be done under it.
     */
    void plan(VerificationJob job);

    /**
     * Refuses a standard that cannot serve this job, beyond what the workflow checks for every kind (valid today,
     * of a class the procedure accepts): a reference weight of another nominal value, a resistor outside the range.
     */
    void checkStandard(VerificationJob job, MeasurementStandard standard);

    /** Whether the bench conditions must include the air pressure (air density for mass, OIML R 111-1 C.4.4). */
    boolean needsPressure();

    /**
     * Whether a capture takes the additional load ΔL the technician puts on to find the changeover point (OIML
     * R 76-1 A.4.4.3); a method without it refuses any ΔL other than zero.
     */
    boolean takesAdditionalLoad();

    /**
     * Refuses a reading this point cannot take beyond the kind of quantity, which the workflow checks (the
     * indication is already in the point's unit): a value outside the point's range, say.
     */
    default void checkCapture(TestPoint point, Quantity indication, BigDecimal additionalLoad) {
    }

    /**
     * Whether this point takes ΔL, the small weights of the changeover-point method; then the capture must state it
     * (an empty field is not 0). By default, whether the method takes it at all.
     */
    default boolean takesAdditionalLoad(TestPoint point) {
        return takesAdditionalLoad();
    }

    /**
     * The command that sets the bench instrument up for a point before its readings (SCPI {@code CONF:RES 10000}:
     * the function and range of a multimeter point); empty for a method whose instrument needs no setting.
     */
    default Optional<String> benchSetup(TestPoint point) {
        return Optional.empty();
    }

    /**
     * The commands that set a standard the bench drives to a point (a multifunction calibrator: {@code OUT 9 V},
     * {@code OPER}), in order; empty when this standard is not driven at this point. Sent through the standard's
     * bench device ({@link MeasurementStandard#drivenThrough()}) after {@link #benchSetup}.
     */
    default List<String> standardSetup(TestPoint point, MeasurementStandard standard) {
        return List.of();
    }

    /**
     * What the technician types at a point, in order (a blood-pressure meter's indication, a stopwatch time, an
     * appearance check); each value is checked by its specification and kept with the reading. None by default.
     */
    default List<ParameterSpec> entries(TestPoint point) {
        return List.of();
    }

    /**
     * Whether a capture at this point takes the bench device's current reading (a weighing, a reference pressure);
     * false for a point read only from what is typed.
     */
    default boolean readsBenchDevice(TestPoint point) {
        return true;
    }

    /**
     * Refuses typed values that do not go together or with the device's reading ({@code indication}, null when the
     * point reads no device) or with the time of the capture ({@code at}, by the server's clock): an end pressure above
     * the start, say, or a time longer than has passed. Each value has passed its specification.
     */
    default void checkEntries(TestPoint point, Quantity indication, List<ReadingEntry> entries, java.time.Instant at) {
    }

    /** What still keeps the job from being submitted beyond the rules of every job, if anything. */
    Optional<RefusedException> missingBeforeSubmit(VerificationJob job);

    /** The results computed from the raw readings with the rules of the job's procedure edition, now. */
    JobResult evaluate(VerificationJob job);

    /**
     * The folder under {@code /WEB-INF/method/} of lims-web holding this kind's page fragments: {@code summary.xhtml}
     * (the instrument's parameters in the job's heading), {@code details.xhtml} (what only this kind shows, e.g. a
     * calibration's value with its uncertainty budget, from {@link JobResult#details()}) and {@code simulator.xhtml}
     * (the demo bench's loads). Each gets the job's view as {@code job}.
     */
    String pages();
}
