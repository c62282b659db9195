package org.jiliang.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jiliang.reports.Quantity;
import org.junit.jupiter.api.Test;

class CertificateDocumentTest {

    private static final ResultRow FAILING_ROW = new ResultRow("3000 e", Quantity.of("15000", "g"),
            Quantity.of("15010", "g"), Quantity.of("9.0", "g"), Quantity.of("7.5", "g"), false);

    @Test
    void sampleDocumentsAreValid() {
        assertThat(SampleCertificate.verificationCertificate().kind()).isEqualTo(CertificateKind.VERIFICATION_CERTIFICATE);
        assertThat(SampleCertificate.nonConformityNotice().kind()).isEqualTo(CertificateKind.NOTICE_OF_NON_CONFORMITY);
        assertThat(SampleCertificate.calibrationCertificate().kind()).isEqualTo(CertificateKind.CALIBRATION_CERTIFICATE);
    }

    @Test
    void rejectsVerificationCertificateWithFailingTestPoint() {
        CertificateDocument pass = SampleCertificate.verificationCertificate();
        assertThatThrownBy(() -> CertificateDocuments.withResults(pass, List.of(FAILING_ROW)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot carry a failing test point");
    }

    @Test
    void rejectsVerificationCertificateWithFailedConclusion() {
        CertificateDocument pass = SampleCertificate.verificationCertificate();
        assertThatThrownBy(() -> CertificateDocuments.withConclusion(pass, Conclusion.fail(List.of("zero drift"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issued only for a pass");
    }

    @Test
    void rejectsNoticeOfNonConformityWithPassingConclusion() {
        CertificateDocument notice = SampleCertificate.nonConformityNotice();
        assertThatThrownBy(() -> CertificateDocuments.withConclusion(notice, Conclusion.pass(LocalDate.of(2027, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issued only for a fail");
    }

    @Test
    void rejectsACalibrationCertificateWithALegalVerdict() {
        CertificateDocument pass = SampleCertificate.verificationCertificate();
        assertThatThrownBy(() -> CertificateDocuments.withKind(pass, CertificateKind.CALIBRATION_CERTIFICATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carries no legal verdict")
                .hasMessageContaining("CalibrationCertificate");
    }

    @Test
    void rejectsAirPressureAndDensityTheVerificationTemplatesWouldNotPrint() {
        CertificateDocument pass = SampleCertificate.verificationCertificate();
        Environment withAir = new Environment(Quantity.of("20.3", "°C"), Quantity.of("55", "%RH"),
                Quantity.of("1008.6", "hPa"), null);
        assertThatThrownBy(() -> CertificateDocuments.withEnvironment(pass, withAir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("air pressure and air density belong on a calibration certificate");
    }

    @Test
    void failNamesAtLeastOneNonConformityAndHasNoValidity() {
        assertThatThrownBy(() -> Conclusion.fail(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Conclusion(Verdict.FAIL, LocalDate.of(2027, 1, 1), List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passStatesUntilWhenItIsValid() {
        assertThatThrownBy(() -> Conclusion.pass(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void mpeIsAnAbsoluteValue() {
        assertThatThrownBy(() -> new ResultRow("500 e", Quantity.of("2500", "g"), Quantity.of("2500", "g"),
                Quantity.of("0", "g"), Quantity.of("-2.5", "g"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute value");
    }

    @Test
    void listsAreCopiedSoAnIssuedDocumentCannotChange() {
        List<ResultRow> rows = new ArrayList<>(SampleCertificate.verificationCertificate().results());
        CertificateDocument doc = CertificateDocuments.withResults(SampleCertificate.verificationCertificate(), rows);
        rows.clear();
        assertThat(doc.results()).isNotEmpty();
        assertThatThrownBy(() -> doc.results().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
