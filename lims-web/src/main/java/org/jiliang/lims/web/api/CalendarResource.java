package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.schedule.WorkCalendar;

/** The work calendar (issue 12): jobs and standards due in a span, loads, planning a job, the recalibration plan. */
@Tag(name = LimsApi.Tags.PLANNING)
@Path("calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    public static class Plan {
        @NotNull
        public LocalDate day;
        @Size(max = 64)
        public String technician;
    }

    @Inject
    private WorkCalendar calendar;
    @Inject
    private java.time.Clock clock;

    @GET
    @Path("jobs")
    public List<WorkCalendar.JobEvent> jobs(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("technician") String technician, @QueryParam("bench") String bench) {
        return calendar.jobs(day("from", from), day("to", to), technician, bench);
    }

    /** The benches whose jobs the calendar shows ({@code ?bench=} of the jobs; {@value WorkCalendar#ON_SITE}: field kits). */
    @GET
    @Path("benches")
    public List<WorkCalendar.Bench> benches() {
        return calendar.benches();
    }

    @GET
    @Path("loads")
    public List<WorkCalendar.Load> loads(@QueryParam("from") String from, @QueryParam("to") String to) {
        return calendar.loads(day("from", from), day("to", to));
    }

    @PUT
    @Path("jobs/{id: [0-9]+}")
    public WorkCalendar.JobEvent plan(@PathParam("id") long id, @NotNull @Valid Plan p) {
        return calendar.plan(id, p.day, p.technician);
    }

    /** The year's recalibration plan of the institute's standards (计量标准周期检定计划), printable as CSV. */
    @GET
    @Path("recalibration-plan.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    public Response recalibrationPlan(@QueryParam("year") Integer year) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new InvalidInputException(400, "error.figures.year", String.valueOf(y), "2000", "2100");
        }
        List<WorkCalendar.StandardDue> plan = calendar.recalibrationPlan(y);
        return CsvExport.of("recalibration-plan-" + y + ".csv", "due_date,code,name,certificate,calibrated_by",
                Integer.MAX_VALUE, (first, max) -> first == 0 ? plan : List.of(),
                s -> List.of(String.valueOf(s.dueDate()), FrameCsv.text(s.code()), FrameCsv.text(s.name()),
                        FrameCsv.text(s.certificateNumber()), FrameCsv.text(s.calibratedBy())));
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(400, "error.calendar.date", name,
                    value == null ? "" : FrameQueryParams.abbreviated(value));
        }
    }
}
