package org.jiliang.reports.certificate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** Draws the QR code that leads to the public verification page of a certificate. */
final class VerificationQrCode {

    /** Whole pixels per module, so the printed code is sharp however the PDF is scaled. */
    private static final int PIXELS_PER_MODULE = 8;
    /** The quiet zone the QR specification asks for, in modules. */
    private static final int QUIET_ZONE_MODULES = 4;

    private VerificationQrCode() {
    }

    static BufferedImage of(String url) {
        BitMatrix modules;
        try {
            // Size 0 asks zxing for one pixel per module; the scaling is done here, exactly.
            modules = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the verification URL as a QR code: " + url, e);
        }
        int size = modules.getWidth() * PIXELS_PER_MODULE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.setColor(Color.BLACK);
            for (int y = 0; y < modules.getHeight(); y++) {
                for (int x = 0; x < modules.getWidth(); x++) {
                    if (modules.get(x, y)) {
                        g.fillRect(x * PIXELS_PER_MODULE, y * PIXELS_PER_MODULE, PIXELS_PER_MODULE, PIXELS_PER_MODULE);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
