package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What anyone holding a certificate may check, without logging in, from the token of its QR code: that it
 * exists as issued, where it stands (valid, expired, superseded by a revision, withdrawn and why), its kind, dates,
 * the instrument and procedure it certified as they were at issue (to match it with the one in front of them) and
 * the SHA-256 of the genuine PDF. No customer, no results, no people.
 *
 * @param currentlyValid in force today: not superseded, not withdrawn, and a verification certificate within its
 *                       period (a calibration certificate and an intermediate check record have none)
 * @param revision       0 for an original; for a revision, what it replaced and why
 * @param supersededBy   the revision that replaced this certificate, with its own public check
 * @param token          the certificate's own token, as stored (the page links its DCC with it)
 * @param dcc            a signed Digital Calibration Certificate (XML) was issued with it: {@code /verify/<token>/dcc}
 */
public record PublicVerification(boolean genuine, String number, String kind, LocalDateTime issuedAt,
        LocalDate validUntil, boolean currentlyValid, String instrument, String serialNumber, String pdfSha256,
        String issuer, CertificateStanding standing, String manufacturer, String model, String procedure,
        Revision revision, Successor supersededBy, Withdrawal withdrawal, String token, boolean dcc) {

    /** A corrected revision: its number in the line (1, 2 …), the certificate it replaced, the reason. */
    public record Revision(int revision, String replaces, String reason) {
    }

    /** The revision that replaced a certificate: its number and the token of its public check. */
    public record Successor(String number, String token) {
    }

    public record Withdrawal(LocalDateTime withdrawnAt, String reason) {
    }

    /** Nothing is said about what was asked: not even the text, so the page reflects no input. */
    public static PublicVerification unknown() {
        return new PublicVerification(false, null, null, null, null, false, null, null, null, null, null, null, null,
                null, null, null, null, null, false);
    }
}
