package org.jiliang.reports.certificate;

/**
 * What a certificate is. Each kind has its own compiled template
 * ({@code <template>.jasper} beside this class) and its own title in the label bundles
 * ({@code title.<KIND>}); a new kind is a new constant, a new template and two labels (and, when its
 * content differs, its own input record, as {@link CalibrationCertificate} does).
 */
public enum CertificateKind {

    /** 检定证书: the instrument passed verification. */
    VERIFICATION_CERTIFICATE("verification-certificate"),

    /** 检定结果通知书: the instrument failed verification. */
    NOTICE_OF_NON_CONFORMITY("notice-of-non-conformity"),

    /**
     * 校准证书: measured values with their expanded uncertainty and no legal verdict. Its content is a
     * {@link CalibrationCertificate}, not a {@link CertificateDocument}: it has no {@link Conclusion}.
     */
    CALIBRATION_CERTIFICATE("calibration-certificate"),

    /**
     * 期间核查记录: an intermediate check of one of the institute's own measurement standards (JJF 1033), made at
     * the bench as a job. Its content is a {@link CheckRecord}.
     */
    INTERMEDIATE_CHECK_RECORD("intermediate-check-record"),

    /**
     * 定量包装商品净含量计量检验报告: a lot of prepackages passed the net-content inspection (JJF 1070). Its content is
     * an {@link InspectionReport}.
     */
    NET_CONTENT_REPORT("net-content-report"),

    /**
     * The report of a lot that failed, ending with the notice of the failed inspection to the trader (不合格通知书)
     * under the same number and signature: the same template as {@link #NET_CONTENT_REPORT}.
     */
    NET_CONTENT_NOTICE("net-content-report");

    private final String template;

    CertificateKind(String template) {
        this.template = template;
    }

    /**
     * Whether the document states that what was examined failed (a notice of non-conformity, a failed lot): the
     * register records a failure, and the public page does not call it a valid certificate.
     */
    public boolean statesFailure() {
        return this == NOTICE_OF_NON_CONFORMITY || this == NET_CONTENT_NOTICE;
    }

    /** Classpath resource name of the compiled template, relative to this package. */
    String templateResource() {
        return template + ".jasper";
    }
}
