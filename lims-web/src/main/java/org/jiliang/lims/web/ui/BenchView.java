package org.jiliang.lims.web.ui;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import org.jiliang.lims.platform.PlausibleConditions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.jiliang.lims.demo.DemoBenchService;
import org.jiliang.lims.order.CaptureRequest;
import org.jiliang.lims.order.CaptureService;
import org.jiliang.lims.order.JobWorkflow;
import org.jiliang.lims.order.JobView;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardView;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The technician's bench: live readings (pushed by SSE), standards, capture per test point, submit. The inputs
 * carry the same bounds as the API and the service (Bean Validation): a value out of bounds or too long is
 * refused on the page with the field's label before the service is called.
 */
@Named
@ViewScoped
public class BenchView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private JobWorkflow jobs;
    @Inject
    private CaptureService capture;
    @Inject
    private StandardService standards;
    @Inject
    private DemoBenchService demoBench;
    @Inject
    private org.jiliang.lims.bench.LiveReadingService readings;

    private long jobId;
    private JobView job;
    private List<StandardView> standardChoices;
    @Size(max = 1024)
    private String password;
    @DecimalMin(PlausibleConditions.MIN_TEMPERATURE)
    @DecimalMax(PlausibleConditions.MAX_TEMPERATURE)
    @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
    private BigDecimal temperature;
    @DecimalMin(PlausibleConditions.MIN_HUMIDITY)
    @DecimalMax(PlausibleConditions.MAX_HUMIDITY)
    @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
    private BigDecimal humidity;
    @DecimalMin(PlausibleConditions.MIN_PRESSURE)
    @DecimalMax(PlausibleConditions.MAX_PRESSURE)
    @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
    private BigDecimal pressure;
    @Size(max = JobWorkflow.MAX_DEVIATION)
    private String deviation;
    @Size(max = CaptureService.MAX_CORRECTION_REASON)
    private String correctionReason;
    /** Why a reading the method refused as implausible is right after all; sent with the next capture. */
    @Size(max = CaptureService.MAX_CORRECTION_REASON)
    private String acceptReason;
    /** Why the technician takes the bench device from the running job that holds it (issue 11). */
    @Size(max = org.jiliang.lims.order.DeviceHolds.MAX_REASON)
    private String takeOverReason;
    @DecimalMin("0")
    @Digits(integer = CaptureService.ADDITIONAL_LOAD_INTEGER_DIGITS, fraction = CaptureService.ADDITIONAL_LOAD_DECIMALS)
    private BigDecimal additionalLoad;
    @DecimalMin("0")
    @Digits(integer = 7, fraction = 6)
    private BigDecimal demoLoadGrams;
    private final java.util.HashMap<Integer, java.util.HashMap<String, String>> entries = new java.util.HashMap<>();

    public void load() {
        job = jobs.job(jobId);
        standardChoices = standards.standards();
    }

    public void selectStandard(String code) {
        run(() -> job = jobs.selectStandard(jobId, code, job.version()));
    }

    public void recordEnvironment() {
        run(() -> job = jobs.recordEnvironment(jobId, temperature, humidity, pressure, deviation, job.version()));
    }

    public void capture(int ordinal) {
        run(() -> {
            job = capture.capture(jobId, ordinal,
                    new CaptureRequest(additionalLoad, job.version(), null, acceptReason, typed(ordinal)));
            entries.remove(ordinal);
            acceptReason = null;
            additionalLoad = null; // each point has its own ΔL; the last one must not be sent again unseen
            JobView.PointView done = job.points().get(ordinal - 1);
            PageMessages.info(java.text.MessageFormat.format(PageMessages.text("bench.captured"), done.label(),
                    done.readingsTaken(), done.readingsNeeded(), done.indication() == null ? "—" : done.indication()));
        });
    }

    /** Takes the bench device from the job that holds it, with the reason typed beside the button. */
    public void takeDevice() {
        run(() -> {
            job = capture.takeDevice(jobId, takeOverReason, job.version());
            takeOverReason = null;
            PageMessages.done("bench.deviceTaken");
        });
    }

    /** Lets the bench device go, so that another job can read it before this one is submitted. */
    public void releaseDevice() {
        run(() -> {
            job = capture.releaseDevice(jobId, job.version());
            PageMessages.done("bench.deviceReleased");
        });
    }

    public String getTakeOverReason() {
        return takeOverReason;
    }

    public void setTakeOverReason(String takeOverReason) {
        this.takeOverReason = takeOverReason;
    }

    /** The point to capture next: the first whose readings are not all taken; null once all are. */
    public JobView.PointView getNext() {
        return job == null ? null : job.points().stream().filter(p -> p.readingsTaken() < p.readingsNeeded())
                .findFirst().orElse(null);
    }

    /**
     * The next point's load in the unit the instrument shows (the scale reads kg, the plan is in g): "30 kg", or
     * null when the latest reading's unit is the plan's, unknown or of another kind.
     */
    public String getNextLoadAsRead() {
        JobView.PointView next = getNext();
        return next == null ? null : converted(next.load());
    }

    /**
     * A load or an indication of the plan ("30000 g") in the unit the technician reads on the instrument ("30 kg"),
     * or as it is when the bench device's unit is the plan's, unknown, of another kind, or not the plan's unit with
     * another prefix.
     */
    public String asRead(String quantity) {
        String shown = converted(quantity);
        return shown == null ? quantity : shown;
    }

    /** The unit the bench device shows, from its latest reading; read once per request (the page asks per cell). */
    @SuppressWarnings("unchecked")
    private java.util.Optional<org.jiliang.lims.metrology.quantity.Unit> deviceUnit() {
        return (java.util.Optional<org.jiliang.lims.metrology.quantity.Unit>) jakarta.faces.context.FacesContext
                .getCurrentInstance().getAttributes().computeIfAbsent("bench.deviceUnit",
                        k -> readings.latest(job.benchDeviceCode()).map(r -> r.unit())
                                .flatMap(org.jiliang.lims.metrology.quantity.Units::find));
    }

    private String converted(String quantity) {
        if (quantity == null || job == null || job.benchDeviceCode() == null) {
            return null;
        }
        return inUnitShown(quantity, deviceUnit().orElse(null));
    }

    /**
     * "30000 g" as "30 kg" when the instrument shows kg: null when there is no unit shown, it is the quantity's, or
     * it is not the quantity's unit with another prefix (a value in mmHg as kPa would be a number nobody reads on
     * either instrument).
     */
    static String inUnitShown(String quantity, org.jiliang.lims.metrology.quantity.Unit shown) {
        String[] parts = quantity.split(" ", 2);
        if (shown == null || parts.length < 2 || shown.symbol().equals(parts[1])) {
            return null;
        }
        var planned = org.jiliang.lims.metrology.quantity.Units.find(parts[1]);
        if (planned.isEmpty() || !planned.get().differsOnlyByPrefix(shown)) {
            return null;
        }
        try {
            var inShownUnit = org.jiliang.lims.metrology.quantity.Quantity.of(parts[0], parts[1]).to(shown);
            return inShownUnit.value().stripTrailingZeros().toPlainString() + " " + shown.symbol();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null; // a value that is no number: the plan's text alone
        }
    }

    /** Readings taken of the whole plan, for the progress count (12 / 41). */
    public int getReadingsTaken() {
        return job == null ? 0 : job.points().stream().mapToInt(JobView.PointView::readingsTaken).sum();
    }

    public int getReadingsNeeded() {
        return job == null ? 0 : job.points().stream().mapToInt(JobView.PointView::readingsNeeded).sum();
    }

    /** What the technician types at a point, by field name; kept until the capture succeeds. */
    public java.util.Map<String, String> entries(int ordinal) {
        return entries.computeIfAbsent(ordinal, k -> new java.util.HashMap<>());
    }

    /** The point's typed values without the fields left empty (an optional remark). */
    private java.util.Map<String, String> typed(int ordinal) {
        java.util.Map<String, String> typed = new java.util.HashMap<>();
        entries(ordinal).forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                typed.put(name, value);
            }
        });
        return typed;
    }

    /** Sets the bench instrument up for the point (a multimeter to its function and range), as the method says. */
    public void setUp(int ordinal) {
        run(() -> job = capture.setUp(jobId, ordinal));
    }

    /** Demo only: the simulated pressure generator sets the simulated pressure standard to the point's pressure. */
    public void applyReferencePressure(int ordinal) {
        run(() -> demoBench.applyReferencePressure(jobId, ordinal));
    }

    /** Demo only: the simulated calibrator puts the point's nominal value on the simulated meter's input. */
    public void applyCalibratorOutput(int ordinal) {
        run(() -> demoBench.applyCalibratorOutput(jobId, ordinal));
    }

    /** Captures again into an already captured point; the reason is required and kept with the new reading. */
    public void correct(int ordinal) {
        run(() -> {
            job = capture.capture(jobId, ordinal,
                    new CaptureRequest(additionalLoad, job.version(), correctionReason, acceptReason, typed(ordinal)));
            acceptReason = null;
            entries.remove(ordinal);
        });
        correctionReason = null;
    }

    public void submit() {
        run(() -> job = jobs.submit(jobId, password == null ? new char[0] : password.toCharArray(), job.version()));
        password = null;
    }

    /** Demo only: put a test load on the simulated scale (the device must be a simulator). */
    public void placeLoad(String kilograms) {
        run(() -> demoBench.placeLoad(job.benchDeviceCode(), new BigDecimal(kilograms), "kg"));
    }

    /** Demo only: the load typed in the demo panel, in grams (test load plus any small weights). */
    public void placeTypedLoad() {
        if (demoLoadGrams != null) {
            run(() -> demoBench.placeLoad(job.benchDeviceCode(), demoLoadGrams, "g"));
        }
    }

    /**
     * Whether the points are judged against a tolerance (a verification, a weight against its class's MPE): the
     * MPE, error and verdict columns are shown only then; a calibration without a specification has none.
     */
    public boolean isJudged() {
        return job != null && job.points().stream().anyMatch(p -> p.mpe() != null && !p.mpe().isEmpty()
                || p.verdict() != null);
    }

    public boolean isSimulatedDevice() {
        return job != null && demoBench.isSimulated(job.benchDeviceCode());
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public long getJobId() {
        return jobId;
    }

    public void setJobId(long jobId) {
        this.jobId = jobId;
    }

    public JobView getJob() {
        return job;
    }

    public List<StandardView> getStandardChoices() {
        return standardChoices;
    }

    public BigDecimal getTemperature() {
        return temperature;
    }

    public void setTemperature(BigDecimal temperature) {
        this.temperature = temperature;
    }

    public BigDecimal getHumidity() {
        return humidity;
    }

    public void setHumidity(BigDecimal humidity) {
        this.humidity = humidity;
    }

    public String getDeviation() {
        return deviation;
    }

    public void setDeviation(String deviation) {
        this.deviation = deviation;
    }

    public BigDecimal getAdditionalLoad() {
        return additionalLoad;
    }

    public void setAdditionalLoad(BigDecimal additionalLoad) {
        this.additionalLoad = additionalLoad;
    }

    public BigDecimal getDemoLoadGrams() {
        return demoLoadGrams;
    }

    public void setDemoLoadGrams(BigDecimal demoLoadGrams) {
        this.demoLoadGrams = demoLoadGrams;
    }

    public String getCorrectionReason() {
        return correctionReason;
    }

    public void setCorrectionReason(String correctionReason) {
        this.correctionReason = correctionReason;
    }

    public String getAcceptReason() {
        return acceptReason;
    }

    public void setAcceptReason(String acceptReason) {
        this.acceptReason = acceptReason;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public BigDecimal getPressure() {
        return pressure;
    }

    public void setPressure(BigDecimal pressure) {
        this.pressure = pressure;
    }

    /** The bench device's link and the instrument's identity now (issue 9), for the banner; read on each render. */
    public org.jiliang.lims.bench.DeviceView getDevice() {
        return job == null ? null : readings.device(job.benchDeviceCode());
    }

    /** How old the device's latest reading is, in whole seconds, by the server's clock; -1 without one. */
    public long getReadingAgeSeconds() {
        return job == null ? -1 : readings.latest(job.benchDeviceCode()).map(r -> r.ageMillis() / 1000).orElse(-1L);
    }
}
