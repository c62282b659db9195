package org.jiliang.lims.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service refused the caller's role. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(EJBAccessException e) {
        return Problems.response(403, "error.forbidden", headers, uri.getRequestUri().getPath());
    }
}
