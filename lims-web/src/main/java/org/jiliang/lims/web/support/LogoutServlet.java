package org.jiliang.lims.web.support;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Ends the session of staff and customers alike, then goes back to the start page. Only a POST (the
 * form in the page header) logs out: a link or an image pointing here from elsewhere must not, so GET
 * is not supported (405), and a POST from a page of another origin is refused (403, {@link FormOrigin}).
 */
@WebServlet("/public/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (FormOrigin.foreign(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN); // a page of another origin: nobody is logged out
            return;
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/");
    }
}
