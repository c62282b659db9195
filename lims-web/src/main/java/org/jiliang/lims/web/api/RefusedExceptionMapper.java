package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jiliang.lims.platform.RefusedException;

/** A refused action: 404 when the thing is not there (or not the caller's), 409 otherwise. */
@Provider
public class RefusedExceptionMapper implements ExceptionMapper<RefusedException> {

    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(RefusedException e) {
        int status = e.messageKey().endsWith("notFound") || e.messageKey().equals("error.device.unknown")
                ? 404 : 409;
        return Problems.response(status, e.messageKey(), headers, uri.getRequestUri().getPath(), e.arguments());
    }
}
