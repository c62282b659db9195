package org.jiliang.lims.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import org.jiliang.reports.certificate.CertificateDocument;
import org.jiliang.reports.certificate.CertificateRenderer;
import org.jiliang.reports.certificate.Revision;

/** One renderer for the application: it loads the precompiled templates once and is thread-safe. */
@ApplicationScoped
public class CertificateRendering {

    private final CertificateRenderer renderer = new CertificateRenderer();

    /** The document as an original ({@code revision} null) or as a corrected revision stating what it replaces. */
    public byte[] pdf(CertificateDocument document, Revision revision) {
        return renderer.renderPdf(document, revision);
    }

    public byte[] pdf(org.jiliang.reports.certificate.CalibrationCertificate certificate, Revision revision) {
        return renderer.renderPdf(certificate, revision);
    }

    public byte[] pdf(org.jiliang.reports.certificate.CheckRecord record, Revision revision) {
        return renderer.renderPdf(record, revision);
    }

    public byte[] pdf(org.jiliang.reports.certificate.InspectionReport report, Revision revision) {
        return renderer.renderPdf(report, revision);
    }
}
