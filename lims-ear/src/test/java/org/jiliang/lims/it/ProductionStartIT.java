package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation as an institute makes it: a WildFly of its own (a copy of the provisioned server,
 * {@link WildFlyProcess}) outside demo mode, on an empty PostgreSQL database of its own
 * ({@link PostgresCluster}), with the institute's TLS key store, a public https address and a database
 * password of its own. From the setup token the server prints at its first start to the first two
 * certificates, through the API only, as the people of the institute would:
 * <ol>
 * <li>the first-run setup records the institute and the first administrator, then closes;</li>
 * <li>the administrator creates the staff and a customer's account, the customer, the scale, the bench
 * device and the authorizations; the quality manager adds the procedure edition and a standard;</li>
 * <li>two first jobs of the year are received at the same moment and two first certificates of the year
 * approved at the same moment: each gets its own number (the counters of a new year are created under a
 * race);</li>
 * <li>the customer downloads the certificate, and anyone checks it by the token of its QR address, which
 * points to the configured public address.</li>
 * </ol>
 * The scale at the bench is a simulated MT-SICS balance that this test runs and loads itself.
 */
@OwnServer
class ProductionStartIT {

    private static final Path SERVER = Path.of(System.getProperty("it.serverDir", "target/server"));
    private static final String PUBLIC_URL = "https://lims.test.example/lims";
    private static final String STORE_PASSWORD = "institute key store 2026";
    private static final String DB_PASSWORD = "a database password of its own";
    private static final String ADMIN_PASSWORD = "the first administrator's own words";
    private static final String PROCEDURE = "JJG 539-2016";
    private static final Pattern SETUP_TOKEN = Pattern.compile("the setup token ([A-Za-z0-9_-]{20,})");

    private HttpClient https;
    private String base;
    private int httpPort;

    @Test
    void anEmptyProductionInstallationReachesItsFirstCertificates(@TempDir Path work) throws Exception {
        assumeTrue(PostgresCluster.binaries().isPresent(), "PostgreSQL's initdb and pg_ctl are not installed");
        Path keyStore = institutesKeyStore(work);
        Path signingKey = signingKeyStore(work);
        https = HttpClient.newBuilder().sslContext(trusting(keyStore)).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try (PostgresCluster database = PostgresCluster.create();
                MtSicsBalanceSimulator scale = MtSicsBalanceSimulator.builder().port(LoopbackPorts.free())
                        .capacity(new BigDecimal("30.00")).displayInterval(new BigDecimal("0.01")).unit("kg")
                        .model("XK3190 (simulated)").serialNumber("PS-2026-001").start()) {
            database.start();
            database.createDatabase("lims", "lims", DB_PASSWORD);
            int offset = WildFlyProcess.freePortOffset();
            try (WildFlyProcess wildfly = WildFlyProcess.copyOf(SERVER, work.resolve("wildfly")).portOffset(offset)
                    .systemProperty("jiliang.public-url", PUBLIC_URL)
                    .systemProperty("jiliang.data.dir", work.resolve("data").toString())
                    .environment("LIMS_DB_DRIVER", "postgresql").environment("LIMS_DB_URL", database.jdbcUrl("lims"))
                    .environment("LIMS_DB_USER", "lims").environment("LIMS_DB_PASSWORD", DB_PASSWORD)
                    .environment("LIMS_TLS_KEYSTORE", keyStore.toString())
                    .environment("LIMS_TLS_KEYSTORE_PASSWORD", STORE_PASSWORD)
                    .environment("LIMS_SIGNING_KEYSTORE", signingKey.toString())
                    .environment("LIMS_SIGNING_KEYSTORE_PASSWORD", STORE_PASSWORD)
                    .build()) {
                try {
                    wildfly.start();
                    base = "https://127.0.0.1:" + (8443 + offset) + "/lims";

                    httpPort = 8080 + offset;
                    transportIsHttpsOnly(httpPort);
                    firstRunSetup(wildfly);
                    String[] certificates = institutesFirstWork(scale);
                    customerAndPublicSeeTheirCertificate(certificates);
                } finally {
                    keepServerLog(wildfly);
                }
            }
        }
    }

    /** The server's log outlives the temporary directory, for whoever reads a failure. */
    private static void keepServerLog(WildFlyProcess wildfly) throws IOException {
        Path log = wildfly.home().resolve("standalone/log/server.log");
        if (Files.exists(log)) {
            Path reports = Path.of(System.getProperty("it.reportDir", "target/it-reports"));
            Files.createDirectories(reports);
            Files.copy(log, reports.resolve("production-start-server.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Plain HTTP goes to the same path under the public https address; HTTPS answers carry HSTS. */
    private void transportIsHttpsOnly(int httpPort) throws IOException, InterruptedException {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/lims/public/setup.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(308);
        assertThat(plain.headers().firstValue("Location")).hasValue(PUBLIC_URL + "/public/setup.xhtml");
        HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(base + "/public/setup.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    /** The token from the server's log opens the setup once; nobody can log in before it, nor set up twice. */
    private void firstRunSetup(WildFlyProcess wildfly) throws IOException {
        String console = Files.readString(wildfly.consoleLog(), StandardCharsets.UTF_8);
        Matcher token = SETUP_TOKEN.matcher(console);
        assertThat(token.find()).as("the setup token in the server's log").isTrue();
        assertThat(console).contains("Open " + PUBLIC_URL + "/public/setup.xhtml");

        assertThat(api("admin", "jiliang").get("/api/v1/me").status()).as("no demo account").isEqualTo(401);
        var wrongToken = anonymous().post("/api/v1/public/setup", setup("not-the-token-at-all-000"));
        assertThat(wrongToken.status()).isEqualTo(409);
        assertThat(wrongToken.object().getString("error")).isEqualTo("error.setup.token");

        var done = anonymous().post("/api/v1/public/setup", setup(token.group(1)));
        assertThat(done.status()).as(done.text()).isEqualTo(204);
        var again = anonymous().post("/api/v1/public/setup", setup(token.group(1)));
        assertThat(again.object().getString("error")).isEqualTo("error.setup.closed");
        assertThat(admin().get("/api/v1/me").object().getJsonArray("roles").toString()).contains("administrator");
    }

    private static String setup(String token) {
        return "{\"token\":\"" + token + "\",\"nameZh\":\"滨海市计量测试研究院\",\"nameEn\":\"Binhai Institute of"
                + " Metrology\",\"address\":\"滨海市海港路 1 号\",\"certificatePrefix\":\"BH\",\"timeZone\":\"Asia/Shanghai\","
                + "\"adminUsername\":\"director\",\"adminDisplayName\":\"系统管理员 陈\",\"adminPassword\":\""
                + ADMIN_PASSWORD + "\"}";
    }

    /**
     * Everything the institute needs before a verification, made through the API by the people whose job it
     * is, then two verifications whose first numbers of the year are asked for at the same moment.
     *
     * @return the two certificate numbers
     */
    private String[] institutesFirstWork(MtSicsBalanceSimulator scale) throws Exception {
        LimsApi admin = admin();
        LimsApi technician = staff("tech", "technician");
        LimsApi checker = staff("check", "checker");
        LimsApi approver = staff("approve", "approver");
        LimsApi quality = staff("qm", "quality-manager");
        LimsApi clerk = staff("desk", "intake-clerk");

        ok(clerk.post("/api/v1/registry/customers", "{\"code\":\"K0001\",\"name\":\"滨海粮油有限公司\","
                + "\"address\":\"滨海市工业路 8 号\",\"contactEmail\":\"qa@binhai-grain.example\"}"));
        // two scales of the customer's, brought in together
        List<Long> instruments = List.of(registerScale(clerk, "PS-2026-001"), registerScale(clerk, "PS-2026-002"));
        ok(quality.post("/api/v1/procedures", "{\"code\":\"" + PROCEDURE + "\",\"title\":\"数字指示秤检定规程\","
                + "\"kind\":\"VERIFICATION\",\"effectiveFrom\":\"2017-05-30\",\"testPlan\":\"R76\","
                + "\"allowedStandardClasses\":\"E1, E2, F1, F2, M1\",\"temperatureMin\":-10,\"temperatureMax\":40,"
                + "\"humidityMax\":85,\"limitsSource\":\"JJG 539-2016\"}"));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")); // this server's zone
        ok(quality.post("/api/v1/standards", "{\"code\":\"STD-F1-01\",\"name\":\"F1 砝码组 1 mg–20 kg\","
                + "\"accuracy\":\"F1\",\"serialNumber\":\"WS-F1-01\",\"certificateNumber\":\"BH2026-00001\","
                + "\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"" + today.minusMonths(2) + "\",\"dueDate\":\""
                + today.plusMonths(10) + "\"}"));
        grant(admin, "tech", "PERFORM", today);
        grant(admin, "check", "CHECK", today);
        grant(admin, "approve", "APPROVE", today);
        ok(admin.post("/api/v1/devices", "{\"code\":\"BAL-P1\",\"name\":\"检定台 1\",\"protocol\":\"mt-sics\","
                + "\"transport\":\"tcp\",\"host\":\"127.0.0.1\",\"port\":" + scale.port() + ",\"pollCommand\":\"SI\","
                + "\"pollIntervalMs\":300,\"mode\":\"poll\"}"));
        ok(admin.post("/api/v1/devices/BAL-P1/start", "{}"));

        String intake = "{\"instrumentId\":%d,\"verificationType\":\"SUBSEQUENT\"}";
        List<JsonObject> received = atOnce(() -> clerk.post("/api/v1/jobs/intake", intake.formatted(instruments.get(0))),
                () -> clerk.post("/api/v1/jobs/intake", intake.formatted(instruments.get(1))));
        assertThat(received).extracting(j -> j.getString("jobNumber").replaceFirst("^JD\\d{4}-", ""))
                .as("the first two job numbers of the year").containsExactlyInAnyOrder("00001", "00002");

        for (JsonObject job : received) {
            long id = job.getJsonNumber("id").longValue();
            ok(clerk.post("/api/v1/jobs/" + id + "/assignment", "{\"technician\":\"" + username("tech")
                    + "\",\"benchDevice\":\"BAL-P1\"}"));
            ok(technician.post("/api/v1/jobs/" + id + "/start", "{}"));
            ok(technician.post("/api/v1/jobs/" + id + "/standards", "{\"code\":\"STD-F1-01\"}"));
            BenchFlow.recordNormalEnvironment(technician, id);
            BenchFlow.captureAllPoints(technician, id, grams -> {
                BigDecimal kg = grams.movePointLeft(3);
                scale.placeLoad(kg);
                BenchFlow.awaitStableReading(technician, "BAL-P1", kg.setScale(2, RoundingMode.HALF_UP));
            });
            ok(technician.post("/api/v1/jobs/" + id + "/submit", signature()));
            ok(checker.post("/api/v1/jobs/" + id + "/check", signature()));
        }
        List<JsonObject> approved = atOnce(
                () -> approver.post("/api/v1/jobs/" + received.get(0).getJsonNumber("id") + "/approve", signature()),
                () -> approver.post("/api/v1/jobs/" + received.get(1).getJsonNumber("id") + "/approve", signature()));
        assertThat(approved).extracting(c -> c.getString("number").replaceFirst("^BHJD\\d{4}-", ""))
                .as("the first two certificate numbers of the year, with the institute's prefix")
                .containsExactlyInAnyOrder("000001", "000002");
        return approved.stream().map(c -> c.getString("number")).toArray(String[]::new);
    }

    private static long registerScale(LimsApi clerk, String serialNumber) {
        return ok(clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"K0001\",\"description\":\"数字指示秤\","
                + "\"manufacturer\":\"上海耀华\",\"model\":\"XK3190\",\"serialNumber\":\"" + serialNumber + "\","
                + "\"mandatoryVerification\":true,\"intervalMonths\":12,\"location\":\"成品库\",\"scale\":"
                + "{\"accuracyClass\":\"III\",\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"}}"))
                .getJsonNumber("id").longValue();
    }

    /** The customer's own certificates, the PDF, and the public check by the token of the QR address. */
    private void customerAndPublicSeeTheirCertificate(String[] numbers) throws IOException, InterruptedException {
        LimsApi customer = account("buyer", "K0001", "customer");
        assertThat(customer.get("/api/v1/certificates?max=1000").text()).contains(numbers);
        for (String number : numbers) {
            JsonObject certificate = customer.get("/api/v1/certificates/" + number).object();
            String url = certificate.getString("verificationUrl");
            assertThat(url).startsWith(PUBLIC_URL + "/verify/");
            var pdf = customer.get("/api/v1/certificates/" + number + "/pdf");
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            // signed with the institute's document-signing key (LIMS_SIGNING_KEYSTORE), PAdES B-B: no authority
            assertThat(PdfDocuments.pdfsig(pdf.body())).contains("Signature Type: ETSI.CAdES.detached",
                    "Signature Validation: Signature is Valid.", "Signer Certificate Common Name: " + SIGNER);

            String token = url.substring(url.lastIndexOf('/') + 1);
            JsonObject check = anonymous().get("/api/v1/public/verify/" + token).object();
            assertThat(check.getBoolean("genuine")).isTrue();
            assertThat(check.getString("number")).isEqualTo(number);
            assertThat(anonymous().get("/api/v1/certificates/" + number).status()).isEqualTo(401);
        }

        // a signed download address (issue 14), served before the application: over HTTPS with HSTS like every
        // answer; over plain HTTP sent to the same address under the public https one, as every other path
        String href = customer.get("/api/v1/certificates/" + numbers[0] + "/pdf/link").object().getString("href");
        String inApp = href.substring("/lims".length());
        var byAddress = anonymous().get(inApp);
        assertThat(byAddress.status()).isEqualTo(200);
        assertThat(byAddress.body()).isEqualTo(customer.get("/api/v1/certificates/" + numbers[0] + "/pdf").body());
        assertThat(byAddress.raw().headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + href)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(308);
        assertThat(plain.headers().firstValue("Location")).hasValue(PUBLIC_URL + inApp);
    }

    // ---------------------------------------------------------------------------------------------------------

    private final java.util.Map<String, String> usernames = new java.util.HashMap<>();

    private LimsApi admin() {
        return api("director", ADMIN_PASSWORD);
    }

    private LimsApi staff(String who, String role) {
        return account(who, null, role);
    }

    /** An account the administrator creates; its owner replaces the temporary password before anything else. */
    private LimsApi account(String who, String customerCode, String role) {
        String username = who + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        usernames.put(who, username);
        ok(admin().post("/api/v1/admin/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"测试 " + who
                + "\",\"roles\":[\"" + role + "\"]," + (customerCode == null ? "" : "\"customerCode\":\"" + customerCode
                + "\",") + "\"temporaryPassword\":\"" + Accounts.TEMPORARY + "\"}"));
        var changed = api(username, Accounts.TEMPORARY).post("/api/v1/me/password",
                "{\"currentPassword\":\"" + Accounts.TEMPORARY + "\",\"newPassword\":\"" + Accounts.OWN + "\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        return api(username, Accounts.OWN);
    }

    private String username(String who) {
        return usernames.get(who);
    }

    private void grant(LimsApi admin, String who, String activity, LocalDate today) {
        ok(admin.post("/api/v1/admin/accounts/" + username(who) + "/authorizations", "{\"procedureCode\":\"" + PROCEDURE
                + "\",\"activity\":\"" + activity + "\",\"certificateNumber\":\"BH-" + activity + "-01\","
                + "\"validFrom\":\"" + today.minusYears(1) + "\",\"validUntil\":\"" + today.plusYears(2) + "\"}"));
    }

    private static String signature() {
        return "{\"password\":\"" + Accounts.OWN + "\"}";
    }

    private LimsApi api(String username, String password) {
        return LimsApi.as(username, password).at(base, https);
    }

    private LimsApi anonymous() {
        return LimsApi.anonymous().at(base, https);
    }

    private static JsonObject ok(LimsApi.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    /** Two requests released at the same moment; both must succeed. */
    private static List<JsonObject> atOnce(Supplier<LimsApi.Reply> first, Supplier<LimsApi.Reply> second)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<LimsApi.Reply>> replies = List.of(first, second).stream()
                    .map(request -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return request.get();
                    }, pool)).toList();
            return replies.stream().map(r -> ok(r.join())).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The institute's TLS key store: a key pair for its public host name (and this machine's loopback address). */
    private static final String SIGNER = "Test Institute document signing";

    /** The institute's document-signing key, apart from its TLS key, as an administrator would keep it. */
    private static Path signingKeyStore(Path work) throws IOException, InterruptedException {
        Path store = work.resolve("institute-signing.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "signing", "-keyalg", "RSA", "-keysize", "3072", "-validity", "30",
                "-dname", "CN=" + SIGNER + ", O=Test Institute, C=CN", "-ext", "KU=digitalSignature,nonRepudiation",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        return store;
    }

    private static Path institutesKeyStore(Path work) throws IOException, InterruptedException {
        Path store = work.resolve("institute-tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "lims", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-dname", "CN=lims.test.example", "-ext", "SAN=dns:lims.test.example,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        return store;
    }

    /** TLS that trusts exactly the institute's certificate, as a client given it would. */
    private static SSLContext trusting(Path keyStore) throws IOException, GeneralSecurityException {
        KeyStore own = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            own.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("institute", own.getCertificate("lims"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
