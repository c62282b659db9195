package org.jiliang.lims.web.support;

import java.util.Optional;
import org.jiliang.lims.platform.Settings;

/**
 * What HTTPS means for the browser, by mode. Outside demo mode a plain-HTTP request is sent to the same
 * path under the configured public https:// address (start-up refuses any other, see
 * {@code ProductionReadiness}), HTTPS answers tell the browser to use nothing else for a year (HSTS) and
 * the session cookie is Secure. The demo answers on http://localhost:8080 as it always did.
 */
public final class TransportSecurity {

    /** One year: the value browsers' preload rules and OWASP's guidance name. */
    static final String HSTS = "max-age=31536000";

    private final boolean enforced;
    private final String publicUrl;

    TransportSecurity(boolean enforced, String publicUrl) {
        this.enforced = enforced;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The settings this server was started with. */
    public static TransportSecurity current() {
        return new TransportSecurity(!Settings.demoMode(), Settings.publicBaseUrl());
    }

    boolean secureCookies() {
        return enforced;
    }

    /**
     * Where a request must go instead, if anywhere.
     *
     * @param secure    whether it came over HTTPS
     * @param pathInApp its path after the context path, e.g. {@code /verify/abc}
     * @param query     its query string, or null
     */
    Optional<String> httpsRedirect(boolean secure, String pathInApp, String query) {
        if (!enforced || secure) {
            return Optional.empty();
        }
        return Optional.of(publicUrl + pathInApp + (query == null ? "" : "?" + query));
    }

    /** The Strict-Transport-Security header of an answer, if it gets one (HTTPS answers outside the demo). */
    Optional<String> strictTransportSecurity(boolean secure) {
        return enforced && secure ? Optional.of(HSTS) : Optional.empty();
    }
}
