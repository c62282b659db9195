package org.jiliang.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corrected revision says under its number which certificate it replaces, of which day, and why, in both languages
 * (ISO/IEC 17025 §7.8.8.2) — on every kind of document; an original says nothing of the kind.
 */
@Timeout(120)
class RevisionTest {

    private static final CertificateRenderer RENDERER = new CertificateRenderer();
    private static final Revision REVISION = new Revision("JH-J2026-011523", LocalDate.of(2026, 11, 2),
            "出厂编号录入错误 / serial number entered wrongly: {0} 'A-17'");

    static Stream<Function<Revision, byte[]>> everyKind() {
        return Stream.of(
                r -> RENDERER.renderPdf(SampleCertificate.verificationCertificate(), r),
                r -> RENDERER.renderPdf(SampleCertificate.nonConformityNotice(), r),
                r -> RENDERER.renderPdf(SampleCertificate.calibrationCertificate(), r),
                r -> RENDERER.renderPdf(CheckRecordTest.sample(List.of(new CheckResultLine("1 kg",
                        "1000.00011 1000.00013 1000.00012 g", org.jiliang.reports.Quantity.of("1000.00012", "g"), null,
                        "控制限内 within the control limits", true)), "合格 / passed"), r));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void aRevisionNamesWhatItReplacesAndWhyInBothLanguages(Function<Revision, byte[]> render) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(render.apply(REVISION))) {
            // a long line wraps anywhere, even inside a Chinese word: compare without any blank or line break
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains(Stream.of("本证书替代 2026-11-02 签发的证书 JH-J2026-011523，原证书作废。",
                    "This certificate replaces certificate JH-J2026-011523 of 2026-11-02, which is no longer valid.",
                    // the reason once, exactly as written: braces and quotes are text, not a pattern
                    "修订原因 Reason for the revision: 出厂编号录入错误 / serial number entered wrongly: {0} 'A-17'")
                    .map(expected -> expected.replaceAll("\\s+", "")).toArray(String[]::new));
        }
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void anOriginalStatesNoRevision(Function<Revision, byte[]> render) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(render.apply(null))) {
            assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("替代", "replaces certificate");
        }
    }

    @Test
    void theRevisedVerificationCertificateKeepsItsConclusionOnTheFirstPage() throws IOException {
        byte[] bytes = RENDERER.renderPdf(SampleCertificate.verificationCertificate(), REVISION);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setStartPage(1);
            firstPage.setEndPage(1);
            String text = firstPage.getText(pdf);
            assertThat(text).contains("JH-J2026-011523", "Conclusion", "合格");
            try (PDDocument original = Loader.loadPDF(RENDERER.renderPdf(
                    SampleCertificate.verificationCertificate()))) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(original.getNumberOfPages());
            }
        }
    }
}
