package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
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
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.coverage.TraceabilityCoverage;
import org.jiliang.lims.coverage.TraceabilityNeed;

/**
 * The coverage of the region's traceability needs by the institute's valid standards (issue 15): the needs with
 * their coverage and the share covered, the standards' measuring ranges; the quality manager registers and retires
 * needs and records a standard's range.
 */
@Tag(name = LimsApi.Tags.FIGURES)
@Path("coverage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CoverageResource {

    /** A range: its lower and upper end in one unit. */
    public static class Range {
        @Digits(integer = 10, fraction = 9)
        public BigDecimal lower;
        @Digits(integer = 10, fraction = 9)
        public BigDecimal upper;
        @Size(max = 16)
        public String unit;
    }

    /** A need of the region (no district) or of a district, and where it comes from. */
    public static class Need extends Range {
        @Size(max = TraceabilityNeed.MAX_DESCRIPTION)
        public String description;
        @Size(max = 60)
        public String district;
        @Size(max = TraceabilityNeed.MAX_SOURCE)
        public String source;
    }

    /** Why a need is retired. */
    public static class Retirement {
        @Size(max = TraceabilityNeed.MAX_REASON)
        public String reason;
    }

    @Inject
    private TraceabilityCoverage coverage;

    @GET
    @Operation(summary = "The needs of a district (with the region's) or of the whole region, each with its coverage, "
            + "and the share covered")
    public TraceabilityCoverage.Figure figure(@QueryParam("district") String district) {
        return coverage.figure(district == null || district.isBlank() ? null : district.strip());
    }

    @GET
    @Path("standards")
    @Operation(summary = "Every standard with its measuring range and whether it counts today")
    public List<TraceabilityCoverage.StandardRange> standards() {
        return coverage.standards();
    }

    @POST
    @Path("needs")
    @Operation(summary = "Registers a traceability need")
    public TraceabilityCoverage.NeedView register(@NotNull @Valid Need n) {
        return coverage.register(n.description, n.lower, n.upper, n.unit, n.district, n.source);
    }

    @POST
    @Path("needs/{id: [0-9]{1,18}}/retirement")
    @Operation(summary = "Retires a need, with the reason")
    public void retire(@PathParam("id") long id, @NotNull @Valid Retirement r) {
        coverage.retire(id, r.reason);
    }

    @PUT
    @Path("standards/{code}/range")
    @Operation(summary = "Records a standard's measuring range (测量范围)")
    public TraceabilityCoverage.StandardRange range(@PathParam("code") String code, @NotNull @Valid Range r) {
        return coverage.measuringRange(code, r.lower, r.upper, r.unit);
    }
}
