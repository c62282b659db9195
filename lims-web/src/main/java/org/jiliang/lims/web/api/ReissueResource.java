package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.reissue.CertificateReissues;

/**
 * Re-issue runs (issue 14): an approver re-issues the certificates in force of a selection as corrected revisions, in
 * a batch job; the approver and the quality manager follow its progress. Customers and anonymous callers get nothing.
 */
@Tag(name = LimsApi.Tags.CERTIFICATES)
@Path("certificate-reissues")
@Produces(MediaType.APPLICATION_JSON)
public class ReissueResource {

    @Inject
    private CertificateReissues reissues;

    /** The selection (days of issue, a procedure or none), the reason printed on every revision, the password. */
    public static class Run {
        @NotEmpty
        @Size(max = CertificateService.MAX_REASON)
        public String reason;
        @NotNull
        public LocalDate from;
        @NotNull
        public LocalDate until;
        @Size(max = 32)
        public String procedure;
        /** An owner's code: only their certificates. */
        @Size(max = 32)
        public String customer;
        @NotEmpty
        @Size(max = JobResource.MAX_PASSWORD)
        public String password;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CertificateReissues.RunView start(@NotNull @Valid Run run) {
        return reissues.start(run.reason, run.from, run.until, run.procedure, run.customer,
                run.password.toCharArray());
    }

    @GET
    public List<CertificateReissues.RunView> runs() {
        return reissues.runs();
    }

    /** Starts a stopped run's job again (after it failed): it goes on with what is still to do. */
    @POST
    @Path("{id: [0-9]+}/resume")
    public CertificateReissues.RunView resume(@PathParam("id") long id) {
        return reissues.resume(id);
    }

    @GET
    @Path("{id: [0-9]+}")
    public CertificateReissues.RunView run(@PathParam("id") long id) {
        return reissues.run(id);
    }
}
