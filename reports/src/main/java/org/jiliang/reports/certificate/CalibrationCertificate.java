package org.jiliang.reports.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on one calibration certificate (校准证书), and nothing else: measured values
 * with their expanded uncertainty, coverage factor and coverage probability, and, only when the
 * customer asked for one, a statement of conformity naming its decision rule.
 *
 * <p>A sibling of {@link CertificateDocument} rather than a variant of it: it has no
 * {@link Conclusion}, so a calibration certificate cannot carry a legal verdict, and
 * {@link CertificateDocument} has no uncertainty, so a verification certificate cannot carry
 * calibration rows. Its kind is always {@link CertificateKind#CALIBRATION_CERTIFICATE}.
 *
 * @param number             the certificate number, e.g. "JH-C2026-000815"
 * @param specification      the calibration specification or regulation followed, e.g.
 *                           code "JJG 99-2006 / OIML R 111-1:2004", title "《砝码》 Weights"
 * @param method             the method as printed, e.g. "ABBA 循环比较法 Comparison, ABBA cycles (n = 3)"
 * @param environment        may be {@code null} when no conditions were recorded
 * @param conformityStatement {@code null} when no statement of conformity was requested; otherwise the
 *                           rule that decided each result that carries a {@link ConformityDecision}
 * @param verificationUrl    public page that confirms the certificate; encoded in the QR code and printed
 */
public record CalibrationCertificate(
        String number,
        LocalDate issueDate,
        Laboratory laboratory,
        Customer customer,
        CalibratedItem item,
        Procedure specification,
        String method,
        LocalDate calibrationDate,
        String placeOfCalibration,
        Environment environment,
        List<CalibrationResult> results,
        List<StandardUsed> standards,
        ConformityStatement conformityStatement,
        List<SignatureLine> signatures,
        String verificationUrl) {

    public CalibrationCertificate {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(laboratory, "laboratory");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(specification, "specification");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(calibrationDate, "calibrationDate");
        Objects.requireNonNull(placeOfCalibration, "placeOfCalibration");
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        standards = List.copyOf(Objects.requireNonNull(standards, "standards"));
        signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        if (number.isBlank()) {
            throw new IllegalArgumentException("a certificate has a number");
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("certificate " + number + " has no calibration results");
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("certificate " + number + " is not signed");
        }
        if (verificationUrl.isBlank()) {
            throw new IllegalArgumentException("certificate " + number + " has no verification URL for its QR code");
        }
        checkConformity(number, results, conformityStatement);
    }

    /** Always {@link CertificateKind#CALIBRATION_CERTIFICATE}. */
    public CertificateKind kind() {
        return CertificateKind.CALIBRATION_CERTIFICATE;
    }

    /** Whether any result carries its uncertainty budget. */
    boolean hasBudget() {
        return results.stream().anyMatch(r -> r.budget() != null);
    }

    private static void checkConformity(String number, List<CalibrationResult> results, ConformityStatement statement) {
        boolean anyDecision = false;
        for (CalibrationResult result : results) {
            ConformityDecision decision = result.conformity();
            if (decision == null) {
                continue;
            }
            anyDecision = true;
            if (statement == null) {
                throw new IllegalArgumentException("certificate " + number + ": result '" + result.item()
                        + "' states conformity, but the certificate names no decision rule (ISO/IEC 17025 7.8.6)");
            }
            if (!statement.decisionRule().allows(decision.outcome())) {
                throw new IllegalArgumentException("certificate " + number + ": result '" + result.item() + "' is "
                        + decision.outcome() + ", which the binary decision rule " + statement.decisionRule()
                        + " cannot state");
            }
        }
        if (statement != null && !anyDecision) {
            throw new IllegalArgumentException("certificate " + number
                    + ": a statement of conformity applies to at least one result with its limit and outcome");
        }
    }
}
