package org.jiliang.reports.certificate;

/**
 * What a certificate is. Each kind has its own compiled template
 * ({@code <template>.jasper} beside this class) and its own title in the label bundles
 * ({@code title.<KIND>}); a new kind is a new constant, a new template and two labels.
 */
public enum CertificateKind {

    /** 检定证书: the instrument passed verification. */
    VERIFICATION_CERTIFICATE("verification-certificate"),

    /** 检定结果通知书: the instrument failed verification. */
    NOTICE_OF_NON_CONFORMITY("notice-of-non-conformity");

    private final String template;

    CertificateKind(String template) {
        this.template = template;
    }

    /** Classpath resource name of the compiled template, relative to this package. */
    String templateResource() {
        return template + ".jasper";
    }
}
