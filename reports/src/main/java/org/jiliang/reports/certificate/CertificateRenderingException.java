package org.jiliang.reports.certificate;

/** A certificate could not be rendered; the cause says which template or step failed. */
public class CertificateRenderingException extends RuntimeException {

    public CertificateRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
