package org.jiliang.lims.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;
import org.jiliang.lims.web.api.Problems;

/**
 * Refuses a request whose address or parameters contain the NUL character (U+0000, {@code %00}) before
 * anything looks it up: no code, number or name of the LIMS contains one, and PostgreSQL cannot even
 * compare a text with it (the query fails). API callers get 400 problem details, browsers a 400 page.
 * JSON bodies are checked member by member by {@code JsonBodyCheck}.
 */
public class NulCharacterFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(NulCharacterFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (hasNul(request)) {
            LOG.info(() -> "Refused " + request.getMethod() + " " + request.getRequestURI().replace("%00", "%2500")
                    + ": NUL character in the address or a parameter");
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/api/")) {
                Problems.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "error.input.nul");
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean hasNul(HttpServletRequest request) {
        if (request.getRequestURI().toLowerCase(Locale.ROOT).contains("%00")
                || request.getRequestURI().indexOf('\u0000') >= 0) {
            return true;
        }
        String query = request.getQueryString();
        if (query != null && (query.toLowerCase(Locale.ROOT).contains("%00") || query.indexOf('\u0000') >= 0)) {
            return true;
        }
        for (String[] values : request.getParameterMap().values()) {
            for (String value : values) {
                if (value.indexOf('\u0000') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
