package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jiliang.lims.bench.BenchTokenRefusedException;

/** A bench agent without a valid token: 401, so the agent stops forwarding and says why. */
@Provider
public class BenchTokenRefusedMapper implements ExceptionMapper<BenchTokenRefusedException> {

    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(BenchTokenRefusedException e) {
        Response problem = Problems.response(401, e.messageKey(), headers, uri.getRequestUri().getPath());
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Jiliang LIMS bench agents\"").build();
    }
}
