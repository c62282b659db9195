package org.jiliang.reports.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.jiliang.reports.certificate.CertificateRenderingException;

/** Renders a {@link LetterDocument} as a PDF (A4, every font embedded) from {@code recall-letter.jasper}. */
public final class LetterRenderer {

    private static final String TEMPLATE = "recall-letter.jasper";

    private final JasperReportsContext context = DefaultJasperReportsContext.getInstance();
    private final JasperReport template;

    public LetterRenderer() {
        try (InputStream in = LetterRenderer.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("compiled template " + TEMPLATE + " is not on the classpath beside "
                        + LetterRenderer.class.getName() + "; it is produced by the build (TemplateCompiler)");
            }
            template = (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("cannot load compiled template " + TEMPLATE, e);
        }
    }

    public byte[] renderPdf(LetterDocument letter) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("INSTITUTE", letter.institute());
        parameters.put("TITLE", letter.title());
        parameters.put("RECIPIENT", letter.recipient());
        parameters.put("RECIPIENT_ADDRESS", letter.recipientAddress());
        parameters.put("DATE", letter.date());
        parameters.put("TEXT", letter.text());
        parameters.put("CLOSING", letter.closing());
        List<String> h = letter.headings();
        parameters.put("H_INSTRUMENT", h.get(0));
        parameters.put("H_SERIAL", h.get(1));
        parameters.put("H_ASSET", h.get(2));
        parameters.put("H_SITE", h.get(3));
        parameters.put("H_DUE", h.get(4));
        List<Map<String, ?>> rows = letter.lines().stream().<Map<String, ?>>map(l -> {
            Map<String, String> row = new HashMap<>();
            row.put("instrument", l.instrument());
            row.put("serialNumber", l.serialNumber());
            row.put("assetNumber", l.assetNumber());
            row.put("site", l.site());
            row.put("due", l.due());
            return row;
        }).toList();
        try {
            JasperPrint print = JasperFillManager.getInstance(context).fill(template, parameters,
                    new JRMapCollectionDataSource(rows));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setCompressed(true);
            configuration.setMetadataTitle(letter.title());
            configuration.setMetadataAuthor(letter.institute());
            configuration.setMetadataCreator("Jiliang LIMS");
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
            JRPdfExporter exporter = new JRPdfExporter(context);
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            return pdf.toByteArray();
        } catch (JRException e) {
            throw new CertificateRenderingException("cannot render the letter " + letter.title(), e);
        }
    }
}
