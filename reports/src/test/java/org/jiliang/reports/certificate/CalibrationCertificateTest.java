package org.jiliang.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.reports.certificate.RenderedPdf.assertFontsEmbeddedCjk;
import static org.jiliang.reports.certificate.RenderedPdf.assertPageNumbers;
import static org.jiliang.reports.certificate.RenderedPdf.decodeQr;
import static org.jiliang.reports.certificate.RenderedPdf.images;
import static org.jiliang.reports.certificate.RenderedPdf.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jiliang.reports.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The calibration certificate (校准证书): values with their expanded uncertainty, coverage factor and
 * probability, the uncertainty budget, and a statement of conformity only when one was requested.
 * It never prints the legal verdict 合格 / 不合格: conformity is stated as 符合 / 不符合 with its rule.
 */
@Timeout(120)
class CalibrationCertificateTest {

    private final CertificateRenderer renderer = new CertificateRenderer();

    // --- what the PDF says

    @Test
    void showsTitleNumberItemSpecificationMethodAndConditions() throws IOException {
        CalibrationCertificate doc = SampleCertificate.calibrationCertificate();

        String text = text(renderer.renderPdf(doc));

        assertThat(text).contains("校准证书", "Calibration Certificate", "JH-C2026-000815");
        assertThat(text).contains("华东食品有限公司", "砝码 Weights (M1)", "W-2411-07, W-2411-08", "10 kg, 5 kg");
        assertThat(text).contains("校准依据", "Calibration specification", "JJG 99-2006 / OIML R 111-1:2004 《砝码》 Weights");
        assertThat(text).contains("校准方法", "ABBA 循环直接比较法", "Date of calibration", "2026-11-23", "2026-11-24");
        assertThat(text).contains("20.4 °C", "48 %RH", "Air pressure", "1008.6 hPa", "Air density", "1.1922 kg/m³");
        assertThat(text).contains("F2 等级砝码", "JHJL2026-Z-00731", "校准员 Calibrated by 赵立新", "批准人 Approved by 陈志远");
    }

    @Test
    void statesEachValueWithItsExpandedUncertaintyCoverageFactorAndProbability() throws IOException {
        String text = text(renderer.renderPdf(SampleCertificate.calibrationCertificate()));

        assertThat(text).contains("Measured value", "Expanded", "Coverage", "probability");
        assertThat(text).contains("10 kg 10000.025 g 59 mg k = 2 ≈95 %", "5 kg 4999.988 g 30 mg k = 2 ≈95 %");
        assertThat(text).contains("约定质量", "Conventional mass", "10 kg 砝码 W-2411-07");
        assertThat(text).contains("coverage factor k; p is the coverage probability");
    }

    @Test
    void printsTheUncertaintyBudgetOfEachResult() throws IOException {
        String text = text(renderer.renderPdf(SampleCertificate.calibrationCertificate()));

        assertThat(text).contains("测量不确定度分析  Uncertainty budget", "Source of uncertainty", "Degrees of");
        assertThat(text).contains("10 kg 砝码 W-2411-07 — 约定质量 Conventional mass");
        assertThat(text).contains("参考砝码 Reference weight m_cr 10000.004 g 25.0 mg 1 25.0 mg ∞");
        assertThat(text).contains("称量过程 Weighing process (ABBA, n = 3) +21 mg 8.7 mg 1 8.7 mg 2");
        assertThat(text).contains("Combined standard uncertainty u_c 29.3 mg",
                "Effective degrees of freedom ν_eff 257", "Expanded uncertainty U 59 mg  (k = 2)");
        assertThat(text).contains("5 kg 砝码 W-2411-08 — 约定质量 Conventional mass", "Combined standard uncertainty u_c 15.0 mg");
        assertThat(text.split("Uncertainty budget", -1)).as("one section title for all budgets").hasSize(2);
    }

    @Test
    void statesConformityWithTheLimitTheDecisionRuleItsBoundaryConventionAndRisk() throws IOException {
        String text = text(renderer.renderPdf(SampleCertificate.calibrationCertificate()));

        assertThat(text).contains("符合性声明  Statement of conformity");
        assertThat(text).contains("10 kg 砝码 W-2411-07 10000.025 g 59 mg ±500 mg", "5 kg 砝码 W-2411-08 4999.988 g 30 mg ±250 mg");
        assertThat(text).contains("符合 OIML R 111-1:2004 M1 等级要求", "Conforms to class M1 of OIML R 111-1:2004");
        assertThat(text).contains("Decision rule", "保护带接受，w = U", "Guarded acceptance, w = U", "ILAC-G8:09/2019 4.2.2");
        assertThat(text).contains("A result exactly on the acceptance limit", "Probability of false acceptance < 2.5");
    }

    @Test
    void carriesNoLegalVerdict() throws IOException {
        String text = text(renderer.renderPdf(SampleCertificate.calibrationCertificate()));

        // 合格 / 不合格 is the verdict of a legal verification; a calibration conforms (符合) or does not (不符合).
        assertThat(text).doesNotContain("合格", "Pass", "Fail", "Conclusion", "检定证书", "Verification Certificate");
    }

    @Test
    void nonBinaryRuleStatesEachOfItsFourOutcomesWithoutTheLegalVerdict() throws IOException {
        CalibrationCertificate sample = SampleCertificate.calibrationCertificate();
        CalibrationResult r = sample.results().get(0);
        List<CalibrationResult> rows = new ArrayList<>();
        for (ConformityOutcome outcome : ConformityOutcome.values()) {
            rows.add(new CalibrationResult("10 kg " + outcome, r.quantity(), r.nominalValue(), r.measuredValue(),
                    r.expandedUncertainty(), r.coverageFactor(), r.coverageProbability(),
                    ConformityDecision.withinPlusMinus(Quantity.of("500", "mg"), outcome), null));
        }
        CalibrationCertificate doc = with(sample, rows, new ConformityStatement("M1 等级要求", "class M1",
                DecisionRule.NON_BINARY, "恰在限上判为符合 On a limit conforms", "见 ILAC-G8 See ILAC-G8"));

        String text = text(renderer.renderPdf(doc));

        assertThat(text).contains("非二元判定，保护带 w = U", "Non-binary statement, guard band w = U", "4.2.3");
        assertThat(text).contains("符合 M1 等级要求", "Conforms to class M1");
        assertThat(text).contains("有条件符合 M1 等级要求", "Conditional pass against class M1");
        assertThat(text).contains("有条件不符合 M1 等级要求", "Conditional fail against class M1");
        assertThat(text).contains("不符合 M1 等级要求", "Does not conform to class M1");
        assertThat(text).doesNotContain("合格");
    }

    @Test
    void withoutARequestedStatementOrBudgetOnlyTheValuesAndUncertaintiesArePrinted() throws IOException {
        CalibrationCertificate sample = SampleCertificate.calibrationCertificate();
        CalibrationCertificate doc = with(sample, map(sample.results(), r -> new CalibrationResult(r.item(),
                r.quantity(), r.nominalValue(), r.measuredValue(), r.expandedUncertainty(), r.coverageFactor(),
                r.coverageProbability(), null, null)), null);

        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(doc))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("10 kg 10000.025 g 59 mg k = 2 ≈95 %", "(End of certificate)");
            assertThat(text).doesNotContain("Statement of conformity", "符合性声明", "Decision rule", "±500 mg",
                    "Uncertainty budget", "Source of uncertainty", "合格");
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertPageNumbers(pdf);
        }
    }

    @Test
    void aResultWithoutNominalValueAndUnrecordedAirArePrintedAsDashes() throws IOException {
        CalibrationCertificate sample = SampleCertificate.calibrationCertificate();
        CalibrationResult r = sample.results().get(0);
        CalibrationResult noNominal = new CalibrationResult(r.item(), r.quantity(), null, r.measuredValue(),
                r.expandedUncertainty(), r.coverageFactor(), r.coverageProbability(), r.conformity(), r.budget());
        CalibrationCertificate doc = new CalibrationCertificate(sample.number(), sample.issueDate(), sample.laboratory(),
                sample.customer(), sample.item(), sample.specification(), sample.method(), sample.calibrationDate(),
                sample.placeOfCalibration(), new Environment(Quantity.of("20.4", "°C"), Quantity.of("48", "%RH")),
                List.of(noNominal), sample.standards(), sample.conformityStatement(), sample.signatures(),
                sample.verificationUrl());

        String text = text(renderer.renderPdf(doc));

        assertThat(text).containsPattern("Air pressure\\R—\\R").containsPattern("Air density\\R—\\R");
        assertThat(text).contains("— 10000.025 g 59 mg k = 2 ≈95 %");
    }

    @Test
    void everyPageSaysWhichPageOfHowManyItIsAndEveryFontIsEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(SampleCertificate.calibrationCertificate()))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertPageNumbers(pdf);
            assertFontsEmbeddedCjk(pdf);
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("校准证书 Calibration Certificate JH-C2026-000815");
        }
    }

    @Test
    void qrCodeOnTheCoverDecodesToTheVerificationUrl() throws Exception {
        CalibrationCertificate doc = SampleCertificate.calibrationCertificate();

        try (PDDocument pdf = Loader.loadPDF(renderer.renderPdf(doc))) {
            assertThat(images(pdf.getPage(0))).as("drawn as vectors, no raster image").isEmpty();
            assertThat(decodeQr(pdf, 0)).isEqualTo(doc.verificationUrl())
                    .isEqualTo("https://verify.jianghai-metrology.example.cn/c/JH-C2026-000815?k=7f3a9c51");
        }
    }

    // --- what cannot be built

    @Test
    void aCalibrationCertificateHasNoPlaceForALegalVerdictAndAVerificationCertificateNoneForUncertainty() {
        assertThat(componentTypes(CalibrationCertificate.class)).doesNotContain(Conclusion.class, Verdict.class);
        assertThat(componentTypes(CalibrationResult.class)).doesNotContain(Verdict.class, boolean.class, Boolean.class);
        assertThat(componentTypes(ResultRow.class)).doesNotContain(UncertaintyBudget.class, ConformityDecision.class);
        assertThat(Arrays.stream(ResultRow.class.getRecordComponents()).map(c -> c.getName()))
                .noneMatch(name -> name.toLowerCase().contains("uncertainty"));
        assertThat(SampleCertificate.calibrationCertificate().kind()).isEqualTo(CertificateKind.CALIBRATION_CERTIFICATE);
    }

    @Test
    void rejectsConformityWithoutADecisionRule() {
        CalibrationCertificate sample = SampleCertificate.calibrationCertificate();

        assertThatThrownBy(() -> with(sample, sample.results(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 kg 砝码 W-2411-07")
                .hasMessageContaining("names no decision rule");
    }

    @Test
    void rejectsAStatementOfConformityThatAppliesToNoResult() {
        CalibrationCertificate sample = SampleCertificate.calibrationCertificate();
        List<CalibrationResult> withoutDecisions = map(sample.results(), r -> new CalibrationResult(r.item(),
                r.quantity(), r.nominalValue(), r.measuredValue(), r.expandedUncertainty(), r.coverageFactor(),
                r.coverageProbability(), null, r.budget()));

        assertThatThrownBy(() -> with(sample, withoutDecisions, sample.conformityStatement()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("applies to at least one result");
    }

    @Test
    void aBinaryRuleCannotStateAConditionalOutcome() {
        CalibrationCertificate sample = SampleCertificate.calibrationCertificate();
        List<CalibrationResult> conditional = map(sample.results(), r -> new CalibrationResult(r.item(),
                r.quantity(), r.nominalValue(), r.measuredValue(), r.expandedUncertainty(), r.coverageFactor(),
                r.coverageProbability(),
                ConformityDecision.withinPlusMinus(Quantity.of("500", "mg"), ConformityOutcome.CONDITIONAL_PASS),
                r.budget()));

        assertThatThrownBy(() -> with(sample, conditional, sample.conformityStatement()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONDITIONAL_PASS")
                .hasMessageContaining("binary decision rule GUARDED_ACCEPTANCE");
        assertThat(DecisionRule.SIMPLE_ACCEPTANCE.allows(ConformityOutcome.CONDITIONAL_FAIL)).isFalse();
        assertThat(Arrays.stream(ConformityOutcome.values())).allMatch(DecisionRule.NON_BINARY::allows);
    }

    @Test
    void aResultStatesAPositiveUncertaintyWithAPositiveCoverageFactorAndItsProbability() {
        Quantity value = Quantity.of("10000.025", "g");
        BigDecimal two = new BigDecimal("2");

        assertThatThrownBy(() -> new CalibrationResult("10 kg", "m", null, value, null, two, "≈95 %", null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CalibrationResult("10 kg", "m", null, value, Quantity.of("0", "mg"), two,
                "≈95 %", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new CalibrationResult("10 kg", "m", null, value, Quantity.of("59", "mg"),
                BigDecimal.ZERO, "≈95 %", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coverage factor");
        assertThatThrownBy(() -> new CalibrationResult("10 kg", "m", null, value, Quantity.of("59", "mg"), two,
                " ", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coverage probability");
    }

    @Test
    void limitsBudgetsAndStatementsAreWellFormed() {
        assertThatThrownBy(() -> ConformityDecision.withinPlusMinus(Quantity.of("-500", "mg"), ConformityOutcome.CONFORMS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute value");
        assertThat(ConformityDecision.atMost(Quantity.of("0.30", "mg"), ConformityOutcome.CONFORMS).formattedLimit())
                .isEqualTo("≤ 0.30 mg");
        assertThatThrownBy(() -> new UncertaintyBudget(List.of(), Quantity.of("29.3", "mg"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one component");
        assertThatThrownBy(() -> new UncertaintyComponent("u_w", null, Quantity.of("8.7", "mg"), "1",
                Quantity.of("8.7", "mg"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("degrees of freedom");
        assertThatThrownBy(() -> new ConformityStatement("M1", "class M1", null, "on the limit conforms", "PFA < 2.5 %"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("decision rule");
    }

    @Test
    void listsAreCopiedSoAnIssuedCertificateCannotChange() {
        CalibrationCertificate sample = SampleCertificate.calibrationCertificate();
        List<CalibrationResult> rows = new ArrayList<>(sample.results());
        CalibrationCertificate doc = with(sample, rows, sample.conformityStatement());
        rows.clear();

        assertThat(doc.results()).hasSize(2);
        assertThatThrownBy(() -> doc.results().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> doc.results().get(0).budget().components().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static CalibrationCertificate with(CalibrationCertificate d, List<CalibrationResult> results,
            ConformityStatement statement) {
        return new CalibrationCertificate(d.number(), d.issueDate(), d.laboratory(), d.customer(), d.item(),
                d.specification(), d.method(), d.calibrationDate(), d.placeOfCalibration(), d.environment(), results,
                d.standards(), statement, d.signatures(), d.verificationUrl());
    }

    private static List<CalibrationResult> map(List<CalibrationResult> results, UnaryOperator<CalibrationResult> f) {
        return results.stream().map(f).toList();
    }

    private static List<Class<?>> componentTypes(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).<Class<?>>map(c -> c.getType()).toList();
    }
}
