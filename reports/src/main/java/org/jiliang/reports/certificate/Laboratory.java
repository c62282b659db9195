package org.jiliang.reports.certificate;

import java.util.Objects;

/** The issuing laboratory as it is named on the certificate. */
public record Laboratory(String nameZh, String nameEn, String address) {

    public Laboratory {
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(address, "address");
    }
}
