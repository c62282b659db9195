package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.jiliang.lims.bench.BenchTokenRefusedException;

/** A bench agent without a valid token: 401, so the agent stops forwarding and says why. */
@Provider
public class BenchTokenRefusedMapper implements ExceptionMapper<BenchTokenRefusedException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(BenchTokenRefusedException e) {
        Locale locale = headers.getAcceptableLanguages().stream()
                .filter(l -> !"*".equals(l.getLanguage())).findFirst().orElse(Locale.SIMPLIFIED_CHINESE);
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Jiliang LIMS bench agents\"")
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(e.messageKey(), e.getMessage(locale))).build();
    }
}
