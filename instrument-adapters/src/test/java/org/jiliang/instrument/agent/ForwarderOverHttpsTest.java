package org.jiliang.instrument.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jiliang.instrument.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent forwards over HTTPS: the server's certificate is checked against the trust store the JVM is given
 * ({@code -Djavax.net.ssl.trustStore}, i.e. the default SSL context), and a server it does not trust gets no frame,
 * while the journal keeps them. The certificate is made for the test by the JDK's keytool.
 */
@Timeout(60)
class ForwarderOverHttpsTest {

    private static final String TOKEN = "bench-token-for-tests";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private SSLContext originalDefault;
    private SSLContext serverTls;
    private SSLContext trustingTheInstitute;

    @BeforeEach
    void certificate() throws Exception {
        originalDefault = SSLContext.getDefault();
        Path keyStore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "lims", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1, O=Jiliang LIMS test", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        // what -Djavax.net.ssl.trustStore=<the institute's certificate> gives the agent's JVM
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("lims", ks.getCertificate("lims"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trustingTheInstitute = SSLContext.getInstance("TLS");
        trustingTheInstitute.init(null, tmf.getTrustManagers(), null);
    }

    @AfterEach
    void restoreDefault() {
        SSLContext.setDefault(originalDefault);
    }

    @Test
    void framesArriveOverHttpsWhenTheServersCertificateIsTrusted() throws Exception {
        SSLContext.setDefault(trustingTheInstitute);
        try (FakeLimsServer server = new FakeLimsServer(TOKEN, serverTls);
             BenchJournal journal = BenchJournal.open(dir.resolve("journal"))) {
            assertThat(server.base().getScheme()).isEqualTo("https");
            DeviceJournal balance = journal.device("BAL-1", 0);
            Forwarder forwarder = new Forwarder(journal, connection(server)::send, 7, Duration.ofMillis(20),
                    Duration.ofMillis(200));
            forwarder.start();
            try {
                append(journal, balance, 12);
                Await.until(() -> server.stored("BAL-1").size() == 12, Duration.ofSeconds(15),
                        () -> server.stored("BAL-1").size() + " of 12 stored");
            } finally {
                forwarder.close();
            }
            assertThat(server.stored("BAL-1").get(12L).raw()).isEqualTo(frameBytes(12));
        }
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedGetsNothingAndTheJournalKeepsEverything() throws Exception {
        // the JDK's own trust store does not know the test certificate, as a bench PC would not know a stranger's
        try (FakeLimsServer server = new FakeLimsServer(TOKEN, serverTls);
             BenchJournal journal = BenchJournal.open(dir.resolve("journal"))) {
            DeviceJournal balance = journal.device("BAL-1", 0);
            Forwarder forwarder = new Forwarder(journal, connection(server)::send, 7, Duration.ofMillis(20),
                    Duration.ofMillis(200));
            forwarder.start();
            try {
                append(journal, balance, 5);
                Await.until(() -> forwarder.failures() >= 2, Duration.ofSeconds(15), () -> "the refusal noticed");
            } finally {
                forwarder.close();
            }
            assertThat(server.deliveries()).isEmpty();
            assertThat(balance.pendingCount()).isEqualTo(5);
        }
    }

    private static ServerConnection connection(FakeLimsServer server) {
        return new ServerConnection(server.base(), TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static void append(BenchJournal journal, DeviceJournal device, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            long n = device.lastSequence() + 1;
            device.append(Instant.parse("2026-11-26T08:00:00Z").plusMillis(n), frameBytes(n), "STABLE",
                    new BigDecimal(n + ".000"), "g", null);
            journal.signalAppend();
        }
    }

    private static byte[] frameBytes(long n) {
        return ("S S " + n + ".000 g\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
