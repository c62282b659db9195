package org.jiliang.lims.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import org.jiliang.reports.certificate.CertificateDocument;
import org.jiliang.reports.certificate.CertificateRenderer;

/** One renderer for the application: it loads the precompiled templates once and is thread-safe. */
@ApplicationScoped
public class CertificateRendering {

    private final CertificateRenderer renderer = new CertificateRenderer();

    public byte[] pdf(CertificateDocument document) {
        return renderer.renderPdf(document);
    }

    public byte[] pdf(org.jiliang.reports.certificate.CalibrationCertificate certificate) {
        return renderer.renderPdf(certificate);
    }

    public byte[] pdf(org.jiliang.reports.certificate.CheckRecord record) {
        return renderer.renderPdf(record);
    }
}
