package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * A page of another origin cannot make a logged-in browser change anything through the API: calls
 * that change state and come with the session cookie alone need a header that a foreign page cannot
 * send without a CORS preflight, which the LIMS never grants. Programs that send credentials
 * themselves (Basic, a bench agent's bearer token) are not affected. Logging out is a POST; a link
 * or an image pointing at the logout address logs nobody out.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class CsrfIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LimsApi admin = LimsApi.as("admin");
    private Browser browser; // opened and closed around each test by BrowserSession

    @Test
    void aForeignPageCannotStopADeviceWithTheAdministratorsSession() throws Exception {
        String code = "BAL-CSRF-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        try (MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().port(0)
                .capacity(new BigDecimal("220.0000")).displayInterval(new BigDecimal("0.0001")).unit("g")
                .serialNumber("IT0000009").start()) {
            var registered = admin.post("/api/v1/devices", "{\"code\":\"" + code + "\",\"protocol\":\"mt-sics\","
                    + "\"host\":\"127.0.0.1\",\"port\":" + balance.port() + ",\"pollCommand\":\"SI\",\"pollIntervalMs\":500}");
            assertThat(registered.status()).as(registered.text()).isEqualTo(200);
            try {
                browser.openAs("admin", "/devices.xhtml");
                String session = browser.sessionCookie();
                String stop = LimsApi.BASE_URL + "/api/v1/devices/" + code + "/stop";

                // The attacker's page: another origin on the same host (another port), so even a SameSite
                // cookie goes along. It tries a bodiless POST, the same with the header (dropped by the
                // browser in no-cors mode), and a CORS request with the header (needs a preflight).
                String attack = "<!DOCTYPE html><html><head><title>prize</title></head><body><script>"
                        + "var target = '" + stop + "';"
                        + "Promise.allSettled(["
                        + "  fetch(target, {method: 'POST', mode: 'no-cors', credentials: 'include'}),"
                        + "  fetch(target, {method: 'POST', mode: 'no-cors', credentials: 'include',"
                        + "                 headers: {'X-Requested-With': 'XMLHttpRequest'}}),"
                        + "  fetch(target, {method: 'POST', mode: 'cors', credentials: 'include',"
                        + "                 headers: {'X-Requested-With': 'XMLHttpRequest'}})"
                        + "]).then(function (r) {"
                        + "  document.title = 'sent: ' + r.map(function (x) { return x.status; }).join(',');"
                        + "});</script></body></html>";
                HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                attacker.createContext("/prize.html", exchange -> {
                    byte[] body = attack.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                attacker.start();
                try {
                    browser.driver().get("http://localhost:" + attacker.getAddress().getPort() + "/prize.html");
                    String outcome = browser.waitUntil(d -> d.getTitle().startsWith("sent: ") ? d.getTitle() : null);
                    assertThat(outcome).isEqualTo("sent: fulfilled,fulfilled,rejected");
                } finally {
                    attacker.stop(0);
                }
                assertThat(device(code).getBoolean("enabled")).as("the device still runs").isTrue();

                // What the server said to the bodiless cookie-only call: 403 problem details.
                var refused = HTTP.send(HttpRequest.newBuilder(URI.create(stop)).header("Cookie", "JSESSIONID=" + session)
                        .header("Origin", "http://localhost:1").POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("application/problem+json"));
                JsonObject problem = json(refused.body());
                assertThat(problem.getString("error")).isEqualTo("error.csrf");
                assertThat(problem.getInt("status")).isEqualTo(403);
                assertThat(problem.getString("detail")).contains("X-Requested-With");
                assertThat(device(code).getBoolean("enabled")).isTrue();

                // The same session with the header (what the LIMS's own scripts would send) is accepted.
                var accepted = HTTP.send(HttpRequest.newBuilder(URI.create(stop)).header("Cookie", "JSESSIONID=" + session)
                        .header("X-Requested-With", "XMLHttpRequest").POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
                assertThat(device(code).getBoolean("enabled")).isFalse();
            } finally {
                admin.post("/api/v1/devices/" + code + "/stop", "{}");
            }
        }
    }

    @Test
    void logoutIsAPostAndALinkToItLogsNobodyOut() throws Exception {
        browser.openAs("quality", "/standards.xhtml");
        String session = browser.sessionCookie();
        assertThat(me(session)).isEqualTo(200);

        // e.g. <img src=".../public/logout"> on any page the user visits
        var link = HTTP.send(HttpRequest.newBuilder(URI.create(LimsApi.BASE_URL + "/public/logout"))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(link.statusCode()).isEqualTo(405);
        assertThat(me(session)).as("still logged in").isEqualTo(200);

        browser.logout();
        assertThat(me(session)).as("the session ended with the logout button").isEqualTo(401);
        browser.driver().get(LimsApi.BASE_URL + "/standards.xhtml");
        browser.find(By.id("j_username"));
    }

    @Test
    void aForeignPageCanNeitherLogTheBrowserInNorOut() throws Exception {
        // Login CSRF: the attacker's page posts the login form with an account of the attacker's choosing
        try (ForeignPage page = new ForeignPage(form("/public/login",
                "<input name='j_username' value='customer'><input name='j_password' value='jiliang'>"))) {
            browser.driver().get(page.url());
            browser.waitUntil(d -> d.getCurrentUrl().contains("/login.xhtml") ? Boolean.TRUE : null);
        }
        assertThat(browser.text(By.id("login-error"))).contains("其他网站");
        browser.driver().get(LimsApi.BASE_URL + "/portal/certificates.xhtml");
        browser.find(By.id("j_username")); // not logged in: the login form again

        // Logout from another port of the same host, where even a SameSite cookie goes along
        browser.openAs("quality", "/standards.xhtml");
        String session = browser.sessionCookie();
        try (ForeignPage page = new ForeignPage(form("/public/logout", ""))) {
            browser.driver().get(page.url());
            browser.waitUntil(d -> d.getCurrentUrl().contains("/public/logout") ? Boolean.TRUE : null);
        }
        assertThat(me(session)).as("still logged in after the foreign logout form").isEqualTo(200);
    }

    /** A page that posts a form to the LIMS as soon as it is loaded. */
    private static String form(String action, String fields) {
        return "<!DOCTYPE html><html><head><title>prize</title></head><body><form id='f' method='post' action='"
                + LimsApi.BASE_URL + action + "'>" + fields + "</form><script>document.getElementById('f').submit();"
                + "</script></body></html>";
    }

    /** A page served from another origin of the same host (another port). */
    private static final class ForeignPage implements AutoCloseable {
        private final HttpServer server;

        ForeignPage(String html) throws java.io.IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/prize.html", exchange -> {
                byte[] body = html.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/prize.html";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static int me(String session) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(LimsApi.BASE_URL + "/api/v1/me"))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonObject device(String code) {
        return admin.get("/api/v1/devices").array().stream().map(JsonObject.class::cast)
                .filter(d -> code.equals(d.getString("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no device " + code));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
