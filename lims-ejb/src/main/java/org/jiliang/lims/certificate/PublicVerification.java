package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What anyone holding a certificate may check, without logging in: that it exists as issued,
 * its kind, dates and instrument, and the SHA-256 of the genuine PDF. No customer data.
 */
public record PublicVerification(boolean genuine, String number, String kind, LocalDateTime issuedAt,
        LocalDate validUntil, boolean currentlyValid, String instrument, String serialNumber, String pdfSha256,
        String issuer) {

    public static PublicVerification unknown(String asked) {
        return new PublicVerification(false, asked, null, null, null, false, null, null, null, null);
    }
}
