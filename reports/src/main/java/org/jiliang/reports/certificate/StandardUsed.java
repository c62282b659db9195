package org.jiliang.reports.certificate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A measurement standard of the laboratory used for this verification, with the calibration
 * certificate that makes it traceable.
 *
 * @param identifier        serial number or inventory number
 * @param accuracy          accuracy class or uncertainty as stated, e.g. "M1"
 * @param validUntil        end of validity of that calibration certificate
 */
public record StandardUsed(
        String name,
        String identifier,
        String accuracy,
        String certificateNumber,
        LocalDate validUntil) {

    public StandardUsed {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(validUntil, "validUntil");
    }
}
