package org.jiliang.lims.web.support;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.web.api.Problems;

/**
 * The pages and calls anyone may make without logging in — the certificate check, the first-run setup, the list of
 * traders in good standing — take
 * at most {@value #BURST} requests at once and one every {@code 3 s} after that per client address; more get 429
 * with {@code Retry-After}. A person checking a few certificates never notices; a script enumerating them stops.
 */
@WebFilter(urlPatterns = {"/verify/*", "/api/v1/public/*", "/public/setup.xhtml", "/public/integrity.xhtml"},
        dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class PublicRateLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PublicRateLimit.class.getName());
    static final int BURST = 20;
    static final Duration INTERVAL = Duration.ofSeconds(3);

    private final transient ClientBudget budget = new ClientBudget(BURST, INTERVAL, 20_000);

    @Inject
    private transient Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Duration> wait = budget.take(request.getRemoteAddr(), clock.instant());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds() + 1);
        LOG.fine(() -> "Public request refused for " + request.getRemoteAddr() + ": over its budget");
        response.setHeader("Retry-After", Long.toString(seconds));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/")) {
            Problems.write(request, response, 429, "error.tooManyRequests", seconds);
            return;
        }
        // a person on the public page: a line of text in their language, not JSON
        Locale locale = Problems.locale(request);
        response.setStatus(429);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>429</title><p id=\"too-many\">"
                + Messages.format(locale, "error.tooManyRequests", seconds) + "</p></html>");
    }
}
