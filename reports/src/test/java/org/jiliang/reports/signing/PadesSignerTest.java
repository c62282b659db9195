package org.jiliang.reports.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.jiliang.reports.certificate.CertificateRenderer;
import org.jiliang.reports.certificate.SampleCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rendered certificate signed as PAdES B-B and B-T, checked twice: by poppler's {@code pdfsig}, a verifier that
 * shares no code with the signer, and by reading the CMS back (what B-B and B-T require of it). One changed byte
 * breaks the signature.
 */
@Timeout(120)
class PadesSignerTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-12-05T02:30:00Z");
    private static byte[] certificatePdf;
    private static SigningKey key;

    @TempDir
    Path work;

    @BeforeAll
    static void renderAndMakeAKey() {
        certificatePdf = new CertificateRenderer().renderPdf(SampleCertificate.verificationCertificate());
        key = Certificates.documentSigner("CN=江海市计量检定测试院 证书签名, O=江海市计量检定测试院, C=CN",
                SIGNED_AT.minus(Duration.ofDays(1)), SIGNED_AT.plus(Duration.ofDays(365)));
    }

    private static PadesSigner.Details details() {
        return new PadesSigner.Details("检定证书 JH-J2026-011523 / verification certificate", "江海市", "lims@example.cn",
                SIGNED_AT);
    }

    @Test
    void aBaselineBSignatureIsValidForAnIndependentVerifierAndCoversTheWholeFile() throws Exception {
        byte[] signed = PadesSigner.sign(certificatePdf, key, details(), null);

        String report = pdfsig(signed);
        assertThat(report).contains("Signature Type: ETSI.CAdES.detached", "Signature Validation: Signature is Valid.",
                "Signer Certificate Common Name: 江海市计量检定测试院 证书签名", "Total document signed");
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            PDSignature signature = pdf.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).as("the byte range ends with the file").isEqualTo(signed.length);
            assertThat(signature.getSignDate().toInstant()).isEqualTo(SIGNED_AT);
            // the certificate reads as before: an incremental update adds, it does not rewrite
            assertThat(new PDFTextStripper().getText(pdf)).contains("JH-J2026-011523", "检定证书");
            SignerInformation signer = verifiedSigner(signature.getContents(), signature.getSignedContent(signed));
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                    .as("signing-certificate-v2 binds the certificate").isNotNull();
            assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime))
                    .as("B-B: the time is the dictionary's M, not a CMS attribute").isNull();
            assertThat(signer.getUnsignedAttributes()).as("B-B: no time stamp").isNull();
        }
        assertThat(java.util.Arrays.copyOf(signed, certificatePdf.length)).isEqualTo(certificatePdf);
    }

    @Test
    void oneChangedByteInvalidatesTheSignature() throws Exception {
        byte[] signed = PadesSigner.sign(certificatePdf, key, details(), null);
        // the document's producer in its information dictionary, inside the signed range
        int at = indexOf(signed, "Jiliang LIMS".getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive().isLessThan(certificatePdf.length);
        byte[] changed = signed.clone();
        changed[at] = 'K';

        assertThat(pdfsig(changed)).contains("Signature Validation: Digest Mismatch.")
                .doesNotContain("Signature is Valid.");
    }

    @Test
    void aBaselineTSignatureCarriesATimeStampOfTheSignatureValueFromTheAuthority() throws Exception {
        Clock tsaClock = Clock.fixed(SIGNED_AT.plusSeconds(2), ZoneOffset.UTC);
        try (LoopbackTimeStampAuthority tsa = LoopbackTimeStampAuthority.start(0, tsaClock)) {
            byte[] signed = PadesSigner.sign(certificatePdf, key, details(),
                    new HttpTimeStampAuthority(tsa.uri(), Duration.ofSeconds(10)));

            assertThat(tsa.answered()).isEqualTo(1);
            assertThat(pdfsig(signed)).contains("Signature Validation: Signature is Valid.");
            try (PDDocument pdf = Loader.loadPDF(signed)) {
                PDSignature signature = pdf.getLastSignatureDictionary();
                SignerInformation signer = verifiedSigner(signature.getContents(), signature.getSignedContent(signed));
                var stamp = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                assertThat(stamp).as("B-T: signature-time-stamp").isNotNull();
                TimeStampToken token = new TimeStampToken(new CMSSignedData(
                        stamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.certificate()));
                assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(tsaClock.instant());
                assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
            }
        }
    }

    @Test
    void theFileGrowsByTheRoomItsSignatureNeedsNotByAFixedThirtyTwoKilobytesInHexadecimal() throws Exception {
        try (LoopbackTimeStampAuthority tsa = LoopbackTimeStampAuthority.start(0, Clock.systemUTC())) {
            byte[] signed = PadesSigner.sign(certificatePdf, key, details(),
                    new HttpTimeStampAuthority(tsa.uri(), Duration.ofSeconds(10)));

            // the room written as hexadecimal: the chain (one certificate here), the signer's room and a token's
            int room = key.certificate().getEncoded().length + PadesSigner.SIGNER_ROOM + PadesSigner.TOKEN_ROOM;
            try (PDDocument pdf = Loader.loadPDF(signed)) {
                assertThat(pdf.getLastSignatureDictionary().getContents()).hasSize(room);
            }
            assertThat(signed.length - certificatePdf.length).as("bytes the signature adds (66 KB with 32 KiB)")
                    .isLessThan(2 * room + 4096);
            assertThat(pdfsig(signed)).contains("Signature Validation: Signature is Valid.");
        }
    }

    @Test
    void aSignatureLargerThanTheRoomReservedIsMadeAgainWithANewTimeStampInRoomOfItsSize() throws Exception {
        try (LoopbackTimeStampAuthority tsa = LoopbackTimeStampAuthority.start(0, Clock.systemUTC())) {
            byte[] signed = PadesSigner.sign(certificatePdf, key, details(),
                    new HttpTimeStampAuthority(tsa.uri(), Duration.ofSeconds(10)), 512);

            assertThat(tsa.answered()).as("the first token went with the signature that did not fit").isEqualTo(2);
            assertThat(pdfsig(signed)).contains("Signature Validation: Signature is Valid.", "Total document signed");
            try (PDDocument pdf = Loader.loadPDF(signed)) {
                PDSignature signature = pdf.getLastSignatureDictionary();
                SignerInformation signer = verifiedSigner(signature.getContents(), signature.getSignedContent(signed));
                assertThat(signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken))
                        .isNotNull();
                assertThat(signature.getContents().length).isGreaterThan(512);
            }
            assertThat(java.util.Arrays.copyOf(signed, certificatePdf.length)).isEqualTo(certificatePdf);
        }
    }

    @Test
    void anAuthorityThatDoesNotAnswerStopsTheSigningWithItsAddress() throws Exception {
        java.net.URI nobody;
        try (LoopbackTimeStampAuthority gone = LoopbackTimeStampAuthority.start(0, Clock.systemUTC())) {
            nobody = gone.uri();
        }
        HttpTimeStampAuthority tsa = new HttpTimeStampAuthority(nobody, Duration.ofSeconds(5));
        assertThatThrownBy(() -> PadesSigner.sign(certificatePdf, key, details(), tsa))
                .isInstanceOf(SigningException.class).hasMessageContaining(nobody.toString())
                .hasMessageContaining("did not answer");
    }

    /** The CMS verifies with the signer's certificate over exactly the byte range's bytes. */
    private static SignerInformation verifiedSigner(byte[] cms, byte[] covered) throws Exception {
        // the dictionary's Contents is the reserved room: the DER signature, then zeros
        byte[] der;
        try (var in = new org.bouncycastle.asn1.ASN1InputStream(cms)) {
            der = in.readObject().getEncoded();
        }
        CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(covered), der);
        SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        List<X509CertificateHolder> certificates = (List<X509CertificateHolder>) (List<?>) List.copyOf(
                data.getCertificates().getMatches(signer.getSID()));
        assertThat(certificates).hasSize(1);
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificates.get(0)))).isTrue();
        assertThat(certificates.get(0).getEncoded()).isEqualTo(key.certificate().getEncoded());
        return signer;
    }

    /** poppler-utils' pdfsig (installed by .ci/run): its report of every signature in the file. */
    private String pdfsig(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.write(work.resolve("signed-" + System.nanoTime() + ".pdf"), pdf);
        Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pdfsig finished").isTrue();
        return output;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
