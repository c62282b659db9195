package org.jiliang.reports.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders certificates to PDF from the templates compiled at build time.
 *
 * <p>Thread-safe: the compiled templates and labels are loaded once, in the constructor, and
 * only read afterwards; every call fills and exports its own report. Create one instance and
 * share it.
 */
public final class CertificateRenderer {

    /** Subreports shared by all kinds, by the parameter name the templates expect them under. */
    private static final Map<String, String> SUBREPORTS = Map.ofEntries(
            Map.entry("PARTICULARS_TEMPLATE", "particulars.jasper"),
            Map.entry("RESULTS_TEMPLATE", "results.jasper"),
            Map.entry("STANDARDS_TEMPLATE", "standards.jasper"),
            Map.entry("SIGNATURES_TEMPLATE", "signatures.jasper"),
            Map.entry("CALIBRATION_RESULTS_TEMPLATE", "calibration-results.jasper"),
            Map.entry("UNCERTAINTY_BUDGET_TEMPLATE", "uncertainty-budget.jasper"),
            Map.entry("UNCERTAINTY_COMPONENTS_TEMPLATE", "uncertainty-components.jasper"),
            Map.entry("CONFORMITY_TEMPLATE", "conformity.jasper"),
            Map.entry("CHECK_RESULTS_TEMPLATE", "check-results.jasper"),
            Map.entry("PACKAGE_RESULTS_TEMPLATE", "package-results.jasper"));

    private final JasperReportsContext context = DefaultJasperReportsContext.getInstance();
    private final Map<CertificateKind, JasperReport> templates;
    private final Map<String, Object> subreports;
    private final BilingualLabels labels;

    /** Loads every compiled template; fails at once if one is missing from the classpath. */
    public CertificateRenderer() {
        Map<CertificateKind, JasperReport> byKind = new EnumMap<>(CertificateKind.class);
        for (CertificateKind kind : CertificateKind.values()) {
            byKind.put(kind, load(kind.templateResource()));
        }
        this.templates = byKind;
        Map<String, Object> shared = new HashMap<>();
        SUBREPORTS.forEach((parameter, resource) -> shared.put(parameter, load(resource)));
        this.subreports = Map.copyOf(shared);
        this.labels = BilingualLabels.load();
    }

    /**
     * Renders one verification certificate or notice of non-conformity as a PDF (A4, every font embedded).
     *
     * @throws CertificateRenderingException if JasperReports fails to fill or export the template
     */
    public byte[] renderPdf(CertificateDocument doc) {
        return renderPdf(doc, null);
    }

    /** As {@link #renderPdf(CertificateDocument)}, as a corrected revision stating what it replaces ({@code null}: an original). */
    public byte[] renderPdf(CertificateDocument doc, Revision revision) {
        Objects.requireNonNull(doc, "doc");
        return render(doc.kind(), doc.number(), doc.laboratory(), revision,
                CertificateParameters.of(doc, labels, subreports));
    }

    /**
     * Renders one calibration certificate as a PDF (A4, every font embedded).
     *
     * @throws CertificateRenderingException if JasperReports fails to fill or export the template
     */
    public byte[] renderPdf(CalibrationCertificate doc) {
        return renderPdf(doc, null);
    }

    /** As {@link #renderPdf(CalibrationCertificate)}, as a corrected revision stating what it replaces ({@code null}: an original). */
    public byte[] renderPdf(CalibrationCertificate doc, Revision revision) {
        Objects.requireNonNull(doc, "doc");
        return render(doc.kind(), doc.number(), doc.laboratory(), revision,
                CertificateParameters.of(doc, labels, subreports));
    }

    /**
     * Renders one intermediate check record as a PDF (A4, every font embedded).
     *
     * @throws CertificateRenderingException if JasperReports fails to fill or export the template
     */
    public byte[] renderPdf(CheckRecord doc) {
        return renderPdf(doc, null);
    }

    /** As {@link #renderPdf(CheckRecord)}, as a corrected revision stating what it replaces ({@code null}: an original). */
    public byte[] renderPdf(CheckRecord doc, Revision revision) {
        Objects.requireNonNull(doc, "doc");
        return render(doc.kind(), doc.number(), doc.laboratory(), revision,
                CertificateParameters.of(doc, labels, subreports));
    }

    /**
     * Renders one report of a net-content inspection (with the notice to the trader for a failed lot) as a PDF.
     *
     * @throws CertificateRenderingException if JasperReports fails to fill or export the template
     */
    public byte[] renderPdf(InspectionReport doc) {
        return renderPdf(doc, null);
    }

    /** As {@link #renderPdf(InspectionReport)}, as a corrected revision stating what it replaces ({@code null}: an original). */
    public byte[] renderPdf(InspectionReport doc, Revision revision) {
        Objects.requireNonNull(doc, "doc");
        return render(doc.kind(), doc.number(), doc.laboratory(), revision,
                CertificateParameters.of(doc, labels, subreports));
    }

    /** For the rendering benchmark: the compiled template of a kind, the shared subreports, the labels. */
    JasperReport template(CertificateKind kind) {
        return templates.get(kind);
    }

    Map<String, Object> subreports() {
        return subreports;
    }

    BilingualLabels labels() {
        return labels;
    }

    private byte[] render(CertificateKind kind, String number, Laboratory laboratory, Revision revision,
            Map<String, Object> parameters) {
        parameters.put("REVISION_NOTE", CertificateParameters.revisionNote(revision, labels));
        try {
            JasperPrint print = JasperFillManager.getInstance(context).fill(
                    templates.get(kind), parameters, new JREmptyDataSource(1));
            return exportPdf(print, kind, number, laboratory);
        } catch (JRException e) {
            throw new CertificateRenderingException("cannot render " + kind + " " + number, e);
        }
    }

    private byte[] exportPdf(JasperPrint print, CertificateKind kind, String number, Laboratory laboratory)
            throws JRException {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setCompressed(true);
        configuration.setMetadataTitle(labels.zh("title." + kind.name()) + " " + labels.en("title." + kind.name())
                + " " + number);
        configuration.setMetadataAuthor(laboratory.nameZh() + " " + laboratory.nameEn());
        configuration.setMetadataCreator("Jiliang LIMS");

        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
        exporter.setConfiguration(configuration);
        exporter.exportReport();
        return pdf.toByteArray();
    }

    private static JasperReport load(String resource) {
        try (InputStream in = CertificateRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("compiled template " + resource + " is not on the classpath beside "
                        + CertificateRenderer.class.getName() + "; it is produced by the build (TemplateCompiler)");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("cannot load compiled template " + resource, e);
        }
    }
}
