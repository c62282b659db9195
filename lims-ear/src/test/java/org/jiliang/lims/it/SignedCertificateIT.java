package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: what the approver issues is a signed PDF — PAdES B-T on the demo server (its own key and its own
 * time-stamp authority on loopback) — that an independent verifier (poppler's pdfsig) finds valid and that one
 * changed byte breaks; the hash the public check gives is that of the signed file.
 */
class SignedCertificateIT {

    @Test
    void anIssuedCertificateIsSignedAndTimeStampedAndOneChangedByteBreaksIt() throws Exception {
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        LimsApi customer = LimsApi.as("customer");
        byte[] pdf = customer.get("/api/v1/certificates/" + number + "/pdf").body();
        JsonObject certificate = customer.get("/api/v1/certificates/" + number).object();

        assertThat(PdfDocuments.pdfsig(pdf)).contains("Signature Type: ETSI.CAdES.detached",
                "Signature Validation: Signature is Valid.", "证书签名（演示）", "Total document signed");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(certificate.getString("pdfSha256")).isEqualTo(sha256);
        JsonObject check = LimsApi.anonymous().get("/api/v1/public/verify/" + VerificationSliceIT.token(number)).object();
        assertThat(check.getString("pdfSha256")).isEqualTo(sha256);
        // an issued PDF never changes: its hash is its entity tag, and a program that has it is told so (304)
        var download = customer.get("/api/v1/certificates/" + number + "/pdf");
        assertThat(download.raw().headers().firstValue("ETag")).hasValue("\"" + sha256 + "\"");
        var unchanged = customer.get("/api/v1/certificates/" + number + "/pdf", "If-None-Match", "\"" + sha256 + "\"");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(customer.get("/api/v1/certificates/" + number + "/pdf", "If-None-Match", "\"" + "0".repeat(64) + "\"")
                .body()).isEqualTo(pdf);
        assertThat(LimsApi.as("customer2").get("/api/v1/certificates/" + number + "/pdf", "If-None-Match",
                "\"" + sha256 + "\"").status()).as("another customer learns nothing, not even by the tag")
                .isEqualTo(404);

        // B-T: the signer's time stamp, from the demo's authority, over the signature value, made at the issue
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            byte[] der;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
                der = in.readObject().getEncoded();
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), der);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            var stamp = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            assertThat(stamp).as("signature-time-stamp").isNotNull();
            TimeStampToken token = new TimeStampToken(new CMSSignedData(
                    stamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
            assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
            Instant issued = LocalDateTime.parse(certificate.getString("issuedAt")).atZone(ItDay.ZONE).toInstant();
            assertThat(Duration.between(issued, token.getTimeStampInfo().getGenTime().toInstant()).abs())
                    .as("stamped when issued").isLessThan(Duration.ofMinutes(1));
        }

        byte[] changed = pdf.clone();
        int at = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("Jiliang LIMS");
        assertThat(at).isPositive();
        changed[at] = 'K';
        assertThat(PdfDocuments.pdfsig(changed)).contains("Signature Validation: Digest Mismatch.")
                .doesNotContain("Signature is Valid.");
    }
}
