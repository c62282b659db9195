package org.jiliang.lims.web.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jiliang.lims.personnel.LoginOutcome;
import org.jiliang.lims.personnel.LoginOutcome.Authenticated;
import org.jiliang.lims.personnel.LoginOutcome.Refused;
import org.jiliang.lims.personnel.ApiTokens;
import org.jiliang.lims.personnel.LoginService;
import org.jiliang.lims.platform.InstituteTime;
import org.jiliang.lims.web.api.Problems;

/**
 * How anyone logs in, in one place (Jakarta Security). Browsers post the login form to {@value #LOGIN_ACTION}
 * and are then known by their session; programs send HTTP Basic with every call. Both are checked by
 * {@link LoginService} (throttling, audit); a session ends when the account's credential stamp changes
 * (password, roles, disabled). Without credentials a page redirects to the login form and the API answers 401
 * problem details; the public pages, the login form and the bench agents' token calls are open.
 */
@ApplicationScoped
public class LimsAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_ACTION = "/public/login";
    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String PASSWORD_PAGE = "/password.xhtml";
    /** Where a program changes its account's password (the only call left to an account that must). */
    public static final String PASSWORD_API = "/api/v1/me/password";
    /** The session's logged-in account. */
    static final String SESSION_USER = "org.jiliang.lims.sessionUser";
    /** The page a browser asked for before it was sent to the login form. */
    static final String SAVED_PATH = "org.jiliang.lims.savedPath";
    /** Why the last login was refused, shown once by the login page. */
    public static final String LOGIN_REFUSAL = "org.jiliang.lims.loginRefusal";

    /** Who a session belongs to, with the credential stamp of the login. */
    record SessionUser(String username, long credentialStamp) implements Serializable {
    }

    @Inject
    private LoginService logins;
    @Inject
    private ApiTokens tokens;
    @Inject
    private Clock clock;

    private final TransportSecurity transport = TransportSecurity.current();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = path(request);
        SecurityHeadersFilter.setHeaders(request, response, transport);
        try {
            if ("POST".equals(request.getMethod()) && LOGIN_ACTION.equals(path)) {
                return formLogin(request, context);
            }
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && isProtectedApi(path)) {
                return bearer(authorization.substring(7).strip(), request, response, context, path);
            }
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return basic(authorization.substring(6).strip(), request, response, context);
            }
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_USER) instanceof SessionUser user) {
                Optional<Authenticated> valid = logins.stillValid(user.username(), user.credentialStamp());
                if (valid.isPresent()) {
                    if (valid.get().mustChangePassword() && !mayBeReachedBeforeThePasswordIsChanged(path)) {
                        return passwordChangeFirst(request, response, context, path);
                    }
                    return context.notifyContainerAboutLogin(user.username(), valid.get().roles());
                }
                session.invalidate(); // disabled, or changed by an administrator: log in again
            }
            if (isProtectedApi(path)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Jiliang LIMS\", charset=\"UTF-8\"");
                Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "error.notLoggedIn");
                return answered();
            }
            if (context.isProtected()) {
                if ("GET".equals(request.getMethod())) {
                    String query = request.getQueryString();
                    request.getSession(true).setAttribute(SAVED_PATH, path + (query == null ? "" : "?" + query));
                }
                return context.redirect(request.getContextPath() + LOGIN_PAGE);
            }
            return context.doNothing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This mechanism wrote the whole answer (problem details): SEND_CONTINUE tells the container to send it as it
     * is (with SEND_FAILURE it would replace the body by its own error page).
     */
    private static AuthenticationStatus answered() {
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
        if (FormOrigin.foreign(request)) {
            // nobody is logged in, not even with the right password: the form was not this site's
            request.getSession(true).setAttribute(LOGIN_REFUSAL, new Refusal("login.foreignPage", null));
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        String password = request.getParameter("j_password");
        LoginOutcome outcome = logins.login(request.getParameter("j_username"),
                password == null ? null : password.toCharArray(), request.getRemoteAddr(), LoginService.Channel.FORM);
        HttpSession session = request.getSession(true);
        if (outcome instanceof Refused refused) {
            session.setAttribute(LOGIN_REFUSAL, refusal(refused));
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        Authenticated who = (Authenticated) outcome;
        Object saved = session.getAttribute(SAVED_PATH);
        // a new session id at login, so an id planted before the login is worth nothing after it
        request.changeSessionId();
        session.removeAttribute(SAVED_PATH);
        session.removeAttribute(LOGIN_REFUSAL);
        session.setAttribute(SESSION_USER, new SessionUser(who.username(), who.credentialStamp()));
        String target = who.mustChangePassword() ? PASSWORD_PAGE
                : saved instanceof String s && s.startsWith("/") && !s.startsWith("//") ? s : "/";
        return context.redirect(request.getContextPath() + target);
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws IOException {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        LoginOutcome outcome = logins.login(colon < 0 ? "" : decoded.substring(0, colon),
                colon < 0 ? new char[0] : decoded.substring(colon + 1).toCharArray(), request.getRemoteAddr(),
                LoginService.Channel.BASIC);
        if (outcome instanceof Authenticated who) {
            if (who.mustChangePassword() && !PASSWORD_API.equals(path(request))) {
                Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "login.passwordChangeRequired");
                return answered();
            }
            return context.notifyContainerAboutLogin(who.username(), who.roles());
        }
        Refused refused = (Refused) outcome;
        if (refused.throttled()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), refused.retryAt()).toSeconds() + 1);
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(request, response, 429, refused.messageKey(), InstituteTime.minutes(refused.retryAt()));
        } else {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Jiliang LIMS\", charset=\"UTF-8\"");
            Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, refused.messageKey());
        }
        return answered();
    }

    /** A program's API token (issue 14): valid, and the call within its scopes, or refused with the reason. */
    private AuthenticationStatus bearer(String secret, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String path) throws IOException {
        Optional<ApiTokens.Bearer> bearer = tokens.authenticate(secret, request.getMethod(), path);
        if (bearer.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Jiliang LIMS\", error=\"invalid_token\"");
            Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "error.token.invalid");
            return answered();
        }
        if (!TokenScopes.permits(bearer.get().scopes(), request.getMethod(), path)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Jiliang LIMS\", error=\"insufficient_scope\"");
            Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "error.token.scope",
                    request.getMethod() + " " + path, new java.util.TreeSet<>(bearer.get().scopes()).toString());
            return answered();
        }
        return context.notifyContainerAboutLogin(bearer.get().username(), bearer.get().roles());
    }

    private AuthenticationStatus passwordChangeFirst(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String path) throws IOException {
        if (path.startsWith("/api/")) {
            Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "login.passwordChangeRequired");
            return answered();
        }
        return context.redirect(request.getContextPath() + PASSWORD_PAGE);
    }

    /** The change-password page itself, what it needs to render, and the way out. */
    private static boolean mayBeReachedBeforeThePasswordIsChanged(String path) {
        return path.equals(PASSWORD_PAGE) || path.equals(PASSWORD_API) || path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/resources/") || path.startsWith("/public/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isProtectedApi(String path) {
        return path.startsWith("/api/") && !path.startsWith("/api/v1/public/") && !path.startsWith("/api/v1/agent/");
    }

    /** The refusal as the login page shows it: the message key and, for a lock, when it ends. */
    public record Refusal(String messageKey, String retryAt) implements Serializable {
    }

    private static Refusal refusal(Refused refused) {
        return new Refusal(refused.messageKey(), refused.throttled() ? InstituteTime.minutes(refused.retryAt()) : null);
    }
}
