package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jiliang.lims.traceability.Traceability;

/**
 * A standard's calibrations and reverse traceability (issue 13): which of our certificates it has spoiled since a day,
 * level by level. Staff only; a customer and an anonymous caller get nothing. At the root, as
 * {@link StandardCheckResource}.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class StandardTraceResource {

    @Inject
    private Traceability traceability;

    /** Lengths are those of standard_calibration's columns. */
    public static class Calibration {
        @Size(max = 200)
        public String laboratory;
        @Size(max = 100)
        public String certificateNumber;
        public LocalDate calibratedOn;
        public LocalDate dueDate;
        /** Our certificate's number, when the institute calibrated the standard itself. */
        @Size(max = 40)
        public String internalCertificate;
    }

    @GET
    @Path("standards/{code}/calibrations")
    public List<Traceability.CalibrationView> calibrations(@PathParam("code") String code) {
        return traceability.calibrationsOf(code);
    }

    /** The quality manager records a calibration of the standard; it becomes its current one (201). */
    @POST
    @Path("standards/{code}/calibrations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("code") String code, @NotNull @Valid Calibration c) {
        return Response.status(Response.Status.CREATED).entity(traceability.recordCalibration(code,
                new Traceability.CalibrationDetails(c.laboratory, c.certificateNumber, c.calibratedOn, c.dueDate,
                        c.internalCertificate))).build();
    }

    /** The certificates the standard has spoiled if it was wrong from {@code since} (yyyy-MM-dd) on. */
    @GET
    @Path("standards/{code}/affected")
    public List<Traceability.Affected> affected(@PathParam("code") String code, @QueryParam("since") String since) {
        LocalDate day;
        try {
            day = LocalDate.parse(since == null ? "" : since.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(400, "error.trace.since");
        }
        return traceability.affectedBy(code, day);
    }
}
