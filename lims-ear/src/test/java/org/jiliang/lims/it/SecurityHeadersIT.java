package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Every kind of answer carries the browser security headers: pages a Content-Security-Policy whose
 * scripts run only with the nonce of that answer (PrimeFaces' own CSP support), everything else
 * (API, problem details, downloads, static resources) a policy that allows nothing; all of them
 * {@code frame-ancestors 'none'}, {@code nosniff} and a referrer policy. And the pages still work
 * under their policy in Chromium: the browser reports no violation on any of them.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class SecurityHeadersIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");

    /** Records what the page's Content-Security-Policy blocked; installed before any script of a page runs. */
    private static final String VIOLATION_RECORDER = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' '"
            + "    + (e.sourceFile || '') + ':' + e.lineNumber + ' ' + (e.sample || ''));"
            + "});";

    private Browser browser; // opened and closed around each test by BrowserSession

    @BeforeEach
    void recordViolations() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", VIOLATION_RECORDER));
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        // pages: anonymous (login, public check), staff, an error page, a customer's page
        assertPage(send(get("/login.xhtml")), 200);
        assertPublicCheck(send(get("/verify/no-such-token")));

        browser.openAs("admin", "/standards.xhtml");
        String staff = browser.sessionCookie();
        assertThat(assertPage(send(get("/standards.xhtml").header("Cookie", "JSESSIONID=" + staff)), 200))
                .as("PrimeFaces' scripts and the page's own").isPositive();
        assertPage(send(get("/public/error.xhtml")), 200);
        var missing = send(get("/no-such-page.xhtml").header("Cookie", "JSESSIONID=" + staff));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertCommonHeaders(missing);
        browser.logout();

        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        browser.openAs("customer", "/portal/certificates.xhtml");
        String customer = browser.sessionCookie();
        assertPage(send(get("/portal/certificates.xhtml").header("Cookie", "JSESSIONID=" + customer)), 200);
        assertPage(send(get("/standards.xhtml").header("Cookie", "JSESSIONID=" + customer)), 403);

        // the API, its problem details and the downloads: nothing may run or load
        assertLocked(send(get("/api/v1/standards").header("Authorization", basic("quality"))), 200);
        assertLocked(send(get("/api/v1/jobs")), 401);
        var pdf = send(get("/api/v1/certificates/" + number + "/pdf").header("Cookie", "JSESSIONID=" + customer));
        assertLocked(pdf, 200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        var styles = send(get("/jakarta.faces.resource/lims/lims.css.xhtml"));
        assertLocked(styles, 200);
        assertThat(styles.headers().allValues("Cache-Control")).as("the UI's static resources may be cached")
                .noneMatch(v -> v.contains("no-store"));
    }

    @Test
    void answersWithSomeonesDataAreNeverStoredInACache() throws Exception {
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        browser.openAs("customer", "/portal/certificates.xhtml");
        String customer = browser.sessionCookie();
        for (var answer : List.of(send(get("/portal/certificates.xhtml").header("Cookie", "JSESSIONID=" + customer)),
                send(get("/api/v1/certificates/" + number + "/pdf").header("Cookie", "JSESSIONID=" + customer)),
                send(get("/api/v1/certificates").header("Authorization", basic("customer"))),
                send(get("/api/v1/jobs")))) {
            assertThat(answer.headers().allValues("Cache-Control")).as(answer.uri().toString()).contains("no-store");
        }
    }

    @Test
    void pagesWorkUnderTheirPolicyWithoutAViolation() {
        List<String> violations = new ArrayList<>();

        browser.driver().get(LimsApi.BASE_URL + "/verify/no-such-token");
        browser.find(By.id("verify-not-found"));
        violations.addAll(violations("public check"));

        browser.openAs("admin", "/standards.xhtml");
        browser.find(By.id("standards"));
        violations.addAll(violations("standards"));
        for (String page : List.of("/instruments.xhtml", "/due.xhtml", "/procedures.xhtml")) {
            browser.driver().get(LimsApi.BASE_URL + page);
            browser.find(By.tagName("h1"));
            violations.addAll(violations(page));
        }
        // PrimeFaces AJAX: the audit chain check updates the form in place
        browser.driver().get(LimsApi.BASE_URL + "/audit.xhtml");
        browser.find(By.id("verify-chain")).click();
        browser.find(By.id("chain-result"));
        violations.addAll(violations("audit"));
        // Faces AJAX: choosing the serial transport re-renders the address fields
        browser.driver().get(LimsApi.BASE_URL + "/devices.xhtml");
        new Select(browser.find(By.id("device-transport"))).selectByValue("serial");
        browser.find(By.id("device-serial-port"));
        violations.addAll(violations("devices"));
        // the language switch (a non-AJAX PrimeFaces command link)
        browser.find(By.id("switch-language")).click();
        browser.waitUntil(d -> d.findElement(By.id("nav-standards")).getText().equals("Standards"));
        browser.find(By.id("switch-language")).click();
        browser.waitUntil(d -> !d.findElement(By.id("nav-standards")).getText().equals("Standards"));
        violations.addAll(violations("language switch"));
        browser.logout();

        // the bench page's own script: the live reading arrives by server push
        long job = BenchFlow.openJob(LimsApi.as("technician"), BenchFlow.FOOD_COMPANY_SCALE);
        browser.openAs("technician", "/bench.xhtml?job=" + job);
        browser.waitUntil(d -> "up".equals(d.findElement(By.id("live-link")).getAttribute("data-link")));
        assertThat(browser.text(By.id("live-value"))).isNotEqualTo("—");
        violations.addAll(violations("bench"));
        browser.logout();

        browser.openAs("customer", "/portal/certificates.xhtml");
        browser.find(By.id("certificates"));
        violations.addAll(violations("portal"));
        browser.driver().get(LimsApi.BASE_URL + "/standards.xhtml");
        browser.find(By.id("forbidden"));
        violations.addAll(violations("forbidden"));

        assertThat(violations).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> violations(String page) {
        Object recorded = browser.script("return window.cspViolations || ['recorder missing'];");
        return ((List<Object>) recorded).stream().map(v -> page + ": " + v).toList();
    }

    /** Returns how many script elements the page has. */
    private static int assertPage(HttpResponse<String> page, int status) {
        assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(status);
        assertCommonHeaders(page);
        String policy = policy(page);
        assertThat(policy).contains("default-src 'self'", "object-src 'none'", "base-uri 'self'");
        String scriptSrc = directive(policy, "script-src");
        assertThat(scriptSrc).as("scripts of a page").doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*");
        Matcher nonce = NONCE.matcher(scriptSrc);
        assertThat(nonce.find()).as("a nonce in " + policy).isTrue();
        // every script element of the page carries this answer's nonce, so nothing else can run
        Matcher script = SCRIPT_TAG.matcher(page.body());
        int scripts = 0;
        while (script.find()) {
            scripts++;
            assertThat(script.group()).contains("nonce=\"" + nonce.group(1) + "\"");
        }
        return scripts;
    }

    /**
     * The public check is no Faces page: its own policy lets it load its style sheet and script from this origin
     * and nothing else, and it has no inline script at all. Its two static files may be cached by the phone.
     */
    private static void assertPublicCheck(HttpResponse<String> page) throws Exception {
        assertThat(page.statusCode()).isEqualTo(200);
        assertCommonHeaders(page);
        String policy = policy(page);
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "form-action 'none'")
                .doesNotContain("unsafe");
        Matcher script = SCRIPT_TAG.matcher(page.body());
        while (script.find()) {
            assertThat(script.group()).as("only scripts from files").contains(" src=");
        }
        assertThat(page.headers().allValues("Cache-Control")).contains("no-store");
        for (String asset : List.of("/public/check/check.js", "/public/check/check.css")) {
            var answer = send(get(asset));
            assertThat(answer.statusCode()).as(asset).isEqualTo(200);
            assertThat(answer.headers().allValues("Cache-Control")).as(asset).noneMatch(v -> v.contains("no-store"));
        }
    }

    private static void assertLocked(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(status);
        assertCommonHeaders(answer);
        assertThat(policy(answer)).contains("default-src 'none'").doesNotContain("nonce", "'self'");
    }

    private static void assertCommonHeaders(HttpResponse<String> answer) {
        var headers = answer.headers();
        assertThat(headers.allValues("X-Content-Type-Options")).as(answer.uri().toString()).containsExactly("nosniff");
        assertThat(headers.allValues("Referrer-Policy")).containsExactly("same-origin");
        assertThat(policy(answer)).contains("frame-ancestors 'none'");
    }

    private static String policy(HttpResponse<String> answer) {
        List<String> policies = answer.headers().allValues("Content-Security-Policy");
        assertThat(policies).as("one policy on " + answer.uri()).hasSize(1);
        return policies.get(0);
    }

    private static String directive(String policy, String name) {
        for (String d : policy.split(";")) {
            if (d.strip().startsWith(name + " ")) {
                return d.strip();
            }
        }
        throw new AssertionError("no " + name + " in " + policy);
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(LimsApi.BASE_URL + path)).timeout(Duration.ofSeconds(30));
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + LimsApi.DEMO_PASSWORD).getBytes());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
