package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.fee.FreeVerificationReport;
import org.jiliang.lims.targets.PolicyTargets;
import org.jiliang.lims.schedule.ComplianceFigures;

/**
 * The policy's figures: 受检率, pass rate and turnaround for a year, by month, category or district (issue 12); the
 * free-verification report (issue 15).
 */
@Tag(name = LimsApi.Tags.FIGURES)
@Path("figures")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {

    @Inject
    private ComplianceFigures figures;
    @Inject
    private FreeVerificationReport freeVerification;
    @Inject
    private PolicyTargets targets;
    @Inject
    private Clock clock;

    @GET
    @Path("compliance")
    public ComplianceFigures.Figures compliance(@QueryParam("year") Integer year, @QueryParam("by") String by,
            @QueryParam("category") String category, @QueryParam("district") String district) {
        return figures.of(new ComplianceFigures.Query(year(year),
                grouping(by), category, district));
    }

    /**
     * The free-verification report for the finance department (issue 15): per programme, district and month, the
     * jobs done free of charge and the fees waived.
     */
    @GET
    @Path("free-verification")
    @Operation(summary = "Jobs done free of charge and fees waived, per programme, district and month of a year")
    public FreeVerificationReport.Report freeVerification(@QueryParam("year") Integer year) {
        return freeVerification.of(year(year));
    }

    /** The same report as an .xlsx workbook: a line per programme, district and month, then the totals. */
    @GET
    @Path("free-verification.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @Operation(summary = "The free-verification report as an .xlsx workbook, with each programme's and the year's total")
    public Response freeVerificationXlsx(@QueryParam("year") Integer year) {
        FreeVerificationReport.Report report = freeVerification.of(year(year));
        List<FreeVerificationReport.Line> lines = new ArrayList<>(report.lines());
        lines.addAll(report.programmes());
        lines.add(report.total());
        return XlsxExport.of("free-verification-" + report.year() + ".xlsx", "免费检定 Free verification " + report.year(),
                List.of("免费检定项目 Programme", "区县 District", "月份 Month", "完成件数 Jobs done",
                        "免收金额（元） Fees waived (CNY)", "其中无价目 Of which unpriced"),
                lines, l -> Arrays.asList(l.programme() == null ? "合计 Total" : l.programme(),
                        l.district() == null ? (l.month() == null ? "" : "未登记 Not recorded") : l.district(),
                        l.month() == null ? "合计 Total" : l.month(), l.jobs(), l.waived(), l.unpriced()));
    }

    /**
     * Every target of the municipal policy for a year, the whole region or one district, each against its threshold
     * (issue 15).
     */
    @GET
    @Path("targets")
    @Operation(summary = "Every target of the policy for a year and the region or a district, against its threshold")
    public PolicyTargets.Dashboard targets(@QueryParam("year") Integer year, @QueryParam("district") String district) {
        return targets.of(year(year), district(district));
    }

    /** The same as an .xlsx workbook: one line per target. */
    @GET
    @Path("targets.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @Operation(summary = "The policy's targets as an .xlsx workbook")
    public Response targetsXlsx(@QueryParam("year") Integer year, @QueryParam("district") String district) {
        PolicyTargets.Dashboard d = targets.of(year(year), district(district));
        List<PolicyTargets.Figure> figures = d.figures();
        return XlsxExport.of("targets-" + d.year() + ".xlsx", "目标 Targets " + d.year(),
                List.of("目标 Target", "Target", "区县 District", "数值 Value", "计数 Counted", "总数 Of",
                        "阈值 Threshold", "达到 Met", "说明 Note"),
                figures, f -> Arrays.asList(f.target().nameZh(), f.target().nameEn(),
                        d.district() == null ? "全地区 Region" : d.district(), f.value(), f.counted(), f.of(),
                        f.target().threshold(), f.met() == null ? "" : f.met() ? "是 yes" : "否 no",
                        f.unmeasured() == null ? "" : org.jiliang.lims.platform.Messages.format(java.util.Locale.CHINESE,
                                f.unmeasured()) + " / " + org.jiliang.lims.platform.Messages.format(
                                java.util.Locale.ENGLISH, f.unmeasured())));
    }

    private static String district(String district) {
        return district == null || district.isBlank() ? null : district.strip();
    }

    private int year(Integer year) {
        return year == null ? LocalDate.now(clock).getYear() : year;
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
