package org.jiliang.lims.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;
import org.jiliang.lims.web.api.Problems;

/**
 * Cross-site request forgery on the API: a call that changes something (POST, PUT, PATCH, DELETE) and
 * carries cookies but no Authorization header must also carry {@code X-Requested-With}. A page of
 * another origin cannot add that header without a CORS preflight, which the LIMS never grants, so a
 * browser's session cookie alone can never change anything. Programs that authenticate themselves
 * (Basic, a bench agent's bearer token) are not affected, nor are reads. Only the method, the path, the
 * Authorization header and the cookies are looked at: how the session was made does not matter.
 */
public class ApiCsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiCsrfFilter.class.getName());

    static final String HEADER = "X-Requested-With";
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean cookieOnly = request.getHeader("Authorization") == null && request.getCookies() != null
                && request.getCookies().length > 0;
        String header = request.getHeader(HEADER);
        if (CHANGES.contains(request.getMethod()) && cookieOnly && (header == null || header.isBlank())) {
            LOG.info(() -> "Refused " + request.getMethod() + " " + request.getRequestURI() + " with cookies but without "
                    + HEADER + " (Origin: " + request.getHeader("Origin") + ")");
            Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "error.csrf", HEADER);
            return;
        }
        chain.doFilter(request, response);
    }
}
