package org.jiliang.lims.web.support;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Keeps the QR code's URL short and stable: /verify/&lt;token&gt; shows the public check page. */
@WebServlet("/verify/*")
public class VerifyPathServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        String token = path == null ? "" : path.substring(1);
        request.getRequestDispatcher("/public/verify.xhtml?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .forward(request, response);
    }
}
