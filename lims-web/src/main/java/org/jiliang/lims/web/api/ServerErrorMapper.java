package org.jiliang.lims.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever no other mapper answers: a 500 that says only that the request failed and nothing was changed;
 * the log has the whole trace. The one exception is JSON-B failing on a body {@link JsonBodyCheck} let
 * through: the caller's input was still bad (400), and the trace shows where the check falls short.
 */
@Provider
public class ServerErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ServerErrorMapper.class.getName());

    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;
    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        String path = uri.getRequestUri().getRawPath();
        if (e instanceof ProcessingException && request.getAttribute(JsonBodyCheck.BINDING) != null) {
            LOG.log(Level.WARNING, "A request body passed the type check but JSON-B could not bind it: "
                    + request.getMethod() + " " + path, e);
            return Problems.response(400, "error.api.badRequest", headers, path);
        }
        LOG.log(Level.SEVERE, "Request failed: " + request.getMethod() + " " + path, e);
        return Problems.response(500, "error.server", headers, path);
    }
}
