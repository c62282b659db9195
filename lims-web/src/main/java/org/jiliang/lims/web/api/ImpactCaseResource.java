package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.traceability.ImpactAssessment;
import org.jiliang.lims.traceability.ImpactCases;
import org.jiliang.lims.traceability.ImpactNotices;

/**
 * The case of a standard and its impact (issue 13): the certificates to assess, the assessments, the signed closing;
 * and the owners' impact notices (a customer reads their own only; another's is 404, an anonymous caller gets 401).
 */
@Tag(name = LimsApi.Tags.STANDARDS)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class ImpactCaseResource {

    @Inject
    private ImpactCases cases;
    @Inject
    private ImpactNotices notices;

    public static class Scope {
        public LocalDate since;
    }

    /** Lengths are those of impact_assessment's columns. */
    public static class Assessment {
        public Boolean affected;
        @Size(max = 1000)
        public String reason;
        /** A multiple of the MPE or U. */
        @Digits(integer = 4, fraction = 3)
        public BigDecimal effect;
        public ImpactAssessment.Basis basis;
        public ImpactAssessment.Decision decision;
    }

    public static class Closing {
        @Size(max = 2000)
        public String conclusion;
        @NotEmpty
        @Size(max = JobResource.MAX_PASSWORD)
        public String password;
    }

    @GET
    @Path("standard-cases/{id: [0-9]+}")
    public ImpactCases.CaseDetail detail(@PathParam("id") long id) {
        return cases.detail(id);
    }

    /** The quality manager states from which day the standard is suspect (before the first assessment). */
    @PUT
    @Path("standard-cases/{id: [0-9]+}/scope")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImpactCases.CaseDetail scope(@PathParam("id") long id, @NotNull @Valid Scope s) {
        return cases.scope(id, s.since);
    }

    @PUT
    @Path("standard-cases/{id: [0-9]+}/assessments/{certificate}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImpactCases.CaseDetail assess(@PathParam("id") long id, @PathParam("certificate") String certificate,
            @NotNull @Valid Assessment a) {
        return cases.assess(id, certificate, new ImpactCases.AssessmentDetails(a.affected, a.reason, a.effect,
                a.basis, a.decision));
    }

    /** Closes the case signed with the password; the owners' notices are e-mailed at once. */
    @POST
    @Path("standard-cases/{id: [0-9]+}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImpactCases.CaseDetail close(@PathParam("id") long id, @NotNull @Valid Closing c) {
        cases.close(id, c.conclusion, c.password.toCharArray());
        cases.deliverPending();
        return cases.detail(id);
    }

    @GET
    @Path("impact-notices")
    public Paged<ImpactNotices.NoticeView> notices(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        Paged.requirePage(first, max, ImpactNotices.MAX_PAGE);
        return notices.page(first, max);
    }

    @GET
    @Path("impact-notices/{id: [0-9]+}")
    public ImpactNotices.NoticeView notice(@PathParam("id") long id) {
        return notices.notice(id);
    }
}
