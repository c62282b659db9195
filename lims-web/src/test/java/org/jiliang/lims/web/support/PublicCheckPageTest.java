package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jiliang.lims.certificate.CertificateStanding;
import org.jiliang.lims.certificate.PublicVerification;
import org.junit.jupiter.api.Test;

/** The public check page as the template and the messages make it, for each kind of answer. */
class PublicCheckPageTest {

    private static final String SHA = "ab".repeat(32);
    private static final String TOKEN = "T0ken-of-the-certificate_0123456";

    private static String template() throws IOException {
        return Files.readString(Path.of("src/main/webapp/WEB-INF/public/verify.html"));
    }

    private static String page(PublicVerification result, Locale locale) throws IOException {
        return new PublicCheckPage(ResourceBundle.getBundle("org.jiliang.lims.web.messages", locale), locale, "/lims")
                .render(template(), result);
    }

    private static PublicVerification certificate(String kind, boolean valid, String instrument) {
        return certificate(kind, valid, instrument, CertificateStanding.VALID, null, null, null);
    }

    private static PublicVerification certificate(String kind, boolean valid, String instrument,
            CertificateStanding standing, PublicVerification.Revision revision, PublicVerification.Successor successor,
            PublicVerification.Withdrawal withdrawal) {
        return new PublicVerification(true, "JHJD2026-000042", kind, LocalDateTime.of(2026, 12, 4, 9, 41, 7, 599_635_000),
                "CALIBRATION_CERTIFICATE".equals(kind) ? null : LocalDate.of(2027, 12, 3), valid, instrument, "SN-1",
                SHA, "Institute", standing, "凯丰衡器", "ACS-30", "JJG 539-2016", revision, successor, withdrawal,
                TOKEN, "CALIBRATION_CERTIFICATE".equals(kind));
    }

    @Test
    void aVerificationCertificateShowsItsConclusionValidityAndHashInChinese() throws IOException {
        String html = page(certificate("VERIFICATION_CERTIFICATE", true, "Scale"), Locale.SIMPLIFIED_CHINESE);

        assertThat(html).contains("<html lang=\"zh\">", "检定结论：合格", "证书在有效期内", "JHJD2026-000042",
                "data-sha256=\"" + SHA + "\"", "2027-12-03", "href=\"?lang=en\"", ">English<")
                .doesNotContain("verify-not-found", "verify-dcc", "{{");
        // to the minute, with the institute's offset: not 2026-12-04T09:41:07.599635
        assertThat(html).contains("2026-12-04 09:41 UTC+08:00").doesNotContain("T09:41");
    }

    @Test
    void aCalibrationCertificateClaimsNoPeriodOfValidityInEnglish() throws IOException {
        String html = page(certificate("CALIBRATION_CERTIFICATE", true, "Weight"), Locale.ENGLISH);

        assertThat(html).contains("<a id=\"verify-dcc\" href=\"/lims/verify/" + TOKEN + "/dcc\" download>");
        assertThat(html).contains("<html lang=\"en\">", "states results, not a period of validity", "class=\"verdict info\"",
                "href=\"?lang=zh\"", ">中文<").doesNotContain("within its period of validity");
    }

    @Test
    void aSupersededCertificateSaysSoAndLinksToItsRevisionInTheSameLanguage() throws IOException {
        String html = page(certificate("VERIFICATION_CERTIFICATE", false, "Scale", CertificateStanding.SUPERSEDED, null,
                new PublicVerification.Successor("JHJD2026-000042-R1", "A".repeat(32)), null), Locale.ENGLISH);

        assertThat(html).contains("REPLACED by a corrected revision", "class=\"verdict fail\"",
                "<a id=\"verify-successor\" href=\"/lims/verify/" + "A".repeat(32) + "?lang=en\">JHJD2026-000042-R1</a>")
                .doesNotContain("within its period of validity", "verify-withdrawal", "verify-revision", "{{");
    }

    @Test
    void aWithdrawnCertificateSaysWhenAndWhy() throws IOException {
        String html = page(certificate("VERIFICATION_CERTIFICATE", false, "Scale", CertificateStanding.WITHDRAWN, null,
                null, new PublicVerification.Withdrawal(LocalDateTime.of(2026, 12, 5, 10, 0), "砝码证书失效 <b>")),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(html).contains("本证书已于 2026-12-05 10:00 UTC+08:00 撤销，不再有效。", "撤销原因：",
                "砝码证书失效 &lt;b&gt;").doesNotContain("证书在有效期内", "verify-successor", "{{");
    }

    @Test
    void aRevisionNamesWhatItReplacesAndShowsWhatItCertifiedAsIssued() throws IOException {
        String html = page(certificate("VERIFICATION_CERTIFICATE", true, "电子计价秤", CertificateStanding.VALID,
                new PublicVerification.Revision(1, "JHJD2026-000041", "出厂编号有误"), null, null),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(html).contains("本证书为第 1 次修订，替代证书 JHJD2026-000041。修订原因：出厂编号有误", "证书在有效期内",
                "凯丰衡器 · ACS-30", "JJG 539-2016", "电子计价秤", "SN-1").doesNotContain("verify-successor", "{{");
    }

    @Test
    void anExpiredVerificationCertificateSaysUntilWhen() throws IOException {
        String html = page(certificate("VERIFICATION_CERTIFICATE", false, "Scale", CertificateStanding.EXPIRED, null,
                null, null), Locale.ENGLISH);

        assertThat(html).contains("EXPIRED: it was valid until 2027-12-03", "class=\"verdict fail\"");
    }

    @Test
    void anUnknownTokenShowsOnlyNotFound() throws IOException {
        String html = page(PublicVerification.unknown(), Locale.SIMPLIFIED_CHINESE);

        assertThat(html).contains("id=\"verify-not-found\"", "未找到该证书").doesNotContain("verify-genuine", "pdf-check", "{{");
    }

    @Test
    void storedTextIsEscaped() throws IOException {
        String html = page(certificate("VERIFICATION_CERTIFICATE", true, "<script>alert(1)</script>"), Locale.ENGLISH);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
    }
}
