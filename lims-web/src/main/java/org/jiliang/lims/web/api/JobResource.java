package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.jiliang.lims.audit.AuditEntryView;
import org.jiliang.lims.audit.AuditService;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.order.JobService;
import org.jiliang.lims.order.JobView;

/**
 * Verification jobs over HTTP, the same life cycle as the pages. Commands may carry the
 * job's {@code version} as last read; a stale version is refused with 409 (nothing is saved).
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobResource {

    public static class OpenJob {
        public long instrumentId;
        public VerificationType verificationType;
        public String benchDevice;
    }

    public static class Assignment {
        public String technician;
        public String benchDevice;
        public Long version;
    }

    public static class Versioned {
        public Long version;
    }

    public static class StandardChoice {
        public String code;
        public Long version;
    }

    public static class Conditions {
        public BigDecimal temperature;
        public BigDecimal humidity;
        /** hPa; required for a weight calibration (air density). */
        public BigDecimal pressure;
        public String deviation;
        public Long version;
    }

    public static class Capture {
        /** ΔL: the additional small weights (in the point's unit) added until the indication changed. */
        public BigDecimal additionalLoad;
        public Long version;
        public String correctionReason;
    }

    public static class SignWithPassword {
        public String password;
        public Long version;
    }

    public static class Reason {
        public String reason;
        public Long version;
    }

    @Inject
    private JobService jobs;
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
    public JobView open(OpenJob command) {
        return jobs.open(command.instrumentId, command.verificationType, command.benchDevice);
    }

    /** The intake desk receives an instrument for verification. */
    @POST
    @Path("intake")
    public JobView receive(OpenJob command) {
        return jobs.receive(command.instrumentId, command.verificationType);
    }

    @GET
    @Path("{id}")
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
    public JobView assign(@PathParam("id") long id, Assignment a) {
        return jobs.assign(id, a.technician, a.benchDevice, a.version);
    }

    @POST
    @Path("{id}/start")
    public JobView start(@PathParam("id") long id, Versioned v) {
        return jobs.start(id, v == null ? null : v.version);
    }

    @POST
    @Path("{id}/standards")
    public JobView selectStandard(@PathParam("id") long id, StandardChoice choice) {
        return jobs.selectStandard(id, choice.code, choice.version);
    }

    @POST
    @Path("{id}/environment")
    public JobView environment(@PathParam("id") long id, Conditions c) {
        return jobs.recordEnvironment(id, c.temperature, c.humidity, c.pressure, c.deviation, c.version);
    }

    @POST
    @Path("{id}/points/{ordinal}/capture")
    public JobView capture(@PathParam("id") long id, @PathParam("ordinal") int ordinal, Capture c) {
        return jobs.capture(id, ordinal, c == null ? null : c.additionalLoad, c == null ? null : c.version,
                c == null ? null : c.correctionReason);
    }

    @POST
    @Path("{id}/submit")
    public JobView submit(@PathParam("id") long id, SignWithPassword s) {
        return jobs.submit(id, chars(s), s == null ? null : s.version);
    }

    @POST
    @Path("{id}/check")
    public JobView check(@PathParam("id") long id, SignWithPassword s) {
        return jobs.check(id, chars(s), s == null ? null : s.version);
    }

    @POST
    @Path("{id}/send-back")
    public JobView sendBack(@PathParam("id") long id, Reason r) {
        return jobs.sendBack(id, r == null ? null : r.reason, r == null ? null : r.version);
    }

    @POST
    @Path("{id}/approve")
    public CertificateView approve(@PathParam("id") long id, SignWithPassword s) {
        return certificates.approveAndIssue(id, chars(s), s == null ? null : s.version);
    }

    @POST
    @Path("{id}/return")
    public JobView returnToCustomer(@PathParam("id") long id, Versioned v) {
        return jobs.returnToCustomer(id, v == null ? null : v.version);
    }

    private static char[] chars(SignWithPassword s) {
        return s == null || s.password == null ? new char[0] : s.password.toCharArray();
    }
}
