package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.DefaultValue;
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
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.certificate.CertificatePdf;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.certificate.PublicVerification;
import org.jiliang.lims.platform.InstituteTime;
import org.jiliang.lims.platform.Sha256;
import org.jiliang.lims.web.support.DownloadLinks;

/**
 * Certificates: a customer sees only their own; the public check needs no login; an approver corrects one with a
 * revision, an approver or the quality manager withdraws one.
 */
@Tag(name = LimsApi.Tags.CERTIFICATES)
@Path("")
public class CertificateResource {

    @Inject
    private CertificateService certificates;

    /**
     * The certificates the caller may see (a customer their own), a page at a time: newest first unless {@code sort}
     * names a column, searched as the CSV and the archive are.
     */
    @GET
    @Path("certificates")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Certificates the caller may see, a page at a time",
            description = "text: number, job number, instrument or serial number; from/until: days of issue "
                    + "(yyyy-MM-dd); kind: the result (VERIFICATION_CERTIFICATE, NON_CONFORMITY_NOTICE, "
                    + "CALIBRATION_CERTIFICATE); first/max: the page (max at most 1000). Answers an ETag; "
                    + "If-None-Match with it gives 304 while the page is unchanged.")
    public Paged<CertificateView> certificates(@QueryParam("text") String text, @QueryParam("from") String from,
            @QueryParam("until") String until, @QueryParam("kind") String kind, @QueryParam("sort") String sort,
            @QueryParam("ascending") boolean ascending, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        Paged.requirePage(first, max, CertificateService.MAX_PAGE);
        return certificates.page(query(text, from, until, kind), sort, ascending, first, max);
    }

    /**
     * The certificates the caller may see as CSV, newest first, searched as the certificates page does (number, job
     * number, instrument, serial number): a customer gets only their own.
     */
    @GET
    @Path("certificates.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    @Operation(summary = "Certificates the caller may see as CSV, filtered as the list is")
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
    @Operation(summary = "Every certificate of a period as one .zip: the PDFs, manifest.csv and SHA256SUMS")
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
    @Operation(summary = "One certificate: its standing (valid, superseded, withdrawn, expired) and revisions")
    public CertificateView certificate(@PathParam("number") String number) {
        return certificates.certificate(number);
    }

    @GET
    @Path("certificates/{number}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The signed PDF as issued (PAdES); ETag = its SHA-256")
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

    /**
     * A short-lived address that serves the same PDF without a session: for a browser's or a program's download, or
     * to hand to an auditor. Whoever may have the PDF may have the address; it serves until {@code expires}.
     */
    @GET
    @Path("certificates/{number}/pdf/link")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A signed address of the PDF that serves it without a session until it expires",
            description = "href: the address (on this server), valid for a few minutes (expires); a changed address "
                    + "answers 403, an expired one 410. The same rules as the PDF decide who gets one.")
    public DownloadLink pdfLink(@PathParam("number") String number, @Context HttpServletRequest request)
            throws IOException {
        // the hash alone: the bytes are read only when the server holds no copy of them yet
        String sha256 = certificates.pdfSha256(number);
        DownloadLinks links = (DownloadLinks) request.getServletContext().getAttribute(DownloadLinks.ATTRIBUTE);
        DownloadLinks.Link link = links.issue(number, sha256, () -> certificates.pdf(number).content());
        return new DownloadLink(request.getContextPath() + link.path(), link.expires());
    }

    /** A signed download address (within this server) and until when it serves. */
    public record DownloadLink(String href, java.time.Instant expires) {
    }

    /** The Digital Calibration Certificate (PTB DCC XML) of a calibration certificate. */
    @GET
    @Path("certificates/{number}/dcc")
    @Produces("application/xml")
    @Operation(summary = "The signed Digital Calibration Certificate (DCC XML) of a calibration certificate")
    public Response dcc(@PathParam("number") String number, @Context Request request) {
        byte[] xml = certificates.dcc(number);
        EntityTag tag = new EntityTag(Sha256.hex(xml));
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
    @Operation(summary = "Correct a certificate: a new revision supersedes it (approver)")
    public CertificateView revise(@PathParam("number") String number, @NotNull @Valid Change change) {
        return certificates.revise(number, change.reason, change.password.toCharArray());
    }

    /** Withdraws the certificate for good (approver or quality manager, signed with the password). */
    @POST
    @Path("certificates/{number}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw a certificate with a reason (approver)")
    public CertificateView withdraw(@PathParam("number") String number, @NotNull @Valid Change change) {
        return certificates.withdraw(number, change.reason, change.password.toCharArray());
    }


    @GET
    @Path("public/verify/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public check of a certificate by its unguessable token, as issued (no login)")
    public PublicVerification verify(@PathParam("token") String token) {
        return certificates.verify(token);
    }
}
