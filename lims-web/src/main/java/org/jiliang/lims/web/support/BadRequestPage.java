package org.jiliang.lims.web.support;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jiliang.lims.web.api.Problems;

/**
 * The answer to a request the servlet container refuses before the application sees it (a path that is not
 * UTF-8, a Content-Type header that is no media type): for the API a problem document like every other
 * refusal, for a page a short page instead of the container's own. Reached as the error page of 400.
 */
@WebServlet("/public/bad-request")
public class BadRequestPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(BadRequestPage.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String shown = String.valueOf(uri);
        LOG.info(("Refused " + request.getMethod() + " " + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown)
                + ": 400 unreadable request").replaceAll("\\p{Cntrl}", "?"));
        String api = request.getContextPath() + "/api/";
        if (uri != null && uri.toString().startsWith(api)) {
            Problems.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "error.api.badRequest");
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<!DOCTYPE html><html><head><title>400</title></head><body><p>请求无效。"
                + " / The request is not valid.</p></body></html>");
    }
}
