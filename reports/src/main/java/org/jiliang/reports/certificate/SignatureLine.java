package org.jiliang.reports.certificate;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One electronic signature as recorded at signing.
 *
 * @param meaning  the stated meaning of the signature, bilingual as signed,
 *                 e.g. "检定员 Performed by", "核验员 Checked by", "批准人 Approved by"
 * @param signedAt when it was signed, with the offset it was signed in
 */
public record SignatureLine(String meaning, String name, OffsetDateTime signedAt) {

    public SignatureLine {
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signedAt, "signedAt");
    }
}
