package org.jiliang.lims.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jiliang.lims.web.support.Html;

/**
 * A browser that opens an API address itself (a customer who edits the number in a certificate's download link)
 * gets the refusal as a page it can read, not raw JSON: same status, the same title and sentence, in the
 * language the user chose on the pages. Programs, which ask for JSON or for anything, keep RFC 9457 problem details.
 */
@Provider
public class ProblemPage implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !wantsPage(request.getAcceptableMediaTypes())) {
            return;
        }
        response.setEntity(page(problem), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /** A browser's navigation asks for HTML first; an API client asks for JSON, or names nothing (any type). */
    static boolean wantsPage(List<MediaType> acceptable) {
        return !acceptable.isEmpty() && !acceptable.get(0).isWildcardType()
                && MediaType.TEXT_HTML_TYPE.isCompatible(acceptable.get(0));
    }

    static String page(Problem problem) {
        String title = Html.escaped(problem.title());
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title></head><body><h1 id=\"problem-title\">" + problem.status() + " · " + title + "</h1>"
                + "<p id=\"problem-detail\">" + Html.escaped(problem.detail()) + "</p></body></html>";
    }
}
