package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.jiliang.lims.platform.RefusedException;

/** A refused action: 404 when the thing is not there (or not the caller's), 409 otherwise. */
@Provider
public class RefusedExceptionMapper implements ExceptionMapper<RefusedException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(RefusedException e) {
        Locale locale = headers.getAcceptableLanguages().stream()
                .filter(l -> !"*".equals(l.getLanguage())).findFirst().orElse(Locale.SIMPLIFIED_CHINESE);
        Response.Status status = e.messageKey().endsWith("notFound") || e.messageKey().equals("error.device.unknown")
                ? Response.Status.NOT_FOUND : Response.Status.CONFLICT;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(e.messageKey(), e.getMessage(locale))).build();
    }
}
