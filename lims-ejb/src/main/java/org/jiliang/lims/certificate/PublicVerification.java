package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What anyone holding a certificate may check, without logging in, from the token of its QR code: that it
 * exists as issued, its kind, dates, the instrument it is for (to match it with the one in front of them) and the
 * SHA-256 of the genuine PDF. No customer, no results, no people.
 */
public record PublicVerification(boolean genuine, String number, String kind, LocalDateTime issuedAt,
        LocalDate validUntil, boolean currentlyValid, String instrument, String serialNumber, String pdfSha256,
        String issuer) {

    /** Nothing is said about what was asked: not even the text, so the page reflects no input. */
    public static PublicVerification unknown() {
        return new PublicVerification(false, null, null, null, null, false, null, null, null, null);
    }
}
