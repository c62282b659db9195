package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a customer (or their program) asks the API for a short-lived address of a certificate's signed PDF and
 * downloads it, or hands it on, without a session; the address serves those bytes only, and a changed one nothing.
 */
class CertificateDownloadLinkIT {

    @Test
    void anAddressFromTheApiServesTheSignedPdfWithoutASessionAndAChangedOneNothing() throws Exception {
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        LimsApi customer = LimsApi.as("customer");
        byte[] pdf = customer.get("/api/v1/certificates/" + number + "/pdf").body();
        String sha = CertificateRevisionIT.sha256(pdf);

        Instant asked = Instant.now();
        var link = customer.get("/api/v1/certificates/" + number + "/pdf/link");
        assertThat(link.status()).as(link.text()).isEqualTo(200);
        String href = link.object().getString("href");
        assertThat(href).startsWith(URI.create(LimsApi.BASE_URL).getPath() + "/download/certificates/" + sha + "/"
                + number + ".pdf?expires=");
        Instant expires = Instant.parse(link.object().getString("expires"));
        assertThat(expires).as("a few minutes, not a day").isAfter(asked)
                .isBefore(asked.plus(Duration.ofMinutes(5)).plusSeconds(60));

        // anyone holding the address gets the bytes the API gives the customer, with the answers' usual headers
        LimsApi nobody = LimsApi.anonymous();
        String address = inApp(href);
        var download = nobody.get(address);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        var headers = download.raw().headers();
        assertThat(headers.firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(headers.firstValue("Content-Disposition")).hasValue("attachment; filename=\"" + number + ".pdf\"");
        assertThat(headers.firstValue("ETag")).hasValue("\"" + sha + "\"");
        assertThat(headers.firstValue("X-Content-SHA256")).hasValue(sha);
        assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(
                p -> assertThat(p).contains("default-src 'none'"));
        assertThat(nobody.get(address, "If-None-Match", "\"" + sha + "\"").status()).isEqualTo(304);
        assertThat(nobody.post(address, "{}").status()).isEqualTo(405);

        // the server's copy removed by hand (the data directory emptied): the address says so, a new one makes it again
        Files.delete(Path.of(System.getProperty("it.dataDir", "target/it-data"), "downloads", sha + ".pdf"));
        var gone = nobody.get(address);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.object().getString("detail")).contains("下载副本已不在服务器上", "重新获取下载地址");
        String again = inApp(customer.get("/api/v1/certificates/" + number + "/pdf/link").object().getString("href"));
        assertThat(nobody.get(again).body()).isEqualTo(pdf);

        // a changed address: another certificate's number, other bytes, a later expiry, no or another signature
        String other = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        String later = Long.toString(expires.getEpochSecond() + 86_400);
        for (String changed : new String[] {
                address.replace("/" + number + ".pdf", "/" + other + ".pdf"),
                address.replace(sha, CertificateRevisionIT.sha256(customer.get("/api/v1/certificates/" + other + "/pdf").body())),
                address.replace("expires=" + expires.getEpochSecond(), "expires=" + later),
                address.substring(0, address.indexOf("&signature=")),
                flipFirstSignatureCharacter(address)}) {
            var refused = nobody.get(changed);
            assertThat(refused.status()).as(changed).isEqualTo(403);
            assertThat(refused.body()).as(changed).isNotEqualTo(pdf);
            assertThat(refused.object().getString("detail")).as(changed).contains("本院", "改动");
        }
        assertThat(nobody.getEnglish(address.replace("/" + number + ".pdf", "/" + other + ".pdf")).object()
                .getString("detail")).contains("not given out by the institute");

        // who may ask for an address: whoever may have the PDF, and nobody else
        assertThat(LimsApi.as("customer2").get("/api/v1/certificates/" + number + "/pdf/link").status())
                .as("another customer").isEqualTo(404);
        assertThat(nobody.get("/api/v1/certificates/" + number + "/pdf/link").status()).isEqualTo(401);
        assertThat(LimsApi.as("quality").get("/api/v1/certificates/" + number + "/pdf/link").status()).isEqualTo(200);
    }

    private static String flipFirstSignatureCharacter(String address) {
        int at = address.indexOf("&signature=") + "&signature=".length();
        return address.substring(0, at) + (address.charAt(at) == 'A' ? 'B' : 'A') + address.substring(at + 1);
    }

    /** The address within the application, as {@link LimsApi} takes it. */
    private static String inApp(String href) {
        return href.substring(URI.create(LimsApi.BASE_URL).getPath().length());
    }
}
