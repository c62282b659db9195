package org.jiliang.lims.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jiliang.lims.web.api.Problems;

/**
 * A program calling the API without credentials gets 401 and a Basic challenge, not the login page a
 * browser gets. Credentials that come with the call (HTTP Basic, or the session of a browser that logged
 * in) were already checked by the server when the request arrived. The public check and the bench
 * agents' token-authenticated calls are not covered.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true) // the live readings are a server-sent event stream
public class ApiAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getUserPrincipal() != null || path.startsWith("/api/public/") || path.startsWith("/api/agent/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Jiliang LIMS\", charset=\"UTF-8\"");
        Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "error.notLoggedIn");
    }
}
