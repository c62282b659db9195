package org.jiliang.lims.web.support;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.logging.Logger;
import org.jiliang.lims.platform.Settings;

/**
 * Whether a browser posted the login or the logout form from a page of another origin. A foreign page could
 * otherwise log the browser into an account the attacker chose (login CSRF) or, from another port of the
 * same host where a SameSite cookie still goes along, log the user out. Browsers send {@code Origin} with
 * every POST; it must be this server's own origin as the request reached it, or the configured public
 * address (behind a reverse proxy). A request without {@code Origin} is no browser's cross-origin post
 * and is let through, as are programs, which use HTTP Basic anyway.
 */
final class FormOrigin {

    private static final Logger LOG = Logger.getLogger(FormOrigin.class.getName());

    private FormOrigin() {
    }

    static boolean foreign(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        boolean own = normalised.equals(requestOrigin(request)) || normalised.equals(publicOrigin());
        if (!own) {
            LOG.info(() -> "Refused a form post to " + request.getRequestURI() + " from a page of another origin ("
                    + origin.replaceAll("\\p{Cntrl}", "?") + ")");
        }
        return !own;
    }

    private static String requestOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return (request.getScheme() + "://" + host).toLowerCase(Locale.ROOT);
    }

    /** scheme://host[:port] of {@code -Djiliang.public-url}. */
    static String publicOrigin() {
        URI uri = URI.create(Settings.publicBaseUrl());
        return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
    }
}
