package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo (and these tests) run with an HTTPS listener on 8443 whose key pair WildFly's Elytron
 * generated on first use (self-signed, for localhost), while plain http://localhost:8080 keeps
 * working: no redirect, no HSTS and no Secure flag in demo mode. The session cookie is SameSite=Lax
 * and HttpOnly in every mode. (Production mode, where HTTP redirects and cookies are Secure, is
 * decided by {@code TransportSecurity}; its unit test covers it.)
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HttpsIT {

    private static final URI HTTPS_BASE = URI.create(LimsApi.BASE_URL.replace("http://", "https://")
            .replace(":8080", ":8443"));

    @Test
    void httpsListenerAnswersWithTheSelfSignedCertificateOfTheDemo() throws Exception {
        X509Certificate certificate = serverCertificate(HTTPS_BASE);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(certificate.getIssuerX500Principal()).as("self-signed")
                .isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey());

        // A client that trusts exactly this certificate (and checks the host name) gets the pages.
        HttpClient strict = HttpClient.newBuilder().sslContext(trusting(certificate))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = strict.send(HttpRequest.newBuilder(URI.create(HTTPS_BASE + "/verify/no-such-token"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("未找到该证书");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("no HSTS for localhost in the demo")
                .isEmpty();

        // The key store lives with the demo's data, so the browser's exception survives a rebuild.
        Path keyStore = Path.of(System.getProperty("it.dataDir", "target/it-data"), "tls-demo.p12");
        assertThat(keyStore).exists();
        KeyStore stored = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            stored.load(in, "jiliang-demo".toCharArray());
        }
        assertThat(List.of(stored.getCertificate(stored.aliases().nextElement()))).containsExactly(certificate);
    }

    @Test
    void plainHttpKeepsWorkingInTheDemoWithALaxHttpOnlySessionCookie() {
        var login = LimsApi.anonymous().get("/login.xhtml");
        assertThat(login.status()).as("no redirect to HTTPS in demo mode").isEqualTo(200);
        assertThat(login.raw().headers().firstValue("Strict-Transport-Security")).isEmpty();

        String cookie = login.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + login.raw().headers().map()));
        List<String> attributes = List.of(cookie.toLowerCase().split("\\s*;\\s*"));
        assertThat(attributes).contains("samesite=lax", "httponly").doesNotContain("secure");
    }

    /** The certificate the server presents, whoever signed it (read only to be checked above). */
    private static X509Certificate serverCertificate(URI uri) throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            var chain = socket.getSession().getPeerCertificates();
            assertThat(chain).hasSize(1);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(chain[0].getEncoded()));
        }
    }

    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("lims", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), new SecureRandom());
        return context;
    }
}
