package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.jiliang.reports.certificate.CertificateKind;

/**
 * A certificate as its method wrote it: kind, number, the PDF, the DCC (or null), until when it is valid (null:
 * no period of validity, as for a calibration or a notice of non-conformity), and the results stored with it (none
 * for a verification, one per result the certificate states for a calibration), made once the certificate exists.
 */
public record IssuedContent(CertificateKind kind, String number, byte[] pdf, byte[] dccXml, LocalDate validUntil,
        Function<Certificate, List<IssuedCalibrationResult>> storedResults) {

    public static IssuedContent document(CertificateKind kind, String number, byte[] pdf, LocalDate validUntil) {
        return new IssuedContent(kind, number, pdf, null, validUntil, c -> List.of());
    }
}
