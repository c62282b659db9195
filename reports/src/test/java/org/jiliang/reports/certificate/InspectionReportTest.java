package org.jiliang.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.reports.certificate.RenderedPdf.assertFontsEmbeddedCjk;
import static org.jiliang.reports.certificate.RenderedPdf.assertPageNumbers;
import static org.jiliang.reports.certificate.RenderedPdf.text;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jiliang.reports.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The report of a net-content inspection (定量包装商品净含量计量检验报告, JJF 1070): what the trader and the supervision
 * authority read on it — the product, Q_n and T, the lot and its plan, the tare, each package's figures, the statistics
 * and the verdict — and, for a failed lot only, the notice to the trader on a page of its own.
 */
@Timeout(120)
class InspectionReportTest {

    private final CertificateRenderer renderer = new CertificateRenderer();

    static InspectionReport sample(CertificateKind kind, List<String> reasons, String noticeZh, String noticeEn) {
        return sample(kind, InspectionReport.Weighed.PACKAGES, reasons, noticeZh, noticeEn);
    }

    static InspectionReport sample(CertificateKind kind, InspectionReport.Weighed weighed, List<String> reasons,
            String noticeZh, String noticeEn) {
        ZoneOffset china = ZoneOffset.ofHours(8);
        return new InspectionReport(kind, "JHJL2026-000003", LocalDate.of(2026, 12, 6),
                new Laboratory("江海市计量检定测试院", "Jianghai Institute of Metrology and Testing", "江海市科技路 88 号"),
                new Customer("华东食品有限公司", "江海市工业园 3 号"), "白砂糖 / white sugar, 华东牌, 500 g 袋装",
                "500 g；T = 15 g（JJF 1070-2023：mass 500 g < Q_n ≤ 1000 g: 15 g）", "HD-20261201，N = 40",
                "N = 40：n = 10，λ = 1.028，超出 T 的样本至多 0 件", "平均皮重，10 个空包装 / average tare of 10 packagings:"
                        + " 5.02 g", "JJF 1070-2023 定量包装商品净含量计量检验规则", "华东食品有限公司 成品库，2026-12-01",
                LocalDate.of(2026, 12, 5), new Environment(Quantity.of("21.5", "°C"), Quantity.of("45", "%RH")), "g", "g",
                weighed,
                List.of(new InspectionReport.PackageLine("1", "506.31", "5.02", "501.29", "−1.29", "≤ T",
                        conditions(weighed, "125 s", "25.5 °C")),
                        kind == CertificateKind.NET_CONTENT_NOTICE
                                ? new InspectionReport.PackageLine("2", "474.10", "5.02", "469.08", "30.92", "> 2T",
                                        conditions(weighed, "2.5 min", "296.65 K"))
                                : new InspectionReport.PackageLine("2", "494.10", "5.02", "489.08", "10.92", "≤ T",
                                        conditions(weighed, "2.5 min", "296.65 K"))),
                "样本平均实际含量 mean 485.19 g, s = 22.77 g, Q_n − λ·s = 476.6 g", reasons, noticeZh, noticeEn,
                List.of(new StandardUsed("电子天平 1100 g / balance", "BAL-2025-009", "I", "JZJ2026-07001",
                        LocalDate.of(2027, 6, 30))),
                List.of(new SignatureLine("检验员 Inspected by", "张伟", OffsetDateTime.of(2026, 12, 5, 10, 5, 0, 0, china)),
                        new SignatureLine("批准人 Approved by", "王强", OffsetDateTime.of(2026, 12, 6, 9, 0, 0, 0, china))),
                "https://lims.example/verify/abc");
    }

    /** What the bench typed at a thawed package's weighing, as the report prints it; none for packages. */
    private static String conditions(InspectionReport.Weighed weighed, String drained, String water) {
        return weighed == InspectionReport.Weighed.PACKAGES ? null
                : "解冻水温 " + water + "，沥干时间 " + drained + " / thawing water's temperature " + water
                        + ", draining time " + drained;
    }

    @Test
    void aLotThatPassedStatesEveryPackageAndTheVerdictWithoutANotice() throws IOException {
        String text = text(renderer.renderPdf(sample(CertificateKind.NET_CONTENT_REPORT, List.of(), null, null)))
                .replaceAll("\\s+", " ");
        assertThat(text).contains("定量包装商品净含量计量检验报告", "Report of a Net-Content Inspection of Prepackages",
                "JHJL2026-000003", "华东食品有限公司", "白砂糖", "T = 15 g", "HD-20261201", "λ = 1.028",
                "average tare of 10 packagings", "JJF 1070-2023", "2026-12-05", "21.5 °C", "506.31", "501.29", "10.92",
                "≤ T", "mean 485.19 g", "检验结论 Verdict on the lot: 合格 Passed", "BAL-2025-009", "张伟",
                "https://lims.example/verify/abc", "不是检定证书或校准证书");
        assertThat(text).doesNotContain("不合格通知书", "Notice of a Failed");
    }

    @Test
    void theColumnsSayWhatWasWeighedPackagesOrSieves() throws IOException {
        String packages = text(renderer.renderPdf(sample(CertificateKind.NET_CONTENT_REPORT,
                InspectionReport.Weighed.PACKAGES, List.of(), null, null))).replaceAll("\\s+", " ");
        assertThat(packages).contains("毛重 Gross (g)", "皮重 Tare (g)").doesNotContain("筛", "Sieve");
        String sieves = text(renderer.renderPdf(sample(CertificateKind.NET_CONTENT_REPORT,
                InspectionReport.Weighed.ON_SIEVES, List.of(), null, null))).replaceAll("\\s+", " ");
        assertThat(sieves).contains("筛与沥干产品", "Sieve and drained product", "筛（空称）", "Sieve, empty")
                .doesNotContain("毛重", "Gross");
        // each package's conditions as typed at its weighing, on a line under its own figures
        assertThat(sieves).containsSubsequence("506.31", "501.29", "≤ T", "解冻水温 25.5 °C，沥干时间 125 s",
                "thawing water's temperature 25.5 °C, draining time 125 s", "494.10", "489.08", "≤ T",
                "解冻水温 296.65 K，沥干时间 2.5 min", "thawing water's temperature 296.65 K, draining time 2.5 min",
                "mean 485.19 g");
        assertThat(packages).doesNotContain("沥干时间", "thawing water");
    }

    @Test
    void aFailedLotStatesItsReasonsAndEndsWithTheNoticeOnAPageOfItsOwn() throws IOException {
        byte[] pdf = renderer.renderPdf(sample(CertificateKind.NET_CONTENT_NOTICE,
                List.of("1 件样本的短缺量大于 2T（30 g）/ 1 package short by more than 2T (30 g)"),
                "华东食品有限公司：贵单位的白砂糖净含量检验不合格。", "To 华东食品有限公司: your white sugar failed."));
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("不合格 Failed", "1 package short by more than 2T (30 g)", "30.92", "> 2T",
                "定量包装商品净含量计量检验不合格通知书", "Notice of a Failed Net-Content Inspection",
                "贵单位的白砂糖净含量检验不合格", "your white sugar failed");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int last = document.getNumberOfPages();
            assertThat(RenderedPdf.pageText(document, last)).contains("不合格通知书", "your white sugar failed")
                    .doesNotContain("样本单位的检验结果");
            assertThat(RenderedPdf.pageText(document, last - 1)).doesNotContain("不合格通知书");
            assertPageNumbers(document);
            assertFontsEmbeddedCjk(document);
        }
    }

    @Test
    void aFailedLotWithoutReasonsOrAPassedLotWithANoticeIsRefused() {
        assertThatThrownBy(() -> sample(CertificateKind.NET_CONTENT_NOTICE, List.of(), "x", "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reasons and the notice");
        assertThatThrownBy(() -> sample(CertificateKind.NET_CONTENT_REPORT, List.of(), "x", "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reasons and the notice");
        assertThatThrownBy(() -> sample(CertificateKind.VERIFICATION_CERTIFICATE, List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an inspection report is");
    }
}
