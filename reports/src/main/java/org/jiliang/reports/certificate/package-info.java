/**
 * Verification certificates, notices of non-conformity and calibration certificates: their input
 * records ({@link org.jiliang.reports.certificate.CertificateDocument} for the two verification
 * kinds, {@link org.jiliang.reports.certificate.CalibrationCertificate} for calibration), their
 * templates and the PDF renderer.
 */
package org.jiliang.reports.certificate;
