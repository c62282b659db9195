package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jiliang.lims.certificate.CertificatePdf;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.certificate.PublicVerification;
import org.jiliang.lims.platform.InstituteTime;

/**
 * Certificates: a customer sees only their own; the public check needs no login; an approver corrects one with a
 * revision, an approver or the quality manager withdraws one.
 */
@Path("")
public class CertificateResource {

    @Inject
    private CertificateService certificates;

    @GET
    @Path("certificates")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CertificateView> certificates() {
        return certificates.certificates();
    }

    /**
     * The certificates the caller may see as CSV, newest first, searched as the certificates page does (number, job
     * number, instrument, serial number): a customer gets only their own.
     */
    @GET
    @Path("certificates.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    public Response certificatesCsv(@QueryParam("text") String text, @QueryParam("from") String from,
            @QueryParam("until") String until, @QueryParam("kind") String kind) {
        CertificateService.Query query = query(text, from, until, kind);
        return CsvExport.of("certificates.csv", "number,kind,job_number,customer,instrument,serial_number,issued_at,"
                + "valid_until,pdf_sha256,verification_url", CertificateService.MAX_PAGE,
                (first, max) -> certificates.page(query, null, false, first, max).rows(),
                c -> List.of(FrameCsv.text(c.number()), c.kind(), FrameCsv.text(c.jobNumber()),
                        FrameCsv.text(c.customerName()), FrameCsv.text(c.instrument()), FrameCsv.text(c.serialNumber()),
                        InstituteTime.shown(c.issuedAt()), c.validUntil() == null ? "" : c.validUntil().toString(),
                        c.pdfSha256(), FrameCsv.text(c.verificationUrl())));
    }

    /**
     * Every certificate of a period the caller may see (a customer their own), searched as the list is, as one .zip
     * (issue 14): each PDF as issued, {@code manifest.csv} (number, kind, instrument, days, standing, file, SHA-256,
     * public check) and {@code SHA256SUMS}, which {@code sha256sum -c SHA256SUMS} checks. The period is required;
     * a selection too large for one archive is refused before the download starts.
     */
    @GET
    @Path("certificates.zip")
    @Produces("application/zip")
    public Response archive(@QueryParam("text") String text, @QueryParam("from") String from,
            @QueryParam("until") String until, @QueryParam("kind") String kind) {
        CertificateService.Query query = query(text, from, until, kind);
        List<CertificateView> selected = certificates.archive(query);
        return Response.ok(CertificateArchive.of(selected, number -> certificates.pdf(number).content()), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"certificates-" + query.issuedFrom() + "-"
                        + query.issuedUntil() + ".zip\"").build();
    }

    static CertificateService.Query query(String text, String from, String until, String kind) {
        return new CertificateService.Query(text, day("from", from), day("until", until),
                kind == null || kind.isBlank() ? null : kind);
    }

    private static java.time.LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(400, "error.certificate.date", name, FrameQueryParams.abbreviated(value));
        }
    }

    @GET
    @Path("certificates/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    public CertificateView certificate(@PathParam("number") String number) {
        return certificates.certificate(number);
    }

    @GET
    @Path("certificates/{number}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("number") String number, @Context Request request) {
        CertificatePdf pdf = certificates.pdf(number);
        // an issued PDF never changes: its SHA-256 is its entity tag, and a client that has it gets 304
        EntityTag tag = new EntityTag(pdf.sha256());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        return Response.ok(pdf.content(), "application/pdf").tag(tag)
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                .header("X-Content-SHA256", pdf.sha256())
                .build();
    }

    /** The Digital Calibration Certificate (PTB DCC XML) of a calibration certificate. */
    @GET
    @Path("certificates/{number}/dcc")
    @Produces("application/xml")
    public Response dcc(@PathParam("number") String number, @Context Request request) {
        byte[] xml = certificates.dcc(number);
        EntityTag tag = new EntityTag(sha256(xml));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        return Response.ok(xml, "application/xml").tag(tag)
                .header("Content-Disposition", "attachment; filename=\"" + number + ".dcc.xml\"")
                .build();
    }

    /** A reason (printed on the revision, shown on the public check) and the signer's password. */
    public static class Change {
        @NotEmpty
        @Size(max = CertificateService.MAX_REASON)
        public String reason;
        @NotEmpty
        @Size(max = JobResource.MAX_PASSWORD)
        public String password;
    }

    /**
     * Issues a corrected revision of the certificate (approver, signed with the password); answers the revision. The
     * certificate replaced stays retrievable; its public check says which revision replaced it.
     */
    @POST
    @Path("certificates/{number}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CertificateView revise(@PathParam("number") String number, @NotNull @Valid Change change) {
        return certificates.revise(number, change.reason, change.password.toCharArray());
    }

    /** Withdraws the certificate for good (approver or quality manager, signed with the password). */
    @POST
    @Path("certificates/{number}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CertificateView withdraw(@PathParam("number") String number, @NotNull @Valid Change change) {
        return certificates.withdraw(number, change.reason, change.password.toCharArray());
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @GET
    @Path("public/verify/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public PublicVerification verify(@PathParam("token") String token) {
        return certificates.verify(token);
    }
}
