package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a customer downloads every certificate of a period as one .zip — the PDFs as issued, a manifest and
 * SHA256SUMS that coreutils' own {@code sha256sum -c} accepts — searched by days of issue and result. Another
 * customer's archive of the same days holds none of them; an anonymous caller gets nothing.
 */
class CertificateArchiveIT {

    @Test
    void aPeriodsCertificatesInOneZipThatSha256sumChecks(@TempDir Path unpacked) throws Exception {
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        String today = ItDay.TODAY.toString();
        String period = "from=" + today + "&until=" + today;
        LimsApi customer = LimsApi.as("customer");

        var reply = customer.get("/api/v1/certificates.zip?" + period);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(reply.raw().headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"certificates-" + today + "-" + today + ".zip\"");
        Map<String, byte[]> entries = unzip(reply.body());
        assertThat(entries).containsKeys("manifest.csv", "SHA256SUMS", number + ".pdf");

        // every PDF is listed with its hash, and coreutils agrees
        for (var e : entries.entrySet()) {
            Files.write(unpacked.resolve(e.getKey()), e.getValue());
        }
        Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(unpacked.toFile())
                .redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(checked).isZero();
        assertThat(checked).contains(number + ".pdf: OK");
        long pdfs = entries.keySet().stream().filter(n -> n.endsWith(".pdf")).count();
        assertThat(checked.lines().filter(l -> l.endsWith(": OK")).count()).isEqualTo(pdfs);

        // the manifest: the hash the public check gives, the certificate's own check, where it stands
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(entries.get(number + ".pdf")));
        String row = manifest(entries).get(number);
        assertThat(row).contains(",VERIFICATION_CERTIFICATE,0,", ",VALID," + number + ".pdf," + sha256 + ",",
                "/verify/" + VerificationSliceIT.token(number));
        JsonObject publicCheck = LimsApi.anonymous().get("/api/v1/public/verify/" + VerificationSliceIT.token(number))
                .object();
        assertThat(publicCheck.getString("pdfSha256")).isEqualTo(sha256);
        Set<String> own = customer.get("/api/v1/certificates?max=1000").rows().getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("number")).collect(Collectors.toSet());
        assertThat(manifest(entries).keySet()).as("only the customer's own").isSubsetOf(own);

        // searched by result: a passed verification is not among the notices of non-conformity
        assertThat(unzip(customer.get("/api/v1/certificates.zip?" + period + "&kind=NOTICE_OF_NON_CONFORMITY").body()))
                .doesNotContainKey(number + ".pdf");
        assertThat(unzip(customer.get("/api/v1/certificates.zip?" + period + "&kind=VERIFICATION_CERTIFICATE")
                .body())).containsKey(number + ".pdf");
        assertThat(customer.get("/api/v1/certificates.csv?" + period + "&kind=VERIFICATION_CERTIFICATE").text())
                .contains(number);
        assertThat(customer.get("/api/v1/certificates.csv?from=" + ItDay.TODAY.plusDays(1)).text())
                .doesNotContain(number);

        // nobody else gets them
        var others = LimsApi.as("customer2").get("/api/v1/certificates.zip?" + period);
        assertThat(others.status()).isEqualTo(200);
        Map<String, byte[]> theirs = unzip(others.body());
        assertThat(theirs).doesNotContainKey(number + ".pdf");
        assertThat(new String(theirs.get("manifest.csv"), StandardCharsets.UTF_8)).doesNotContain(number);
        assertThat(LimsApi.anonymous().get("/api/v1/certificates.zip?" + period).status()).isEqualTo(401);
    }

    @Test
    void anArchiveNeedsAPeriodItCanHold() {
        LimsApi customer = LimsApi.as("customer");
        var none = customer.get("/api/v1/certificates.zip");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.object().getString("detail")).contains("366");
        String today = ItDay.TODAY.toString();
        assertThat(customer.get("/api/v1/certificates.zip?from=" + ItDay.TODAY.minusYears(2) + "&until=" + today)
                .status()).isEqualTo(409);
        assertThat(customer.get("/api/v1/certificates.zip?from=" + today + "&until=" + ItDay.TODAY.minusDays(1))
                .status()).isEqualTo(409);
        var notADay = customer.get("/api/v1/certificates.zip?from=2026-13-01&until=" + today);
        assertThat(notADay.status()).isEqualTo(400);
        assertThat(notADay.object().getString("detail")).contains("from", "2026-13-01");
        var kind = customer.get("/api/v1/certificates.zip?from=" + today + "&until=" + today + "&kind=PASSED");
        assertThat(kind.status()).isEqualTo(409);
        assertThat(kind.object().getString("detail")).contains("VERIFICATION_CERTIFICATE");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getName()).as("a plain file name").matches("[A-Za-z0-9._-]+");
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The manifest's rows by certificate number. */
    private static Map<String, String> manifest(Map<String, byte[]> entries) {
        List<String> lines = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .lines().toList();
        assertThat(lines.get(0)).startsWith("number,kind,revision,");
        return lines.stream().skip(1).collect(Collectors.toMap(l -> l.substring(0, l.indexOf(',')), l -> l));
    }
}
