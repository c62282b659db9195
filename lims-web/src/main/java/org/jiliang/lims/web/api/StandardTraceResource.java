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
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.traceability.Traceability;

/**
 * A standard's calibrations and reverse traceability (issue 13): which of our certificates it has spoiled since a day,
 * level by level. Staff only; a customer and an anonymous caller get nothing. At the root, as
 * {@link StandardCheckResource}.
 */
@Tag(name = LimsApi.Tags.STANDARDS)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class StandardTraceResource {

    @Inject
    private Traceability traceability;
    @Inject
    private org.jiliang.lims.standard.check.IntermediateChecks checks;

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

    /**
     * The quality manager imports the DCC (XML, the body as received) an upper-level laboratory issued for the standard,
     * with the due date we set ({@code dueDate=yyyy-MM-dd}): schema-checked, parsed without any DOCTYPE; refused with
     * the reason and nothing stored otherwise (201 with the calibration and its values).
     */
    @POST
    @Path("standards/{code}/calibrations/dcc")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    public Response importDcc(@PathParam("code") String code, @QueryParam("dueDate") String dueDate,
            @QueryParam("name") String name, InputStream body) throws IOException {
        byte[] xml = body.readNBytes(Traceability.MAX_DCC_BYTES + 1);
        if (xml.length > Traceability.MAX_DCC_BYTES) {
            throw new InvalidInputException(413, "error.dcc.TOO_LARGE", "> " + Traceability.MAX_DCC_BYTES + " bytes");
        }
        LocalDate due;
        try {
            due = LocalDate.parse(dueDate == null ? "" : dueDate.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(400, "error.trace.dueDate");
        }
        return Response.status(Response.Status.CREATED).entity(traceability.importDcc(code, xml, name, due)).build();
    }

    /** The certificate file kept with a calibration (a DCC: XML, as received). */
    @GET
    @Path("standards/{code}/calibrations/{id: [0-9]+}/document")
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_OCTET_STREAM})
    public Response document(@PathParam("code") String code, @PathParam("id") long id) {
        Traceability.DocumentView d = traceability.document(code, id);
        return Response.ok(d.content(), d.mediaType()).header("Content-Disposition", "attachment; filename=\""
                + d.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"").header("X-Content-SHA256", d.sha256()).build();
    }

    /**
     * The certificates the standard has spoiled if it was wrong from {@code since} (yyyy-MM-dd) on; without it, from
     * the day it is suspect since (the last good check before its newest one out of tolerance, or its calibration).
     */
    @GET
    @Path("standards/{code}/affected")
    public List<Traceability.Affected> affected(@PathParam("code") String code, @QueryParam("since") String since) {
        if (since == null || since.isBlank()) {
            return traceability.affectedBy(code, checks.suspectSince(code));
        }
        LocalDate day;
        try {
            day = LocalDate.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(400, "error.trace.since");
        }
        return traceability.affectedBy(code, day);
    }
}
