package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.util.function.Function;
import org.jiliang.reports.certificate.CertificateKind;

/**
 * A certificate as its method wrote it: kind, number, the PDF, the DCC (or null), until when it is valid (null:
 * no period of validity, as for a calibration or a notice of non-conformity), and the result stored with it (or
 * none), made once the certificate exists.
 */
public record IssuedContent(CertificateKind kind, String number, byte[] pdf, byte[] dccXml, LocalDate validUntil,
        Function<Certificate, IssuedCalibrationResult> storedResult) {

    public static IssuedContent document(CertificateKind kind, String number, byte[] pdf, LocalDate validUntil) {
        return new IssuedContent(kind, number, pdf, null, validUntil, c -> null);
    }
}
