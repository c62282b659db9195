package org.jiliang.lims.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/**
 * What the JAX-RS runtime refuses before a resource method runs (no such path, a method or content type the
 * path does not take, a path or query parameter that is not a number, an unreadable body) as a problem in
 * the caller's language, instead of the runtime's own text.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** How RESTEasy names a parameter it could not convert: {@code jakarta.ws.rs.QueryParam("max")}. */
    private static final Pattern PARAMETER = Pattern.compile("\\b(QueryParam|PathParam)\\(\"([A-Za-z0-9_.-]{1,64})\"\\)");

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;
    @Context
    private Request request;

    @Override
    public Response toResponse(WebApplicationException e) {
        String path = uri.getRequestUri().getRawPath();
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().isEmpty()
                    ? Problems.response(invalid.getResponse().getStatus(), invalid.key(), headers, path,
                            invalid.arguments())
                    : Problems.invalid(invalid.problems(), headers, path);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // a parameter the address takes could not be read (year=abc where a number goes): JAX-RS answers 404
            // with the conversion's failure as the cause, which says "no such address" for an address that exists.
            // RESTEasy's message names the parameter (QueryParam("year")): said to the caller with the value sent;
            // should a release word it otherwise, the answer is still 400, without the name
            Matcher named = PARAMETER.matcher(String.valueOf(e.getMessage()));
            if (named.find()) {
                String name = named.group(2);
                String sent = "QueryParam".equals(named.group(1)) ? uri.getQueryParameters().getFirst(name)
                        : uri.getPathParameters().getFirst(name);
                return Problems.response(400, "error.api.parameter", headers, path, shorten(name),
                        shorten(String.valueOf(sent)));
            }
            return Problems.response(400, "error.api.badRequest", headers, path);
        }
        Response problem = switch (status) {
            case 401 -> Problems.response(401, "error.notLoggedIn", headers, path);
            case 403 -> Problems.response(403, "error.forbidden", headers, path);
            case 404 -> Problems.response(404, "error.api.notFound", headers, path, shorten(path));
            case 405 -> Problems.response(405, "error.api.methodNotAllowed", headers, path, request.getMethod());
            case 406 -> Problems.response(406, "error.api.notAcceptable", headers, path);
            case 413 -> Problems.response(413, "error.input.tooLarge", headers, path,
                    Integer.toString(JsonBodyCheck.MAX_BYTES));
            case 415 -> Problems.response(415, "error.api.unsupportedMediaType", headers, path,
                    shorten(String.valueOf(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))));
            default -> null;
        };
        if (problem == null && status >= 400 && status < 500) {
            problem = Problems.response(status, "error.api.badRequest", headers, path);
        }
        if (problem == null) {
            LOG.log(Level.SEVERE, "Request failed: " + request.getMethod() + " " + path, e);
            return Problems.response(500, "error.server", headers, path);
        }
        // 405 says which methods the path takes
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
