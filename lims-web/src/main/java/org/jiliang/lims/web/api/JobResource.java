package org.jiliang.lims.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.platform.PlausibleConditions;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jiliang.lims.platform.InstituteTime;
import org.jiliang.lims.order.JobState;
import org.jiliang.lims.order.JobList;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.audit.AuditEntryView;
import org.jiliang.lims.audit.AuditService;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.order.CaptureRequest;
import org.jiliang.lims.order.CaptureService;
import org.jiliang.lims.order.ReadingEntry;
import org.jiliang.lims.order.IntakeService;
import org.jiliang.lims.order.JobWorkflow;
import org.jiliang.lims.order.JobView;

/**
 * Verification jobs over HTTP, the same life cycle as the pages. Commands may carry the
 * job's {@code version} as last read; a stale version is refused with 409 (nothing is saved).
 */
@Tag(name = LimsApi.Tags.JOBS)
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobResource {

    /** A scale needs its type of verification; a weight (calibrated) has none. */
    public static class OpenJob {
        @NotNull
        @Positive
        public Long instrumentId;
        public VerificationType verificationType;
        @Size(max = 32)
        public String benchDevice;
    }

    public static class Assignment {
        @NotBlank
        @Size(max = 64)
        public String technician;
        @NotBlank
        @Size(max = 32)
        public String benchDevice;
        @PositiveOrZero
        public Long version;
    }

    public static class Versioned {
        @PositiveOrZero
        public Long version;
    }

    public static class StandardChoice {
        @NotBlank
        @Size(max = 32)
        public String code;
        @PositiveOrZero
        public Long version;
    }

    /** Bounds: what the instruments can plausibly show (the service checks the same, for the pages too). */
    public static class Conditions {
        /** °C. */
        @NotNull
        @DecimalMin(PlausibleConditions.MIN_TEMPERATURE)
        @DecimalMax(PlausibleConditions.MAX_TEMPERATURE)
        @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
        public BigDecimal temperature;
        /** %RH. */
        @NotNull
        @DecimalMin(PlausibleConditions.MIN_HUMIDITY)
        @DecimalMax(PlausibleConditions.MAX_HUMIDITY)
        @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
        public BigDecimal humidity;
        /** hPa; required for a weight calibration (air density). */
        @DecimalMin(PlausibleConditions.MIN_PRESSURE)
        @DecimalMax(PlausibleConditions.MAX_PRESSURE)
        @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
        public BigDecimal pressure;
        @Size(max = JobWorkflow.MAX_DEVIATION)
        public String deviation;
        @PositiveOrZero
        public Long version;
    }

    public static class Capture {
        /** ΔL: the additional small weights (in the point's unit) added until the indication changed. */
        @DecimalMin("0")
        @Digits(integer = CaptureService.ADDITIONAL_LOAD_INTEGER_DIGITS, fraction = CaptureService.ADDITIONAL_LOAD_DECIMALS)
        public BigDecimal additionalLoad;
        @PositiveOrZero
        public Long version;
        @Size(max = CaptureService.MAX_CORRECTION_REASON)
        public String correctionReason;
        /** Why a reading the method finds implausible (far from the point's load) is right after all. */
        @Size(max = CaptureService.MAX_CORRECTION_REASON)
        public String acceptReason;
        /** What the technician typed at the point, by field name, e.g. {"indication": "272 mmHg"}. */
        @Size(max = 16)
        public Map<@Size(max = ReadingEntry.MAX_NAME) String, @Size(max = ReadingEntry.MAX_VALUE) String> entries;
    }

    public static class SignWithPassword {
        @NotEmpty
        @Size(max = MAX_PASSWORD)
        public String password;
        @PositiveOrZero
        public Long version;
    }

    /** A blank reason is refused by the job itself, with its own message (error.sendBack.reason). */
    public static class Reason {
        @Size(max = JobWorkflow.MAX_REASON)
        public String reason;
        @PositiveOrZero
        public Long version;
    }

    /** Longer than any password a person types; a longer one is refused before it is hashed. */
    static final int MAX_PASSWORD = 1024;

    @Inject
    private IntakeService intake;
    @Inject
    private JobList list;
    @Inject
    private JobWorkflow jobs;
    @Inject
    private CaptureService capture;
    @Inject
    private CertificateService certificates;
    @Inject
    private AuditService audit;

    @GET
    public List<JobView> jobs() {
        return jobs.jobs();
    }

    /** A technician takes an instrument at the bench: received, assigned to the caller, started. */
    @POST
    public JobView open(@NotNull @Valid OpenJob command) {
        return intake.open(command.instrumentId, command.verificationType, command.benchDevice);
    }

    /** The intake desk receives an instrument for verification. */
    @POST
    @Path("intake")
    public JobView receive(@NotNull @Valid OpenJob command) {
        return intake.receive(command.instrumentId, command.verificationType);
    }

    /**
     * The job list as CSV, newest first: filtered by a text (job number, instrument, serial number, customer) and a
     * state, as the jobs page shows it; streamed a page of {@link JobList#MAX_PAGE} at a time.
     */
    @GET
    @Path("list.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    public Response listCsv(@QueryParam("text") String text, @QueryParam("state") String state) {
        JobState chosen = null;
        if (state != null && !state.isBlank()) {
            try {
                chosen = JobState.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(400, "error.list.state", FrameQueryParams.abbreviated(state),
                        java.util.Arrays.toString(JobState.values()));
            }
        }
        JobList.Query query = new JobList.Query(text, chosen, null, false);
        return CsvExport.of("jobs.csv", "job_number,received_at,state,description,serial_number,customer,procedure,"
                + "technician,bench_device", JobList.MAX_PAGE, (first, max) -> list.page(query, first, max).rows(),
                r -> List.of(FrameCsv.text(r.jobNumber()), InstituteTime.shown(r.createdAt()), r.state().name(),
                        FrameCsv.text(r.description()), FrameCsv.text(r.serialNumber()), FrameCsv.text(r.customer()),
                        FrameCsv.text(r.procedureCode()), FrameCsv.text(r.technician()),
                        FrameCsv.text(r.benchDeviceCode())));
    }

    /** A job by its id; digits only, so that {@code list.csv} is never taken for an id whatever the caller accepts. */
    @GET
    @Path("{id: [0-9]+}")
    public JobView job(@PathParam("id") long id) {
        return jobs.job(id);
    }

    @GET
    @Path("{id}/audit")
    public List<AuditEntryView> history(@PathParam("id") long id) {
        return audit.historyOfJob(id);
    }

    @POST
    @Path("{id}/assignment")
    public JobView assign(@PathParam("id") long id, @NotNull @Valid Assignment a) {
        return intake.assign(id, a.technician, a.benchDevice, a.version);
    }

    @POST
    @Path("{id}/start")
    public JobView start(@PathParam("id") long id, @Valid Versioned v) {
        return jobs.start(id, v == null ? null : v.version);
    }

    @POST
    @Path("{id}/standards")
    public JobView selectStandard(@PathParam("id") long id, @NotNull @Valid StandardChoice choice) {
        return jobs.selectStandard(id, choice.code, choice.version);
    }

    /**
     * The certificate the approval would issue, numbered DRAFT, for the checker and the approver to read before they
     * sign; nothing is issued or stored.
     */
    @GET
    @Path("{id}/certificate-preview")
    @Produces("application/pdf")
    public Response certificatePreview(@PathParam("id") long id) {
        return Response.ok(certificates.preview(id), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"preview-" + id + ".pdf\"").build();
    }

    @POST
    @Path("{id}/environment")
    public JobView environment(@PathParam("id") long id, @NotNull @Valid Conditions c) {
        return jobs.recordEnvironment(id, c.temperature, c.humidity, c.pressure, c.deviation, c.version);
    }

    @POST
    @Path("{id}/points/{ordinal}/capture")
    public JobView capture(@PathParam("id") long id, @PathParam("ordinal") int ordinal,
            @Valid Capture c) {
        return capture.capture(id, ordinal, c == null ? new CaptureRequest(null, null, null, null, Map.of())
                : new CaptureRequest(c.additionalLoad, c.version, c.correctionReason, c.acceptReason, c.entries));
    }

    /**
     * The technician takes the job's bench device from the running job that holds it, with the reason for the
     * audit trail (issue 11: a device belongs to one running job at a time).
     */
    @POST
    @Path("{id}/device-hold")
    public JobView takeDevice(@PathParam("id") long id, @NotNull @Valid Reason r) {
        return capture.takeDevice(id, r.reason, r.version);
    }

    /** The technician lets the job's bench device go before the job is submitted. */
    @DELETE
    @Path("{id}/device-hold")
    public JobView releaseDevice(@PathParam("id") long id) {
        return capture.releaseDevice(id, null);
    }

    /** Sets the bench instrument up for the point (SCPI CONF:… for a multimeter), as the job's method says. */
    @POST
    @Path("{id}/points/{ordinal}/setup")
    public JobView setUp(@PathParam("id") long id, @PathParam("ordinal") int ordinal) {
        return capture.setUp(id, ordinal);
    }

    @POST
    @Path("{id}/submit")
    public JobView submit(@PathParam("id") long id, @NotNull @Valid SignWithPassword s) {
        return jobs.submit(id, chars(s), s == null ? null : s.version);
    }

    @POST
    @Path("{id}/check")
    public JobView check(@PathParam("id") long id, @NotNull @Valid SignWithPassword s) {
        return jobs.check(id, chars(s), s == null ? null : s.version);
    }

    @POST
    @Path("{id}/send-back")
    public JobView sendBack(@PathParam("id") long id, @NotNull @Valid Reason r) {
        return jobs.sendBack(id, r == null ? null : r.reason, r == null ? null : r.version);
    }

    @POST
    @Path("{id}/approve")
    public CertificateView approve(@PathParam("id") long id, @NotNull @Valid SignWithPassword s) {
        return certificates.approveAndIssue(id, chars(s), s == null ? null : s.version);
    }

    @POST
    @Path("{id}/return")
    public JobView returnToCustomer(@PathParam("id") long id, @Valid Versioned v) {
        return intake.returnToCustomer(id, v == null ? null : v.version);
    }

    private static char[] chars(SignWithPassword s) {
        return s == null || s.password == null ? new char[0] : s.password.toCharArray();
    }
}
