package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up refusals of a server outside demo mode: the public address, the database password and
 * the TLS key store, each with a message that names the setting. The key store is a real PKCS#12 file
 * made by the JDK's keytool, as an administrator would make a test one.
 */
class ProductionReadinessTest {

    private static final String PRODUCTION_URL = "https://lims.jiliang.example.cn/lims";

    @TempDir
    static Path dir;
    private static Path keyStore;

    @BeforeAll
    static void makeKeyStore() throws Exception {
        keyStore = dir.resolve("lims.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "lims", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=lims.jiliang.example.cn", "-validity", "30", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "store-secret").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    }

    private static Map<String, String> ready() {
        Map<String, String> env = new HashMap<>();
        env.put("LIMS_DB_PASSWORD", "a-real-one");
        env.put("LIMS_TLS_KEYSTORE", keyStore.toString());
        env.put("LIMS_TLS_KEYSTORE_PASSWORD", "store-secret");
        env.put("LIMS_SIGNING_KEYSTORE", keyStore.toString());
        env.put("LIMS_SIGNING_KEYSTORE_PASSWORD", "store-secret");
        return env;
    }

    private static List<String> problems(String publicUrl, Map<String, String> env) {
        return ProductionReadiness.problems(false, publicUrl, env::get);
    }

    @Test
    void aProperlyConfiguredServerStarts() {
        assertThat(problems(PRODUCTION_URL, ready())).isEmpty();
    }

    @Test
    void theDemoNeedsNoneOfIt() {
        assertThat(ProductionReadiness.problems(true, "http://localhost:8080/lims", Map.<String, String>of()::get))
                .isEmpty();
    }

    @Test
    void publicAddressMustBeHttpsAndNotThisMachine() {
        for (String url : List.of("http://localhost:8080/lims", "https://localhost:8443/lims", "https://127.0.0.1/lims",
                "https://[::1]/lims", "https://lims.localhost/lims", "http://lims.jiliang.example.cn/lims", "lims", "")) {
            assertThat(problems(url, ready())).as(url).singleElement().asString()
                    .startsWith("jiliang.public-url").contains("-Djiliang.public-url=https://");
        }
        assertThat(problems("https://10.1.2.3:8443/lims", ready())).as("an address on the institute's network").isEmpty();
    }

    @Test
    void theDefaultDatabasePasswordIsRefused() {
        Map<String, String> env = ready();
        env.put("LIMS_DB_PASSWORD", "sa");
        assertThat(problems(PRODUCTION_URL, env)).singleElement().asString()
                .startsWith("LIMS_DB_PASSWORD is the built-in default").contains("Set LIMS_DB_USER and LIMS_DB_PASSWORD");
        env.remove("LIMS_DB_PASSWORD");
        assertThat(problems(PRODUCTION_URL, env)).singleElement().asString().startsWith("LIMS_DB_PASSWORD is not set");
    }

    @Test
    void theKeyStoreMustOpenWithItsPasswordAndHoldAKey() throws Exception {
        Map<String, String> env = ready();
        env.remove("LIMS_TLS_KEYSTORE");
        assertThat(problems(PRODUCTION_URL, env)).singleElement().asString().startsWith("LIMS_TLS_KEYSTORE is not set");

        env.put("LIMS_TLS_KEYSTORE", dir.resolve("missing.p12").toString());
        assertThat(problems(PRODUCTION_URL, env)).singleElement().asString().contains("not a readable file");

        env = ready();
        env.put("LIMS_TLS_KEYSTORE_PASSWORD", "wrong");
        assertThat(problems(PRODUCTION_URL, env)).singleElement().asString()
                .contains("cannot be opened as PKCS#12 with LIMS_TLS_KEYSTORE_PASSWORD");

        env.remove("LIMS_TLS_KEYSTORE_PASSWORD");
        assertThat(problems(PRODUCTION_URL, env)).singleElement().asString()
                .startsWith("LIMS_TLS_KEYSTORE_PASSWORD is not set");

        Path notAKeyStore = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        env = ready();
        env.put("LIMS_TLS_KEYSTORE", notAKeyStore.toString());
        assertThat(problems(PRODUCTION_URL, env)).singleElement().asString().contains("cannot be opened as PKCS#12");
    }

    @Test
    void certificatesAreNotIssuedUnsignedOutsideTheDemo() {
        Map<String, String> env = ready();
        env.remove("LIMS_SIGNING_KEYSTORE");
        assertThat(problems(PRODUCTION_URL, env)).singleElement().asString()
                .startsWith("LIMS_SIGNING_KEYSTORE is not set").contains("signed (PAdES)");
        env = ready();
        env.put("LIMS_SIGNING_KEYSTORE_PASSWORD", "wrong");
        assertThat(problems(PRODUCTION_URL, env)).singleElement().asString()
                .contains("cannot be opened as PKCS#12 with LIMS_SIGNING_KEYSTORE_PASSWORD");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problems("http://localhost:8080/lims", Map.of())).hasSize(4);
    }
}
