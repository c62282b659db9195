package org.jiliang.reports.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on one verification certificate or notice of non-conformity, and nothing
 * else: the renderer's input for the two verification kinds. A calibration certificate is a
 * {@link CalibrationCertificate}; this record refuses {@link CertificateKind#CALIBRATION_CERTIFICATE}.
 *
 * @param number             the certificate number, e.g. "JL2026-J-000123"
 * @param verificationType   e.g. "首次检定 Initial verification"
 * @param environment        may be {@code null} when no conditions were recorded
 * @param verificationUrl    public page that confirms the certificate; encoded in the QR code and printed
 */
public record CertificateDocument(
        CertificateKind kind,
        String number,
        LocalDate issueDate,
        Laboratory laboratory,
        Customer customer,
        InstrumentUnderTest instrument,
        Procedure procedure,
        String verificationType,
        LocalDate measurementDate,
        String placeOfMeasurement,
        Environment environment,
        List<ResultRow> results,
        List<StandardUsed> standards,
        Conclusion conclusion,
        List<SignatureLine> signatures,
        String verificationUrl) {

    public CertificateDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(laboratory, "laboratory");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(verificationType, "verificationType");
        Objects.requireNonNull(measurementDate, "measurementDate");
        Objects.requireNonNull(placeOfMeasurement, "placeOfMeasurement");
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        standards = List.copyOf(Objects.requireNonNull(standards, "standards"));
        Objects.requireNonNull(conclusion, "conclusion");
        signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        if (number.isBlank()) {
            throw new IllegalArgumentException("a certificate has a number");
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("certificate " + number + " has no result rows");
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("certificate " + number + " is not signed");
        }
        if (verificationUrl.isBlank()) {
            throw new IllegalArgumentException("certificate " + number + " has no verification URL for its QR code");
        }
        checkConclusionFitsKind(kind, number, conclusion, results);
        if (environment != null && environment.recordsAir()) {
            throw new IllegalArgumentException("certificate " + number + ": the verification templates print"
                    + " temperature and humidity only; air pressure and air density belong on a calibration certificate");
        }
    }

    private static void checkConclusionFitsKind(
            CertificateKind kind, String number, Conclusion conclusion, List<ResultRow> results) {
        // A switch expression, so that a new kind does not compile until its rule is written here.
        String violation = switch (kind) {
            case VERIFICATION_CERTIFICATE -> {
                if (conclusion.verdict() != Verdict.PASS) {
                    yield "a verification certificate is issued only for a pass";
                }
                yield results.stream().allMatch(ResultRow::pass)
                        ? null
                        : "a verification certificate cannot carry a failing test point";
            }
            case NOTICE_OF_NON_CONFORMITY -> conclusion.verdict() == Verdict.FAIL
                    ? null
                    : "a notice of non-conformity is issued only for a fail";
            // A calibration states values with their uncertainty and never a legal verdict: it has its own record.
            case CALIBRATION_CERTIFICATE -> "a calibration certificate carries no legal verdict (合格/不合格);"
                    + " build it as a CalibrationCertificate";
            // an intermediate check record is the institute's own, judged by its check plan: it has its own record
            case INTERMEDIATE_CHECK_RECORD -> "an intermediate check record is judged by its check plan, not by a legal"
                    + " verdict; build it as a CheckRecord";
            case NET_CONTENT_REPORT, NET_CONTENT_NOTICE -> "a net-content inspection judges a lot of prepackages;"
                    + " build it as an InspectionReport";
        };
        if (violation != null) {
            throw new IllegalArgumentException("certificate " + number + ": " + violation);
        }
    }
}
