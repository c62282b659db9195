package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.order.JobService;
import org.jiliang.lims.order.JobView;

/** Verification jobs over HTTP: the bench workflow without the browser. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobResource {

    public static class OpenJob {
        public long instrumentId;
        public VerificationType verificationType;
        public String benchDevice;
    }

    public static class StandardChoice {
        public String code;
    }

    public static class SignWithPassword {
        public String password;
    }

    @Inject
    private JobService jobs;
    @Inject
    private CertificateService certificates;

    @GET
    public List<JobView> jobs() {
        return jobs.jobs();
    }

    @POST
    public JobView open(OpenJob command) {
        return jobs.open(command.instrumentId, command.verificationType, command.benchDevice);
    }

    @GET
    @Path("{id}")
    public JobView job(@PathParam("id") long id) {
        return jobs.job(id);
    }

    @POST
    @Path("{id}/standards")
    public JobView selectStandard(@PathParam("id") long id, StandardChoice choice) {
        return jobs.selectStandard(id, choice.code);
    }

    @POST
    @Path("{id}/points/{ordinal}/capture")
    public JobView capture(@PathParam("id") long id, @PathParam("ordinal") int ordinal) {
        return jobs.capture(id, ordinal);
    }

    @POST
    @Path("{id}/submit")
    public JobView submit(@PathParam("id") long id, SignWithPassword signature) {
        return jobs.submit(id, chars(signature));
    }

    @POST
    @Path("{id}/approve")
    public CertificateView approve(@PathParam("id") long id, SignWithPassword signature) {
        return certificates.approveAndIssue(id, chars(signature));
    }

    private static char[] chars(SignWithPassword s) {
        return s == null || s.password == null ? new char[0] : s.password.toCharArray();
    }
}
