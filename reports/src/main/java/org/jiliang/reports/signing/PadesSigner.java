package org.jiliang.reports.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as ETSI EN 319 142-1 (PAdES) baseline B-B, or B-T when a time-stamp authority is given:
 *
 * <ul>
 * <li>an incremental update adds a signature dictionary of sub-filter {@code ETSI.CAdES.detached} whose byte range
 * covers the whole file but the signature itself (ISO 32000-1 §12.8.1); its {@code M} entry is the signing time,
 * since B-B forbids the CMS {@code signing-time} attribute (EN 319 142-1 §5.2.1 / EN 319 122-1 §5.2.1);</li>
 * <li>the CMS SignedData is detached, DER, SHA-256, with the signed attributes content-type, message-digest and
 * {@code signing-certificate-v2} (the signer's certificate bound to the signature, RFC 5035), and the certificate
 * chain;</li>
 * <li>B-T adds the unsigned attribute {@code signature-time-stamp} (RFC 3161 token over the SHA-256 of the signature
 * value).</li>
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class PadesSigner {

    /** What the signature dictionary says of the signing, besides the signer's certificate. */
    public record Details(String reason, String location, String contactInfo, Instant signingTime) {
        public Details {
            Objects.requireNonNull(signingTime, "signingTime");
        }
    }

    /**
     * Room in the CMS besides the certificates it carries: the signature value (512 bytes for RSA 4096), the signed
     * attributes and the structure around them.
     */
    static final int SIGNER_ROOM = 2 * 1024;
    /**
     * Room for a time-stamp token: its own SignedData with the authority's certificate (asked for, RFC 3161 §2.4.1
     * {@code certReq}) and a chain of a few more. A token larger than this costs one more signing, not a failure.
     */
    static final int TOKEN_ROOM = 8 * 1024;

    private PadesSigner() {
    }

    /**
     * @param tsa the time-stamp authority for B-T, or null for B-B
     * @return the signed PDF: the original bytes followed by the incremental update
     */
    public static byte[] sign(byte[] pdf, SigningKey key, Details details, TimeStampAuthority tsa) {
        return sign(pdf, key, details, tsa, roomFor(key, tsa));
    }

    /**
     * The room the file reserves for the CMS, written there as hexadecimal (ISO 32000-1 §12.8.1): what this key's
     * chain and, for B-T, a token need. A fixed 32 KiB made every signed certificate carry 64 KB of hexadecimal
     * zeros, written one byte at a time.
     */
    static int roomFor(SigningKey key, TimeStampAuthority tsa) {
        int chain = 0;
        for (X509Certificate certificate : key.chain()) {
            try {
                chain += certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new SigningException("The certificate " + certificate.getSubjectX500Principal()
                        + " of the signing key cannot be encoded", e);
            }
        }
        return chain + SIGNER_ROOM + (tsa == null ? 0 : TOKEN_ROOM);
    }

    /**
     * Signs with {@code room} bytes reserved for the CMS; a CMS that comes out larger (an authority's token larger
     * than {@link #TOKEN_ROOM}) is made again, with a new time stamp, in room of its own measured size.
     */
    static byte[] sign(byte[] pdf, SigningKey key, Details details, TimeStampAuthority tsa, int room) {
        Attempt first = attempt(pdf, key, details, tsa, room);
        if (first.signed() != null) {
            return first.signed();
        }
        Attempt second = attempt(pdf, key, details, tsa, first.cmsLength() + SIGNER_ROOM);
        if (second.signed() == null) {
            throw new SigningException("The signature of " + second.cmsLength() + " bytes does not fit the "
                    + (first.cmsLength() + SIGNER_ROOM) + " bytes reserved for it after a first one of "
                    + first.cmsLength() + " bytes");
        }
        return second.signed();
    }

    /** The signed file, or null and the length of the CMS that did not fit. */
    private record Attempt(byte[] signed, int cmsLength) {
    }

    private static Attempt attempt(byte[] pdf, SigningKey key, Details details, TimeStampAuthority tsa, int room) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream(pdf.length + room * 2 + 4096);
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(commonName(key.certificate()));
            signature.setReason(details.reason());
            signature.setLocation(details.location());
            signature.setContactInfo(details.contactInfo());
            Calendar at = GregorianCalendar.from(details.signingTime().atZone(ZoneOffset.UTC));
            signature.setSignDate(at);
            options.setPreferredSignatureSize(room);
            document.addSignature(signature, options);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(signed);
            byte[] covered;
            try (InputStream content = external.getContent()) {
                covered = content.readAllBytes();
            }
            byte[] cms = cms(covered, key, tsa);
            if (cms.length > room) {
                return new Attempt(null, cms.length);
            }
            external.setSignature(cms);
        } catch (IOException e) {
            throw new SigningException("Cannot sign the PDF: " + e.getMessage(), e);
        }
        return new Attempt(signed.toByteArray(), 0);
    }

    /** The detached CMS SignedData over the bytes of the byte range. */
    static byte[] cms(byte[] covered, SigningKey key, TimeStampAuthority tsa) {
        try {
            X509Certificate certificate = key.certificate();
            AttributeTable required = new AttributeTable(new DERSet(signingCertificateV2(certificate)));
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                    // the default generator adds signing-time, which PAdES baseline leaves to the dictionary's M
                    .setSignedAttributeGenerator(parameters -> new DefaultSignedAttributeTableGenerator(required)
                            .getAttributes(parameters).remove(CMSAttributes.signingTime))
                    .build(new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.privateKey()),
                            certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(covered), false);
            if (tsa != null) {
                signed = timeStamped(signed, tsa);
            }
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
            throw new SigningException("Cannot make the CMS signature with the key of "
                    + key.certificate().getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    /** B-T: the signer's unsigned attribute signature-time-stamp, a token over the SHA-256 of its signature value. */
    private static CMSSignedData timeStamped(CMSSignedData signed, TimeStampAuthority tsa)
            throws GeneralSecurityException, IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = tsa.timeStampToken(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
        ASN1EncodableVector unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    private static Attribute signingCertificateV2(X509Certificate certificate)
            throws GeneralSecurityException {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            IssuerSerial issuer = new IssuerSerial(new GeneralNames(new GeneralName(
                    X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                    certificate.getSerialNumber());
            // SHA-256 is ESSCertIDv2's default algorithm, left out of the encoding (RFC 5035 §4)
            return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash, issuer))));
        } catch (CertificateEncodingException e) {
            throw new SigningException("The signer's certificate cannot be encoded", e);
        }
    }

    private static String commonName(X509Certificate certificate) {
        var names = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        return names.length == 0 ? certificate.getSubjectX500Principal().getName()
                : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
