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
 * The intermediate check record (期间核查记录, JJF 1033): what a quality manager reads on it — which standard was
 * checked against which check standard, by which criterion, on which day, each point's readings, mean and
 * judgement, the outcome — and that it says it is neither a verification nor a calibration certificate.
 */
@Timeout(120)
class CheckRecordTest {

    private final CertificateRenderer renderer = new CertificateRenderer();

    static CheckRecord sample(List<CheckResultLine> results, String outcome) {
        ZoneOffset china = ZoneOffset.ofHours(8);
        return new CheckRecord("JHHC2026-000007", LocalDate.of(2026, 12, 4),
                new Laboratory("江海市计量检定测试院", "Jianghai Institute of Metrology and Testing", "江海市科技路 88 号"),
                new Customer("江海市计量检定测试院（本院）", "江海市科技路 88 号"),
                "STD-E2-005 E2 等级砝码 1 kg / E2 reference weight 1 kg", "核查砝码 1 kg CW-E2-01",
                "JJF 1033-2016 计量标准考核规范 §4.2.5 期间核查", "均值–极差控制图，控制限 / mean–range chart,"
                        + " control limits",
                LocalDate.of(2026, 12, 3), "本院质量实验室 Mass laboratory",
                new Environment(Quantity.of("20.1", "°C"), Quantity.of("48", "%RH")), results, outcome,
                List.of(new StandardUsed("E2 等级砝码 1 kg E2 reference weight 1 kg", "WS-E2-2022-008", "E2",
                        "JZJ2026-02217", LocalDate.of(2027, 8, 5))),
                List.of(new SignatureLine("核查员 Checked by", "张伟", OffsetDateTime.of(2026, 12, 3, 10, 5, 0, 0, china)),
                        new SignatureLine("核验员 Reviewed by", "李娜", OffsetDateTime.of(2026, 12, 3, 14, 0, 0, 0,
                                china)),
                        new SignatureLine("批准人 Approved by", "王强", OffsetDateTime.of(2026, 12, 4, 9, 0, 0, 0,
                                china))),
                "https://lims.example/verify/abc");
    }

    @Test
    void statesTheStandardTheCheckStandardTheCriterionEachPointAndTheOutcome() throws IOException {
        CheckRecord record = sample(List.of(
                new CheckResultLine("1 kg", "1000.00011 1000.00013 1000.00012 g", Quantity.of("1000.00012", "g"),
                        null, "控制限内 within the control limits", true),
                new CheckResultLine("500 g", "500.00032 500.00031 500.00033 g", Quantity.of("500.00032", "g"),
                        "500.00010 g (U = 0.00008 g)", "E_n = 2.75", false)),
                "超差：核查点 500 g |E_n| > 1 / Out of tolerance: point 500 g |E_n| > 1");
        // a cell may wrap: compare with every run of blanks and line breaks as one blank
        String text = text(renderer.renderPdf(record)).replaceAll("\\s+", " ");
        assertThat(text).contains("期间核查记录", "Intermediate Check Record", "JHHC2026-000007",
                "STD-E2-005", "核查砝码 1 kg CW-E2-01", "JJF 1033-2016", "2026-12-03", "20.1 °C",
                "1000.00011 1000.00013 1000.00012 g", "1000.00012 g", "控制限内", "合格 Passed",
                "500.00010 g (U = 0.00008 g)", "E_n = 2.75", "不合格 Failed",
                "Out of tolerance: point 500 g", "张伟", "王强", "https://lims.example/verify/abc");
        assertThat(text).contains("不是检定证书或校准证书", "neither a verification nor a calibration certificate")
                .doesNotContain("Calibration Certificate");
    }

    @Test
    void everyPageSaysWhichPageOfHowManyItIsAndEveryFontIsEmbedded() throws IOException {
        CheckRecord record = sample(List.of(new CheckResultLine("1 kg", "1000.00011 g",
                Quantity.of("1000.00011", "g"), null, "基期 base period", true)), "基期 / base period");
        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(record))) {
            assertPageNumbers(pdf);
            assertFontsEmbeddedCjk(pdf);
        }
    }

    @Test
    void aRecordWithoutAnyPointIsRefusedBeforeRendering() {
        assertThatThrownBy(() -> sample(List.of(), "—")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one check point");
    }
}
