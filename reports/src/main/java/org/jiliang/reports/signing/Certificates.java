package org.jiliang.reports.signing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates where no certification authority is involved: the demonstration's document-signing key
 * and the loopback time-stamp authority. A real institute signs with a key certified by a CA it is known by.
 */
public final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    /** A new 3072-bit RSA key pair (NIST SP 800-57 Part 1: 128-bit security, past 2030). */
    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new SigningException("RSA is part of every Java runtime", e);
        }
    }

    /** A new EC key pair on P-256 (secp256r1). */
    public static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new SigningException("EC P-256 is part of every Java runtime", e);
        }
    }

    /** A document-signing key (key usage digital signature and non-repudiation) for the distinguished name. */
    public static SigningKey documentSigner(String distinguishedName, Instant from, Instant until) {
        KeyPair keys = rsaKeyPair();
        X509v3CertificateBuilder builder = builder(distinguishedName, keys, from, until);
        try {
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        } catch (java.io.IOException e) {
            throw new SigningException("Cannot build the certificate of " + distinguishedName, e);
        }
        return new SigningKey(keys.getPrivate(), java.util.List.of(signed(builder, keys)));
    }

    /**
     * A time-stamping key: extended key usage id-kp-timeStamping, critical, as RFC 3161 §2.3 requires. EC P-256, whose
     * signatures cost a fraction of RSA's: an authority signs a token for every document.
     */
    public static SigningKey timeStamping(String distinguishedName, Instant from, Instant until) {
        KeyPair keys = ecKeyPair();
        X509v3CertificateBuilder builder = builder(distinguishedName, keys, from, until);
        try {
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        } catch (java.io.IOException e) {
            throw new SigningException("Cannot build the certificate of " + distinguishedName, e);
        }
        return new SigningKey(keys.getPrivate(), java.util.List.of(signed(builder, keys)));
    }

    private static X509v3CertificateBuilder builder(String distinguishedName, KeyPair keys, Instant from,
            Instant until) {
        X500Name name = new X500Name(distinguishedName);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM).abs(),
                Date.from(from), Date.from(until), name, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        } catch (java.io.IOException e) {
            throw new SigningException("Cannot build the certificate of " + distinguishedName, e);
        }
        return builder;
    }

    private static X509Certificate signed(X509v3CertificateBuilder builder, KeyPair keys) {
        String algorithm = "EC".equals(keys.getPrivate().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new SigningException("Cannot sign the certificate", e);
        }
    }
}
