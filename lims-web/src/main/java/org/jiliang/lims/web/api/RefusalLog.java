package org.jiliang.lims.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One line in the server log for every refused API call (4xx): who, what, the status, the problem's key and
 * the members found wrong. No stack trace: a refusal is the system working. Server errors (5xx) are logged
 * with their trace by the mapper that answered them. An error a resource answers without a body (a plain
 * {@code Response.status(404)}) gets the problem document every error of the API has.
 */
@Provider
public class RefusalLog implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(RefusalLog.class.getName());
    private static final int MAX_SHOWN = 200;

    @Context
    private HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400) {
            return;
        }
        if (response.getEntity() == null && status >= 400) {
            String path = request.getUriInfo().getRequestUri().getRawPath();
            Response problem = status == 404
                    ? Problems.response(404, "error.api.notFound", headers, path,
                            path.length() > MAX_SHOWN ? path.substring(0, MAX_SHOWN) + "…" : path)
                    : Problems.response(status, status >= 500 ? "error.server" : "error.api.badRequest", headers,
                            path);
            response.setEntity(problem.getEntity(), new java.lang.annotation.Annotation[0], problem.getMediaType());
        }
        if (status >= 500) {
            return;
        }
        Principal user = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        String key = "-";
        String fields = "";
        if (response.getEntity() instanceof Problem p) {
            key = p.error();
            if (p.errors() != null) {
                fields = p.errors().stream().map(Problem.FieldProblem::field).collect(Collectors.joining(",", " [", "]"));
            }
        }
        String line = "Refused " + request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath()
                + " for " + (user == null ? "anonymous" : user.getName()) + ": " + status + " " + key + fields;
        LOG.info(printable(line));
    }

    /** What a caller sent goes into the log: no line breaks or control characters, and not without end. */
    private static String printable(String s) {
        String shown = s.length() > MAX_SHOWN * 2 ? s.substring(0, MAX_SHOWN * 2) + "…" : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
