package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.standard.check.AnnualEvaluations;
import org.jiliang.lims.standard.check.IntermediateChecks;
import org.jiliang.lims.standard.check.StandardEvaluation;

/**
 * A standard's yearly stability and repeatability evaluations (issue 13, JJF 1033): the quality manager evaluates a
 * year from its checks; staff read them. A customer and an anonymous caller get nothing. At the root, as
 * {@link StandardCheckResource}.
 */
@Tag(name = LimsApi.Tags.STANDARDS)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class StandardEvaluationResource {

    @Inject
    private AnnualEvaluations evaluations;

    public static class Evaluation {
        @Min(1900) @Max(9999)
        public Integer year;
        @Size(max = IntermediateChecks.MAX_POINTS)
        public List<@NotNull @Valid Limits> points;
    }

    /** A check point's limits, in the point's unit; the digits are those of standard_evaluation's columns. */
    public static class Limits {
        @Min(1) @Max(IntermediateChecks.MAX_POINTS)
        public Integer ordinal;
        @Digits(integer = 18, fraction = 12)
        public BigDecimal stabilityLimit;
        public StandardEvaluation.Basis limitBasis;
        @Digits(integer = 18, fraction = 12)
        public BigDecimal repeatabilityLimit;
    }

    @GET
    @Path("standards/{code}/evaluations")
    public List<AnnualEvaluations.EvaluationView> evaluations(@PathParam("code") String code) {
        return evaluations.evaluationsOf(code);
    }

    /** The quality manager evaluates a year (201 with the figures and verdicts of every point). */
    @POST
    @Path("standards/{code}/evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response evaluate(@PathParam("code") String code, @NotNull @Valid Evaluation e) {
        var found = evaluations.evaluate(code, e.year, e.points == null ? null : e.points.stream()
                .map(l -> new AnnualEvaluations.PointLimits(l.ordinal, l.stabilityLimit, l.limitBasis,
                        l.repeatabilityLimit)).toList());
        return Response.status(Response.Status.CREATED).entity(found).build();
    }
}
