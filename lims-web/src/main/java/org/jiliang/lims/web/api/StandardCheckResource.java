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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardView;
import org.jiliang.lims.standard.check.ChartKind;
import org.jiliang.lims.standard.check.CheckCriterion;
import org.jiliang.lims.standard.check.CheckPoint;
import org.jiliang.lims.standard.check.IntermediateChecks;
import org.jiliang.lims.standard.check.StandardsAtAGlance;

/**
 * A standard's intermediate checks (issue 13): its check plan, its checks with what each found, and the cases they
 * opened. Staff only; a customer and an anonymous caller get nothing. At the root, as {@link RegistryResource}: a
 * root path of "standards/{code}" would take every request under it away from that resource's standards paths.
 */
@Tag(name = LimsApi.Tags.STANDARDS)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class StandardCheckResource {

    @Inject
    private IntermediateChecks checks;
    @Inject
    private StandardsAtAGlance glance;
    @Inject
    private StandardService standards;

    /** Lengths are those of check_plan and check_point's columns. */
    public static class Plan {
        @Min(1) @Max(IntermediateChecks.MAX_INTERVAL_DAYS)
        public Integer intervalDays;
        @Size(max = 200)
        public String checkStandard;
        public ChartKind chart;
        @Min(1) @Max(IntermediateChecks.MAX_READINGS)
        public Integer readingsPerCheck;
        @Min(2) @Max(IntermediateChecks.MAX_BASE)
        public Integer baseChecks;
        public CheckCriterion criterion;
        @Size(max = IntermediateChecks.MAX_POINTS)
        public List<@NotNull @Valid Point> points;
    }

    public static class Point {
        @Size(max = 60)
        public String nominal;
        @Size(max = 20)
        public String unit;
        @Digits(integer = 18, fraction = 12)
        public BigDecimal referenceValue;
        @Digits(integer = 18, fraction = 12)
        public BigDecimal referenceUncertainty;
    }

    public static class Check {
        public LocalDate performedOn;
        @Size(max = 300)
        public String note;
        @Size(max = IntermediateChecks.MAX_POINTS)
        public List<@NotNull @Valid Entry> points;
    }

    public static class Entry {
        /** The readings as typed, numbers separated by blanks, in the point's unit. */
        @Size(max = 400)
        public String readings;
        @Digits(integer = 18, fraction = 12)
        public BigDecimal uncertainty;
    }

    /** A standard's assessment certificate (计量标准考核证书); lengths are those of measurement_standard's columns. */
    public static class Assessment {
        @Size(max = 60)
        public String certificate;
        @Size(max = 300)
        public String scope;
        public LocalDate validUntil;
    }

    /** The quality manager records the standard's assessment certificate, or the one a re-examination renewed. */
    @PUT
    @Path("standards/{code}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    public StandardView assess(@PathParam("code") String code, @NotNull @Valid Assessment a) {
        return standards.recordAssessment(code, a.certificate, a.scope, a.validUntil);
    }

    /**
     * Every standard at a glance: how many are valid, due soon, overdue, suspended, with a check overdue, out of
     * control, out of tolerance; and those a flag selects (all without one).
     */
    @GET
    @Path("standards/overview")
    public StandardsAtAGlance.Overview overview(@QueryParam("flag") String flag) {
        StandardsAtAGlance.Flag selected = null;
        if (flag != null && !flag.isBlank()) {
            try {
                selected = StandardsAtAGlance.Flag.valueOf(flag.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(400, "error.standard.flag", FrameQueryParams.abbreviated(flag),
                        java.util.Arrays.toString(StandardsAtAGlance.Flag.values()));
            }
        }
        return glance.overview(selected);
    }

    @GET
    @Path("standards/{code}/check-plan")
    public IntermediateChecks.PlanView plan(@PathParam("code") String code) {
        return checks.planOf(code).orElseThrow(() -> new RefusedException("error.check.planNotFound", code));
    }

    /** The quality manager states the plan (or restates it while no check is recorded against it). */
    @PUT
    @Path("standards/{code}/check-plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public IntermediateChecks.PlanView plan(@PathParam("code") String code, @NotNull @Valid Plan p) {
        return checks.plan(code, new IntermediateChecks.PlanDetails(p.intervalDays, p.checkStandard, p.chart,
                p.readingsPerCheck, p.baseChecks, p.criterion, p.points == null ? null : p.points.stream()
                        .map(x -> new CheckPoint.Definition(x.nominal, x.unit, x.referenceValue,
                                x.referenceUncertainty)).toList()));
    }

    @GET
    @Path("standards/{code}/checks")
    public List<IntermediateChecks.CheckView> checks(@PathParam("code") String code) {
        return checks.checksOf(code);
    }

    /** A technician or the quality manager records a check; it is evaluated at once (201 with what it found). */
    @POST
    @Path("standards/{code}/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("code") String code, @NotNull @Valid Check c) {
        IntermediateChecks.CheckView view = checks.record(code, new IntermediateChecks.CheckDetails(c.performedOn,
                c.note, c.points == null ? null : c.points.stream()
                        .map(e -> new IntermediateChecks.PointEntry(e.readings, e.uncertainty)).toList()));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    /** The control charts of the standard's check points: values, (moving) ranges, limits once set, signals. */
    @GET
    @Path("standards/{code}/control-charts")
    public List<IntermediateChecks.PointChart> charts(@PathParam("code") String code) {
        return checks.chartsOf(code);
    }

    @GET
    @Path("standards/{code}/cases")
    public List<IntermediateChecks.CaseView> cases(@PathParam("code") String code) {
        return checks.casesOf(code);
    }
}
