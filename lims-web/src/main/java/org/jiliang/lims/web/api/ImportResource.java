package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.importing.ImportColumn;
import org.jiliang.lims.importing.RegisterImport;
import org.jiliang.lims.importing.SheetReader;
import org.jiliang.lims.platform.Paged;

/**
 * The register's bulk import (issue 12): upload a file (.xlsx or CSV, the body as it is, its name in {@code name}),
 * read its preview and problems, confirm, follow, cancel; and the template to fill in.
 */
@Tag(name = LimsApi.Tags.REGISTER)
@Path("registry/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    private RegisterImport imports;

    @POST
    @Consumes({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_OCTET_STREAM})
    public RegisterImport.ImportView upload(@QueryParam("name") String name, InputStream body) throws IOException {
        byte[] content = body.readNBytes(SheetReader.MAX_BYTES + 1);
        if (content.length > SheetReader.MAX_BYTES) {
            throw new InvalidInputException(413, "error.import.tooLarge", name == null ? "" : FrameQueryParams.abbreviated(name),
                    SheetReader.MAX_BYTES / 1024 / 1024);
        }
        if (name != null && name.length() > RegisterImport.MAX_FILE_NAME) {
            throw new InvalidInputException(400, "error.import.fileName", RegisterImport.MAX_FILE_NAME);
        }
        return imports.upload(name, content);
    }

    @GET
    public Paged<RegisterImport.ImportView> recent(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("20") int max) {
        page(first, max);
        return imports.recent(first, max);
    }

    @GET
    @Path("{id: [0-9]+}")
    public RegisterImport.ImportView status(@PathParam("id") long id) {
        return imports.status(id);
    }

    @GET
    @Path("{id: [0-9]+}/problems")
    public Paged<RegisterImport.ProblemView> problems(@PathParam("id") long id,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max,
            @Context HttpHeaders headers) {
        page(first, max);
        return imports.problems(id, first, max, Problems.locale(headers));
    }

    @POST
    @Path("{id: [0-9]+}/confirm")
    public RegisterImport.ImportView confirm(@PathParam("id") long id) {
        return imports.confirm(id);
    }

    @POST
    @Path("{id: [0-9]+}/cancel")
    public RegisterImport.ImportView cancel(@PathParam("id") long id) {
        return imports.cancel(id);
    }

    /** The template: every column's Chinese heading, then a line of their English names as a guide. */
    @GET
    @Path("template.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    public Response template() {
        String headings = Arrays.stream(ImportColumn.values()).map(ImportColumn::heading)
                .collect(Collectors.joining(","));
        String example = "C0100,北湖农贸市场,江海市北湖路 8 号,北湖区,office@example.org,A 区,北湖区,NAWI,电子计价秤,"
                + "凯丰衡器有限公司,ACS-30,KF-0001,ZC-0001,12,2026-03-01,JHJD2026-000123,III,30 kg,10 g,10 g";
        byte[] bytes = ("\uFEFF" + headings + "\r\n" + example + "\r\n").getBytes(StandardCharsets.UTF_8);
        return Response.ok(bytes).header("Content-Disposition", "attachment; filename=\"register-import-template.csv\"")
                .build();
    }

    private static void page(int first, int max) {
        Paged.requirePage(first, max, RegisterImport.MAX_PAGE);
    }
}
