package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A certificate in a list (portal, API): no PDF bytes. */
public record CertificateView(String number, String kind, String jobNumber, String customerName,
        String instrument, String serialNumber, LocalDateTime issuedAt, LocalDate validUntil,
        String pdfSha256, String verificationUrl) {
}
