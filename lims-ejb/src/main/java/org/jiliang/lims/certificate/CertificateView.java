package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A certificate in a list (portal, API): no PDF bytes. The instrument is the one certified, as issued. Where it
 * stands: {@code replaces} and {@code revisionReason} for a corrected revision (revision 1, 2 …), {@code supersededBy}
 * once a revision replaced it, {@code withdrawnAt} and {@code withdrawalReason} once withdrawn.
 */
public record CertificateView(String number, String kind, String jobNumber, String customerName,
        String instrument, String serialNumber, LocalDateTime issuedAt, LocalDate validUntil,
        String pdfSha256, String verificationUrl, CertificateStanding standing, int revision, String replaces,
        String revisionReason, String supersededBy, LocalDateTime withdrawnAt, String withdrawalReason) {
}
