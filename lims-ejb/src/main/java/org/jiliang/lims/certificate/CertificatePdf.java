package org.jiliang.lims.certificate;

/** The stored PDF of a certificate, as downloaded. */
public record CertificatePdf(String number, byte[] content, String sha256) {

    public CertificatePdf {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String fileName() {
        return number + ".pdf";
    }
}
