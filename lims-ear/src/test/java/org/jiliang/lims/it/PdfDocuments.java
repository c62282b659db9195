package org.jiliang.lims.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads back a certificate PDF the way a customer's software would. */
final class PdfDocuments {

    private PdfDocuments() {
    }

    /**
     * What poppler's {@code pdfsig} (Debian's poppler-utils, installed by .ci/run) reports of the file's signatures:
     * a verifier that shares no code with the signer (PDFBox and Bouncy Castle).
     */
    static String pdfsig(byte[] pdf) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("signed-", ".pdf");
            try {
                java.nio.file.Files.write(file, pdf);
                Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("pdfsig did not finish in 60 s");
                }
                return output;
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of fonts that are NOT embedded (a reader elsewhere would substitute them). */
    static List<String> fontsNotEmbedded(byte[] pdf) {
        List<String> missing = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        missing.add(font.getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return missing;
    }
}
