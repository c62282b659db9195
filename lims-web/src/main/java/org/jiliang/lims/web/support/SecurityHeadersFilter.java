package org.jiliang.lims.web.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The browser security headers of every answer of the application (declared first in web.xml, for
 * requests, forwards and error pages), and the HTTPS rules of {@link TransportSecurity}.
 * <p>
 * Every answer starts with a Content-Security-Policy that allows nothing at all: right for the API, its
 * problem details, PDF and XML downloads and static files. A Faces page replaces it with PrimeFaces' own
 * policy (web.xml {@code primefaces.CSP_POLICY}), whose scripts run only with the nonce PrimeFaces puts
 * on each of its script elements and in that answer's header.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CSP = "Content-Security-Policy";
    /** Answers that are not pages: nothing may run, load, frame them or be submitted from them. */
    static final String LOCKED_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Where Faces serves the UI's static resources (style sheets, scripts, images). */
    static final String RESOURCES = "/jakarta.faces.resource/";
    /** The public check page's style sheet and script: the same for everyone, cached by the phone. */
    static final String PUBLIC_CHECK_ASSETS = "/public/check/";

    private transient TransportSecurity transport;

    @Override
    public void init() {
        transport = TransportSecurity.current();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        setHeaders(request, response, transport);

        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            Optional<String> https = transport.httpsRedirect(request.isSecure(), path, request.getQueryString());
            if (https.isPresent()) {
                // 308 keeps the method and body, so an API client's POST is not turned into a GET
                response.setStatus(308);
                response.setHeader("Location", https.get());
                return;
            }
        }
        if (path.startsWith("/api/")) {
            chain.doFilter(request, response); // no Faces page here; the live stream needs the bare response
        } else {
            chain.doFilter(request, new PagePolicy(response));
        }
    }

    /**
     * The headers every answer starts with. Also called by the login mechanism, which runs before any filter
     * and may answer by itself (a 401, a refused login).
     */
    static void setHeaders(HttpServletRequest request, HttpServletResponse response, TransportSecurity transport) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // pages, API answers and downloads may hold a person's or a customer's data: no copy in any cache
        // (OWASP ASVS 4.0.3 V8.2.1); only the style sheets, scripts and images of the UI (and of the public check) may be cached
        boolean cacheable = path.startsWith(RESOURCES) || path.startsWith(PUBLIC_CHECK_ASSETS);
        setHeaders(request.isSecure(), cacheable, transport, response::setHeader);
    }

    /** The same headers, for an answer written outside the servlet container ({@link DownloadHandler}). */
    static void setHeaders(boolean secure, boolean cacheable, TransportSecurity transport,
            java.util.function.BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "same-origin");
        header.accept("X-Frame-Options", "DENY"); // for browsers that predate frame-ancestors
        header.accept(CSP, LOCKED_POLICY);
        if (!cacheable) {
            header.accept("Cache-Control", "no-store");
        }
        transport.strictTransportSecurity(secure).ifPresent(hsts -> header.accept("Strict-Transport-Security", hsts));
    }

    /** Lets a page's policy (added by PrimeFaces) replace the locked one instead of adding a second. */
    private static final class PagePolicy extends HttpServletResponseWrapper {

        PagePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
