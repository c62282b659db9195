package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.schedule.DueList;
import org.jiliang.lims.schedule.DueRow;
import org.jiliang.lims.schedule.DueWindow;

/**
 * The due list (issue 12) as JSON, a page at a time, and as CSV of the whole selection: the same filters and the
 * same rule as the page (an owner's user gets only their own instruments, whatever owner they name).
 */
@Tag(name = LimsApi.Tags.PLANNING)
@Path("due")
@Produces(MediaType.APPLICATION_JSON)
public class DueResource {

    @Inject
    private DueList list;

    @GET
    public Paged<DueRow> page(@QueryParam("window") String window, @QueryParam("category") String category,
            @QueryParam("district") String district, @QueryParam("site") String site,
            @QueryParam("owner") String owner, @QueryParam("text") String text, @QueryParam("sort") String sort,
            @QueryParam("ascending") @DefaultValue("true") boolean ascending,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        Paged.requirePage(first, max, DueList.MAX_PAGE);
        return list.page(new DueList.Query(window(window), category, district, site, owner, text, sort, ascending),
                first, max);
    }

    @GET
    @Path("list.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    public Response csv(@QueryParam("window") String window, @QueryParam("category") String category,
            @QueryParam("district") String district, @QueryParam("site") String site,
            @QueryParam("owner") String owner, @QueryParam("text") String text) {
        DueList.Query query = new DueList.Query(window(window), category, district, site, owner, text, null, true);
        return CsvExport.of("due.csv", "next_due_date,days_left,owner_code,owner,district,site,category,description,"
                        + "manufacturer,model,serial_number,asset_number,last_verified_on,last_certificate",
                DueList.MAX_PAGE, (first, max) -> list.page(query, first, max).rows(),
                r -> List.of(String.valueOf(r.nextDueDate()), String.valueOf(r.daysLeft()),
                        FrameCsv.text(r.ownerCode()), FrameCsv.text(r.ownerName()), FrameCsv.text(r.district()),
                        FrameCsv.text(r.site()), FrameCsv.text(r.categoryName()), FrameCsv.text(r.description()),
                        FrameCsv.text(r.manufacturer()), FrameCsv.text(r.model()), FrameCsv.text(r.serialNumber()),
                        FrameCsv.text(r.assetNumber()),
                        r.lastVerifiedOn() == null ? "" : String.valueOf(r.lastVerifiedOn()),
                        FrameCsv.text(r.lastCertificate())));
    }

    /** The same selection as an .xlsx workbook: the finance and the supervision authority read spreadsheets. */
    @GET
    @Path("list.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    public Response xlsx(@QueryParam("window") String window, @QueryParam("category") String category,
            @QueryParam("district") String district, @QueryParam("site") String site,
            @QueryParam("owner") String owner, @QueryParam("text") String text) {
        DueList.Query query = new DueList.Query(window(window), category, district, site, owner, text, null, true);
        return XlsxExport.of("due.xlsx", "到期清单 Due list", List.of("下次检定日期 Due", "剩余天数 Days left",
                        "使用单位代码 Owner code", "使用单位 Owner", "区县 District", "使用地点 Site", "类别 Category",
                        "器具名称 Instrument", "制造单位 Manufacturer", "型号 Model", "出厂编号 Serial no.",
                        "资产编号 Asset no.", "上次检定 Last verified", "上次证书 Last certificate"),
                DueList.MAX_PAGE, (first, max) -> list.page(query, first, max).rows(),
                r -> java.util.Arrays.asList(String.valueOf(r.nextDueDate()), String.valueOf(r.daysLeft()),
                        r.ownerCode(), r.ownerName(), r.district(), r.site(), r.categoryName(), r.description(),
                        r.manufacturer(), r.model(), r.serialNumber(), r.assetNumber(),
                        r.lastVerifiedOn() == null ? null : r.lastVerifiedOn().toString(), r.lastCertificate()));
    }

    static DueWindow window(String value) {
        if (value == null || value.isBlank()) {
            return DueWindow.ALL;
        }
        try {
            return DueWindow.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(400, "error.due.window", FrameQueryParams.abbreviated(value),
                    java.util.Arrays.toString(DueWindow.values()));
        }
    }
}
