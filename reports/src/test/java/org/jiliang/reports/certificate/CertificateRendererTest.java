package org.jiliang.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.reports.certificate.RenderedPdf.assertFontsEmbeddedCjk;
import static org.jiliang.reports.certificate.RenderedPdf.assertPageNumbers;
import static org.jiliang.reports.certificate.RenderedPdf.decodeQr;
import static org.jiliang.reports.certificate.RenderedPdf.images;
import static org.jiliang.reports.certificate.RenderedPdf.pageText;
import static org.jiliang.reports.certificate.RenderedPdf.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jiliang.reports.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(120)
class CertificateRendererTest {

    private final CertificateRenderer renderer = new CertificateRenderer();

    static Stream<CertificateDocument> samples() {
        return Stream.of(SampleCertificate.verificationCertificate(), SampleCertificate.nonConformityNotice());
    }

    @Test
    void verificationCertificateShowsNumberTitleCustomerValuesVerdictStandardsAndSigners() throws IOException {
        CertificateDocument doc = SampleCertificate.verificationCertificate();

        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(doc))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("JH-J2026-011523", "检定证书", "Verification Certificate");
            assertThat(text).contains("华东食品有限公司", "数字指示秤 Digital indicating scale", "JJG 539-2016");
            assertThat(text).contains("15 kg", "5 g", "20.3 °C", "55 %RH");
            assertThat(text).contains("Load (g)", "Indication (g)", "Error / result (g)", "MPE / requirement (g)");
            assertThat(text).contains("1000 e 5000 5000 -1.5 ±5 合格 Pass");
            assertThat(text).contains("3000 e (Max) 15000 15005 +4.5 ±7.5 合格 Pass");
            assertThat(text).contains("合格  Pass", "Valid until", "2027-11-19");
            assertThat(text).contains("M1 等级砝码", "JH-BZ-0112", "JHJL2026-Z-00815", "2027-03-14");
            assertThat(text).contains("检定员 Performed by 王建国", "核验员 Checked by 李晓梅", "批准人 Approved by 陈志远");
            assertThat(text).contains(doc.verificationUrl());
            assertThat(text).doesNotContain("不合格", "检定结果通知书");
            assertThat(pdf.getDocumentInformation().getTitle()).contains("JH-J2026-011523");
        }
    }

    @Test
    void noticeOfNonConformityShowsFailAndEveryNonConformity() throws IOException {
        CertificateDocument doc = SampleCertificate.nonConformityNotice();

        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(doc))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("JH-T2026-000347", "检定结果通知书", "Notice of Non-conformity");
            assertThat(text).contains("华东食品有限公司", "不合格  Fail", "Non-conformities");
            assertThat(text).contains("1. 3000 e (15000 g): 误差 +9.0 g 超出最大允许误差 ±7.5 g");
            assertThat(text).contains("3000 e (Max) 15000 15010 +9.0 ±7.5 不合格 Fail");
            assertThat(text).contains("500 e 2500 2505 +2.0 ±2.5 合格 Pass");
            assertThat(text).contains("M1 等级砝码", "JHJL2026-Z-00815");
            assertThat(text).contains("王建国", "李晓梅", "陈志远");
            assertThat(text).doesNotContain("检定证书", "Verification Certificate");
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyFontIsEmbeddedAndTheTextIsInTheCjkFont(CertificateDocument doc) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(doc))) {
            assertFontsEmbeddedCjk(pdf);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void qrCodeOnTheFirstPageDecodesToTheVerificationUrl(CertificateDocument doc) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(doc))) {
            assertThat(images(pdf.getPage(0))).as("drawn as vectors, no raster image").isEmpty();
            assertThat(decodeQr(pdf, 0)).isEqualTo(doc.verificationUrl());
        }
    }

    @Test
    void theQrCodeIsOneFilledPathInAFormOfItsOwnExactAtAnyScale() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(SampleCertificate.verificationCertificate()))) {
            var resources = pdf.getPage(0).getResources();
            List<PDFormXObject> forms = new ArrayList<>();
            for (var name : resources.getXObjectNames()) {
                var object = resources.getXObject(name);
                assertThat(object).as("no raster image on the page").isNotInstanceOf(PDImageXObject.class);
                if (object instanceof PDFormXObject form) {
                    forms.add(form);
                }
            }
            assertThat(forms).hasSize(1);
            String drawing = new String(forms.get(0).getContentStream().toByteArray(), StandardCharsets.US_ASCII);
            // the white ground, then black and every dark module in one path with a single fill: separate fills
            // leave seams between adjacent modules in anti-aliased viewers
            assertThat(drawing.lines().filter(line -> line.equals("f") || line.equals("f*")))
                    .as("fills: the ground and the modules").hasSize(2);
            assertThat(drawing).contains("0 0 0 rg").doesNotContain(" Do");
        }
    }

    @Test
    void eachCertificateGetsItsOwnQrCode() throws Exception {
        String url = "https://verify.jianghai-metrology.example.cn/c/JH-J2026-099999?k=00000001";
        CertificateDocument other = CertificateDocuments.withNumberAndUrl(
                SampleCertificate.verificationCertificate(), "JH-J2026-099999", url);

        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(other))) {
            assertThat(decodeQr(pdf, 0)).isEqualTo(url);
            assertThat(new PDFTextStripper().getText(pdf)).contains("JH-J2026-099999", url);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyPageSaysWhichPageOfHowManyItIs(CertificateDocument doc) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(doc))) {
            assertPageNumbers(pdf);
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
        }
    }

    @Test
    void longResultTableContinuesOnFurtherPagesWithItsColumnHeader() throws IOException {
        List<ResultRow> rows = IntStream.rangeClosed(1, 80)
                .mapToObj(i -> new ResultRow(i * 25 + " e", Quantity.of(String.valueOf(i * 125), "g"),
                        Quantity.of(String.valueOf(i * 125), "g"), Quantity.of("0.5", "g"),
                        Quantity.of(i <= 20 ? "2.5" : "5", "g"), true))
                .toList();
        CertificateDocument doc = CertificateDocuments.withResults(SampleCertificate.verificationCertificate(), rows);

        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(doc))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertPageNumbers(pdf);
            String lastPage = pageText(pdf, pdf.getNumberOfPages());
            assertThat(lastPage).contains("Indication (g)", "2000 e 10000 10000 +0.5 ±5 合格 Pass", "(End of certificate)");
        }
    }

    @Test
    void cellWhoseUnitDiffersFromItsColumnShowsItsOwnUnit() throws IOException {
        CertificateDocument sample = SampleCertificate.verificationCertificate();
        List<ResultRow> rows = new ArrayList<>(sample.results());
        rows.add(new ResultRow("3000 e", Quantity.of("15", "kg"), Quantity.of("15005", "g"),
                Quantity.of("4.5", "g"), Quantity.of("7.5", "g"), true));

        String text = text(renderer.renderPdf(CertificateDocuments.withResults(sample, rows)));

        assertThat(text).contains("Load (g)", "3000 e 15 kg 15005 +4.5 ±7.5 合格 Pass");
    }

    /**
     * Issue 11: a discrimination row printed its change of indication as an error beside ±MPE, a repeatability row
     * its spread. Each value now says what it is, beside the requirement it is held to.
     */
    @Test
    void aSpreadAndAChangeOfIndicationSayWhatTheyAreBesideTheirRequirement() throws IOException {
        CertificateDocument sample = SampleCertificate.verificationCertificate();
        List<ResultRow> rows = new ArrayList<>(sample.results());
        rows.add(new ResultRow("R 50%", Quantity.of("7500", "g"), Quantity.of("7505", "g"), Quantity.of("5", "g"),
                "Emax − Emin", null, "≤ 5 g", true));
        rows.add(new ResultRow("D Max", Quantity.of("15000", "g"), Quantity.of("15005", "g"), Quantity.of("5", "g"),
                "ΔI", null, "≥ 5 g", true));

        String text = text(renderer.renderPdf(CertificateDocuments.withResults(sample, rows)));

        assertThat(text).contains("R 50% 7500 7505 Emax − Emin = 5 ≤ 5 g 合格 Pass",
                "D Max 15000 15005 ΔI = 5 ≥ 5 g 合格 Pass");
    }

    @Test
    void unrecordedEnvironmentIsPrintedAsADash() throws IOException {
        CertificateDocument doc = CertificateDocuments.withEnvironment(SampleCertificate.verificationCertificate(), null);

        String text = text(renderer.renderPdf(doc));

        assertThat(text).containsPattern("Ambient temperature\\R—\\R").containsPattern("Relative humidity\\R—\\R");
    }

    @Test
    void oneRendererServesConcurrentRequests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            Map<Future<String>, String> expectedNumber = new HashMap<>();
            for (int i = 0; i < 8; i++) {
                CertificateDocument doc = i % 2 == 0
                        ? SampleCertificate.verificationCertificate()
                        : SampleCertificate.nonConformityNotice();
                Future<String> future = pool.submit(() -> text(renderer.renderPdf(doc)));
                futures.add(future);
                expectedNumber.put(future, doc.number());
            }
            for (Future<String> future : futures) {
                assertThat(future.get()).contains(expectedNumber.get(future), "第 2 页 共 2 页");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
