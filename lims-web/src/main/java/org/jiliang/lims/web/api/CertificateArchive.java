package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.platform.InstituteTime;

/**
 * The certificates of a period as one .zip (issue 14), streamed: first {@code manifest.csv} and {@code SHA256SUMS},
 * written from the hashes recorded at issue, then each PDF as it is stored. A file whose bytes no longer match the
 * hash recorded at issue fails {@code sha256sum -c SHA256SUMS}: the manifest is the institute's word, not the
 * file's.
 */
final class CertificateArchive {

    static final String MANIFEST = "manifest.csv";
    static final String SUMS = "SHA256SUMS";

    private CertificateArchive() {
    }

    static StreamingOutput of(List<CertificateView> certificates, Function<String, byte[]> pdfOf) {
        return out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            BufferedWriter manifest = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
            manifest.write('\uFEFF');
            manifest.write("number,kind,revision,instrument,serial_number,issued_at,valid_until,standing,file,"
                    + "sha256,verification_url\r\n");
            for (CertificateView c : certificates) {
                manifest.write(String.join(",", FrameCsv.text(c.number()), c.kind(), String.valueOf(c.revision()),
                        FrameCsv.text(c.instrument()), FrameCsv.text(c.serialNumber()),
                        InstituteTime.shown(c.issuedAt()), c.validUntil() == null ? "" : c.validUntil().toString(),
                        String.valueOf(c.standing()), file(c), c.pdfSha256(), FrameCsv.text(c.verificationUrl())));
                manifest.write("\r\n");
            }
            manifest.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(SUMS));
            BufferedWriter sums = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
            for (CertificateView c : certificates) {
                sums.write(c.pdfSha256() + "  " + file(c) + "\n"); // the format of sha256sum: two spaces
            }
            sums.flush();
            zip.closeEntry();
            for (CertificateView c : certificates) {
                zip.putNextEntry(new ZipEntry(file(c)));
                zip.write(pdfOf.apply(c.number()));
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        };
    }

    /** The PDF's name in the archive: the certificate's number (letters, digits, dashes) and .pdf. */
    static String file(CertificateView c) {
        return c.number() + ".pdf";
    }
}
