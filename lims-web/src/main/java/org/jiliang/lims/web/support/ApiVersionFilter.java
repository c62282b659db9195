package org.jiliang.lims.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jiliang.lims.web.api.LimsApi;
import org.jiliang.lims.web.api.Problems;

/**
 * An address under {@code /api} outside a published version (the unversioned paths before v1, a version that
 * does not exist) gets 404 problem details naming the versioned address, instead of the container's page.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ApiVersionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String VERSIONED = "/" + LimsApi.ROOT + "/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(VERSIONED)) {
            Problems.write(request, response, HttpServletResponse.SC_NOT_FOUND, "error.api.unversioned",
                    request.getContextPath() + VERSIONED);
            return;
        }
        chain.doFilter(request, response);
    }
}
