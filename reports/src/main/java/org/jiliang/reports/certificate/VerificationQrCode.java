package org.jiliang.reports.certificate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Dimension2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.DimensionRenderable;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import net.sf.jasperreports.renderers.Renderable;

/**
 * The QR code that leads to the public verification page of a certificate, drawn as vector shapes: the PDF holds
 * its dark modules as one filled path, exact at any scale and in any printer. (A raster image was encoded by
 * JasperReports as an RGB JPEG at every export: grey fringes around the modules of a code that must be exact.)
 */
final class VerificationQrCode implements Renderable, Graphics2DRenderable, DimensionRenderable {

    private static final long serialVersionUID = 1L;
    /** The quiet zone the QR specification asks for, in modules (ISO/IEC 18004 §9.1). */
    private static final int QUIET_ZONE_MODULES = 4;

    private final String id;
    /** Whole code, quiet zone included, in modules. */
    private final int size;
    /** The dark modules, one rectangle per run in a row, in module units. */
    private final Path2D.Double dark;

    private VerificationQrCode(String id, int size, Path2D.Double dark) {
        this.id = id;
        this.size = size;
        this.dark = dark;
    }

    static VerificationQrCode of(String url) {
        BitMatrix modules;
        try {
            // size 0: one cell per module, the quiet zone included; the scaling is the PDF's
            modules = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the verification URL as a QR code: " + url, e);
        }
        Path2D.Double dark = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (int y = 0; y < modules.getHeight(); y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.getWidth() && modules.get(x, y)) {
                    x++;
                }
                dark.append(new Rectangle2D.Double(start, y, x - start, 1), false);
            }
        }
        return new VerificationQrCode("qr:" + url, modules.getWidth(), dark);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Dimension2D getDimension(JasperReportsContext context) {
        // square; the template's box scales it (RetainShape)
        return new java.awt.Dimension(size, size);
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D g, Rectangle2D box) {
        double scale = Math.min(box.getWidth(), box.getHeight()) / size;
        AffineTransform toBox = new AffineTransform(scale, 0, 0, scale, box.getX(), box.getY());
        Color before = g.getColor();
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(box.getX(), box.getY(), size * scale, size * scale));
        // one path, one fill: adjacent runs meet without the seams separate fills leave in anti-aliased viewers
        g.setColor(Color.BLACK);
        g.fill(toBox.createTransformedShape(dark));
        g.setColor(before);
    }
}
