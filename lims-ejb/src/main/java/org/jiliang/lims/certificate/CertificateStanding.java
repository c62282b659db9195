package org.jiliang.lims.certificate;

import java.time.LocalDate;
import org.jiliang.reports.certificate.CertificateKind;

/** Where an issued certificate stands today: what the public check and the lists say first. */
public enum CertificateStanding {
    /** In force: not replaced, not withdrawn, and (a verification certificate) within its period of validity. */
    VALID,
    /** A verification certificate past its period of validity. */
    EXPIRED,
    /** Replaced by a corrected revision; no longer valid. */
    SUPERSEDED,
    /** Withdrawn, for the reason recorded; no longer valid. */
    WITHDRAWN;

    static CertificateStanding of(Certificate c, boolean superseded, boolean withdrawn, LocalDate today) {
        if (withdrawn) {
            return WITHDRAWN;
        }
        if (superseded) {
            return SUPERSEDED;
        }
        boolean expired = c.kind() == CertificateKind.VERIFICATION_CERTIFICATE
                && (c.validUntil() == null || today.isAfter(c.validUntil()));
        return expired ? EXPIRED : VALID;
    }
}
