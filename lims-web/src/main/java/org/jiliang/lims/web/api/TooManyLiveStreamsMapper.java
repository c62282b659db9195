package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jiliang.lims.bench.LiveReadingBoard;
import org.jiliang.lims.bench.TooManyLiveStreamsException;

/** One live reading stream too many for this user: 429, and when a closed one will have been noticed. */
@Provider
public class TooManyLiveStreamsMapper implements ExceptionMapper<TooManyLiveStreamsException> {

    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(TooManyLiveStreamsException e) {
        Response problem = Problems.response(429, e.messageKey(), headers, uri.getRequestUri().getPath(),
                e.arguments());
        long retryAfter = 2 * LiveReadingBoard.HEARTBEAT.toSeconds();
        return Response.fromResponse(problem).header("Retry-After", retryAfter).build();
    }
}
