package org.jiliang.lims.web.support;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie is HttpOnly (web.xml), SameSite=Lax always and Secure outside demo mode.
 * Lax, not Strict: Strict would drop the session when a user follows a link to the LIMS from mail or
 * another site (they would appear logged out); Lax still withholds the cookie from cross-site POSTs,
 * frames and sub-requests, and no GET changes anything. Cross-origin requests of the same site (another
 * port or application on the host) are stopped by {@link ApiCsrfFilter} and the Faces view state.
 */
@WebListener
public class SessionCookiePolicy implements ServletContextListener {

    static final String SAME_SITE = "Lax";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setAttribute("SameSite", SAME_SITE);
        cookie.setSecure(TransportSecurity.current().secureCookies());
    }
}
