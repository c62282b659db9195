package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jiliang.lims.platform.RefusedException;

/**
 * A refused action: 404 when the thing is not there (or not the caller's), 400 when a list or a figure was asked
 * for in a way it cannot answer (a page out of bounds, a column it does not sort by, a year it cannot have: the
 * caller's query), 409 otherwise.
 */
@Provider
public class RefusedExceptionMapper implements ExceptionMapper<RefusedException> {

    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(RefusedException e) {
        String key = e.messageKey();
        int status = key.endsWith("notFound") || key.equals("error.device.unknown") ? 404
                : key.startsWith("error.list.") || key.startsWith("error.figures.") ? 400 : 409;
        return Problems.response(status, e.messageKey(), headers, uri.getRequestUri().getPath(), e.arguments());
    }
}
