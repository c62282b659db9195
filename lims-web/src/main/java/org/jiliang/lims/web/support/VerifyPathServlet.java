package org.jiliang.lims.web.support;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.PublicVerification;

/**
 * The public certificate check behind the QR code, {@code /verify/<token>}: the URL stays short and stable, and the
 * page is light for a phone on a slow line. No component library and no session: one small HTML page (template
 * {@code WEB-INF/public/verify.html}), one style sheet and one script, both under {@code /public/check/}. The
 * language is the {@code lang} parameter (Chinese unless it says {@code en}), so switching keeps the token in the
 * address. The script checks a PDF the visitor drops against the hash shown, in the browser; nothing is uploaded.
 * {@code /verify/<token>/dcc} gives the certificate's signed DCC (XML), where one was issued.
 */
@WebServlet("/verify/*")
public class VerifyPathServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What the page may load: its own style sheet and script, nothing else, no form, no frame. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self';"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** The signed DCC of the certificate: {@code /verify/<token>/dcc}. */
    static final String DCC = "/dcc";

    @Inject
    private transient CertificateService certificates;

    private String template;

    @Override
    public void init() throws ServletException {
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/public/verify.html")) {
            if (in == null) {
                throw new ServletException("The public check page's template is missing");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServletException("Cannot read the public check page's template", e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        String token = path == null || path.length() < 2 ? "" : path.substring(1);
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        if (token.endsWith(DCC)) {
            dcc(token.substring(0, token.length() - DCC.length()), locale, response);
            return;
        }
        PublicVerification result = certificates.verify(token);
        String html = new PublicCheckPage(ResourceBundle.getBundle("org.jiliang.lims.web.messages", locale), locale,
                request.getContextPath()).render(template, result);
        response.setHeader(SecurityHeadersFilter.CSP, PAGE_POLICY);
        response.setContentType("text/html;charset=UTF-8");
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The DCC as issued, signed, to save; an unknown token or a certificate without one: 404 in words. */
    private void dcc(String token, Locale locale, HttpServletResponse response) throws IOException {
        var found = certificates.publicDcc(token);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(ResourceBundle.getBundle("org.jiliang.lims.web.messages", locale)
                    .getString("verify.noDcc").getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] xml = found.get().xml();
        response.setContentType("application/xml");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + found.get().fileName() + "\"");
        response.setContentLength(xml.length);
        response.getOutputStream().write(xml);
    }
}
