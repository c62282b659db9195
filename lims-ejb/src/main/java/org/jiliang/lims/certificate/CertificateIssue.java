package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.platform.Institute;
import org.jiliang.reports.certificate.CalibrationCertificate;
import org.jiliang.reports.certificate.CertificateDocument;

/** What the issuing desk gives a {@link CertificateContentWriter}: the day, the institute, numbers, rendering. */
public interface CertificateIssue {

    LocalDate today();

    Institute institute();

    /**
     * The last day a verification passed today is valid: the day before the due date the register derives for the
     * instrument (issue 12: its category's interval in the catalogue, or its own when shorter).
     */
    LocalDate validUntilIfPassed();

    /** The signatures given on the job, in the order given. */
    List<Signature> signatures();

    /** The next certificate number of a series: institute prefix, the series letters, the year, six digits. */
    String nextNumber(String series);

    /** The address of the QR code: where anyone checks this certificate. */
    String verificationUrl();

    byte[] pdf(CertificateDocument document);

    byte[] pdf(CalibrationCertificate certificate);

    byte[] pdf(org.jiliang.reports.certificate.CheckRecord record);

    byte[] pdf(org.jiliang.reports.certificate.InspectionReport report);

    /**
     * Whether this is the draft the checker and the approver read before they sign: nothing the writer does may
     * last (a check made at the bench is recorded only at the real issue).
     */
    default boolean draft() {
        return false;
    }

    /**
     * Whether the writer may record what the job found (a check made at the bench): at the job's first real issue
     * only — not in the draft, and not in a corrected revision, which certifies the same findings again.
     */
    default boolean recordsFindings() {
        return !draft();
    }

    /**
     * The Digital Calibration Certificate of a calibration certificate; null when the institute's or the customer's
     * e-mail address is not recorded (the DCC names both).
     */
    byte[] dcc(CalibrationCertificate certificate);
}
