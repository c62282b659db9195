package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.schedule.ComplianceFigures;

/** The policy's figures (issue 12): 受检率, pass rate and turnaround for a year, by month, category or district. */
@Tag(name = LimsApi.Tags.FIGURES)
@Path("figures")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {

    @Inject
    private ComplianceFigures figures;
    @Inject
    private Clock clock;

    @GET
    @Path("compliance")
    public ComplianceFigures.Figures compliance(@QueryParam("year") Integer year, @QueryParam("by") String by,
            @QueryParam("category") String category, @QueryParam("district") String district) {
        return figures.of(new ComplianceFigures.Query(year == null ? LocalDate.now(clock).getYear() : year,
                grouping(by), category, district));
    }

    static ComplianceFigures.Grouping grouping(String value) {
        if (value == null || value.isBlank()) {
            return ComplianceFigures.Grouping.MONTH;
        }
        try {
            return ComplianceFigures.Grouping.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(400, "error.figures.by", FrameQueryParams.abbreviated(value),
                    java.util.Arrays.toString(ComplianceFigures.Grouping.values()));
        }
    }
}
