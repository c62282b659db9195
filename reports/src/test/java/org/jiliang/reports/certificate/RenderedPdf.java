package org.jiliang.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a rendered certificate back with PDFBox and zxing, for the renderer tests. */
final class RenderedPdf {

    private RenderedPdf() {
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    static void assertPageNumbers(PDDocument pdf) throws IOException {
        int total = pdf.getNumberOfPages();
        for (int page = 1; page <= total; page++) {
            assertThat(pageText(pdf, page))
                    .contains("第 " + page + " 页 共 " + total + " 页", "Page " + page + " of " + total);
        }
    }

    /** Every font is embedded, in the CJK font of the extension, and some text is Identity-H encoded. */
    static void assertFontsEmbeddedCjk(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }

        assertThat(fonts).isNotEmpty();
        assertThat(fonts).allSatisfy(font -> assertThat(font.isEmbedded())
                .as("font %s is embedded", font.getName()).isTrue());
        assertThat(fonts).allSatisfy(font -> assertThat(font.getName())
                .as("no silent fallback to a standard font").contains("NotoSansHans"));
        assertThat(fonts).anySatisfy(font -> {
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.getCOSObject().getNameAsString(COSName.ENCODING)).isEqualTo("Identity-H");
        });
    }

    static List<BufferedImage> images(PDPage page) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                images.add(image.getImage());
            }
        }
        return images;
    }

    /**
     * The QR code of a page as a phone would read it from paper: the page rendered at 150 dpi in grey, the code
     * found among the text and lines (not given as a cut-out image: the PDF draws it as vectors).
     */
    static String decodeQr(PDDocument pdf, int page) throws IOException, NotFoundException, ChecksumException,
            FormatException {
        BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page, 150, ImageType.GRAY);
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
