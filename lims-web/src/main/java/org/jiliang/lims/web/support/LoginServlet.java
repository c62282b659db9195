package org.jiliang.lims.web.support;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login form posts to {@value LimsAuthenticationMechanism#LOGIN_ACTION}, where
 * {@link LimsAuthenticationMechanism} checks it and redirects before a servlet runs. Anything that reaches
 * this servlet (a GET, a bookmark) goes to the login page.
 */
@WebServlet(LimsAuthenticationMechanism.LOGIN_ACTION)
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + LimsAuthenticationMechanism.LOGIN_PAGE);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
