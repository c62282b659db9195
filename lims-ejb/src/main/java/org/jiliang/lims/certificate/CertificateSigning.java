package org.jiliang.lims.certificate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.jiliang.lims.platform.Institute;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Settings;
import org.jiliang.reports.signing.Certificates;
import org.jiliang.reports.signing.HttpTimeStampAuthority;
import org.jiliang.reports.signing.LoopbackTimeStampAuthority;
import org.jiliang.reports.signing.PadesSigner;
import org.jiliang.reports.signing.SigningException;
import org.jiliang.reports.signing.SigningKey;
import org.jiliang.reports.signing.TimeStampAuthority;

/**
 * Signs every issued document as PAdES (B-T when a time-stamp authority is configured, B-B otherwise), and its DCC
 * with an enveloped XML signature, with the
 * institute's document-signing key: the first private key of the PKCS#12 key store {@code LIMS_SIGNING_KEYSTORE}
 * (Settings.signingKeyStore; declared in Elytron by configure-server.cli as {@code lims-signing}, read here with the
 * JDK's KeyStore as the audit anchor key is). Outside demo mode the server does not start without it
 * (ProductionReadiness). The demo makes its own key and self-signed certificate, in the institute's name, at its first
 * certificate, and runs a time-stamp authority of its own on loopback.
 */
@ApplicationScoped
public class CertificateSigning {

    static final String DEMO_ALIAS = "certificate-signing";
    private static final Logger LOG = Logger.getLogger(CertificateSigning.class.getName());

    @Inject
    private Clock clock;

    private volatile SigningKey key;
    private volatile TimeStampAuthority tsa;
    private LoopbackTimeStampAuthority demoTsa;

    /** The PDF signed, the reason naming what it is ({@code 检定证书 JHJD2026-000001}); refused if it cannot be. */
    public byte[] sign(byte[] pdf, String reason, Institute institute) {
        try {
            return PadesSigner.sign(pdf, key(institute), new PadesSigner.Details(reason,
                    institute.city().orElse(null), institute.email().orElse(null), clock.instant()),
                    timeStampAuthority());
        } catch (SigningException e) {
            throw new RefusedException("error.certificate.notSigned", e.getMessage());
        }
    }

    /** The DCC with an enveloped XML signature by the same key (reports.dcc.DccSignature). */
    public byte[] signDcc(byte[] dcc, Institute institute) {
        try {
            return org.jiliang.reports.dcc.DccSignature.sign(dcc, key(institute));
        } catch (SigningException e) {
            throw new RefusedException("error.certificate.notSigned", e.getMessage());
        }
    }

    private SigningKey key(Institute institute) {
        SigningKey known = key;
        if (known == null) {
            synchronized (this) {
                known = key;
                if (known == null) {
                    known = load(Settings.signingKeyStore(), Settings.signingKeyStorePassword(), institute);
                    key = known;
                }
            }
        }
        return known;
    }

    private SigningKey load(Path store, char[] password, Institute institute) {
        try {
            if (!Files.isRegularFile(store) && Settings.demoMode()) {
                demoKey(store, password, institute);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            for (String alias : Collections.list(keys.aliases())) {
                if (keys.isKeyEntry(alias)) {
                    Certificate[] chain = keys.getCertificateChain(alias);
                    SigningKey found = new SigningKey((PrivateKey) keys.getKey(alias, password),
                            Arrays.stream(chain).map(X509Certificate.class::cast).toList());
                    LOG.info(() -> "Certificates are signed with the key of "
                            + found.certificate().getSubjectX500Principal() + " from " + store);
                    return found;
                }
            }
            throw new SigningException("The signing key store " + store + " holds no private key");
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningException("The signing key store " + store + " cannot be read: " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The demo's key: a self-signed certificate in the institute's name, valid ten years, in a key store readable by
     * its owner only. Anyone can tell it from a real one: no authority certified it.
     */
    private void demoKey(Path store, char[] password, Institute institute) throws IOException,
            GeneralSecurityException {
        Instant now = clock.instant();
        String name = institute.nameZh().replaceAll("[,+=\"\\\\<>;#]", " ");
        SigningKey made = Certificates.documentSigner("CN=" + name + " 证书签名（演示）, O=" + name + ", C=CN",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3652)));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(DEMO_ALIAS, made.privateKey(), password, made.chain().toArray(new Certificate[0]));
        Files.createDirectories(store.getParent());
        try (OutputStream out = Files.newOutputStream(store)) {
            keys.store(out, password);
        }
        try {
            Files.setPosixFilePermissions(store, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException e) {
            LOG.fine("No POSIX permissions here for " + store);
        }
        LOG.warning(() -> "Demo mode: made a self-signed document-signing key at " + store
                + "; a real institute sets LIMS_SIGNING_KEYSTORE to its certified key");
    }

    /** The configured authority; in demo mode without one, its own on loopback, started at first use. */
    private TimeStampAuthority timeStampAuthority() {
        TimeStampAuthority known = tsa;
        if (known == null) {
            synchronized (this) {
                known = tsa;
                if (known == null) {
                    known = Settings.timeStampAuthority().<TimeStampAuthority>map(uri ->
                            new HttpTimeStampAuthority(uri, Duration.ofSeconds(10))).orElseGet(this::demoAuthority);
                    tsa = known;
                }
            }
        }
        return known == NONE ? null : known;
    }

    /** No authority: B-B. */
    private static final TimeStampAuthority NONE = digest -> {
        throw new IllegalStateException("no time-stamp authority");
    };

    private TimeStampAuthority demoAuthority() {
        if (!Settings.demoMode()) {
            LOG.info("No time-stamp authority (LIMS_TSA_URL): certificates are signed PAdES B-B");
            return NONE;
        }
        try {
            demoTsa = LoopbackTimeStampAuthority.start(Settings.demoTsaPort(), clock);
            LOG.info(() -> "Demo mode: time-stamp authority on " + demoTsa.uri() + " (loopback, not trusted by anyone)");
            return new HttpTimeStampAuthority(demoTsa.uri(), Duration.ofSeconds(10));
        } catch (IOException e) {
            LOG.warning(() -> "Demo mode: no time-stamp authority on port " + Settings.demoTsaPort() + " ("
                    + e.getMessage() + "): certificates are signed PAdES B-B");
            return NONE;
        }
    }

    @PreDestroy
    void stop() {
        if (demoTsa != null) {
            demoTsa.close();
        }
    }
}
