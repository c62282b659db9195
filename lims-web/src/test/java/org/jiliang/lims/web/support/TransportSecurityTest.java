package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The HTTPS rules by mode. The integration tests run the demo; these are the production decisions a
 * demo server never takes (start-up already refused a public address that is not https://).
 */
class TransportSecurityTest {

    private final TransportSecurity production = new TransportSecurity(true, "https://lims.jiliang.example.cn/lims/");
    private final TransportSecurity demo = new TransportSecurity(false, "http://localhost:8080/lims");

    @Test
    void outsideTheDemoPlainHttpGoesToTheSamePlaceUnderThePublicHttpsAddress() {
        assertThat(production.httpsRedirect(false, "/verify/Tq3x", null))
                .hasValue("https://lims.jiliang.example.cn/lims/verify/Tq3x");
        assertThat(production.httpsRedirect(false, "/bench.xhtml", "job=12&x=%20"))
                .hasValue("https://lims.jiliang.example.cn/lims/bench.xhtml?job=12&x=%20");
        assertThat(production.httpsRedirect(true, "/bench.xhtml", "job=12")).isEmpty();
    }

    @Test
    void outsideTheDemoHttpsAnswersCarryHstsAndCookiesAreSecure() {
        assertThat(production.strictTransportSecurity(true)).hasValue("max-age=31536000");
        assertThat(production.strictTransportSecurity(false)).as("HSTS over plain HTTP is ignored by browsers")
                .isEmpty();
        assertThat(production.secureCookies()).isTrue();
    }

    @Test
    void theDemoKeepsPlainHttpOnLocalhost() {
        assertThat(demo.httpsRedirect(false, "/login.xhtml", null)).isEmpty();
        assertThat(demo.strictTransportSecurity(true)).isEmpty();
        assertThat(demo.secureCookies()).isFalse();
    }
}
