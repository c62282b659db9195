package org.jiliang.lims.web.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiliang.lims.personnel.ApiScope;

/**
 * Which calls each API token scope allows (issue 14): a method and a path under {@code /api}. Anything else is
 * refused to a token, whatever the roles of the account it acts as; {@code GET /api/v1/me} (who am I) is every
 * token's.
 */
public final class TokenScopes {

    /** A method and the paths it may reach: the path itself, or below it when it ends with a slash. */
    record Rule(String method, List<String> paths) {

        boolean permits(String m, String path) {
            return method.equals(m) && paths.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p)
                    : path.equals(p));
        }
    }

    private static final Map<ApiScope, List<Rule>> RULES = Map.of(
            ApiScope.CERTIFICATES_READ, List.of(new Rule("GET", List.of("/api/v1/certificates", "/api/v1/certificates/",
                    "/api/v1/certificates.csv", "/api/v1/certificates.zip"))),
            ApiScope.INSTRUMENTS_READ, List.of(new Rule("GET", List.of("/api/v1/instruments", "/api/v1/instruments/",
                    "/api/v1/instruments.csv"))),
            ApiScope.REQUESTS_READ, List.of(new Rule("GET", List.of("/api/v1/requests", "/api/v1/requests/"))),
            ApiScope.REQUESTS_WRITE, List.of(new Rule("POST", List.of("/api/v1/requests", "/api/v1/requests/")),
                    new Rule("GET", List.of("/api/v1/requests", "/api/v1/requests/"))),
            ApiScope.MESSAGES_READ, List.of(new Rule("GET", List.of("/api/v1/messages", "/api/v1/messages/",
                    "/api/v1/impact-notices", "/api/v1/impact-notices/", "/api/v1/recall/letters", "/api/v1/recall/letters/"))));

    private TokenScopes() {
    }

    /** Whether a token with these scopes may make this call ({@code path} within the application, /api/v1/...). */
    public static boolean permits(Set<ApiScope> scopes, String method, String path) {
        if ("GET".equals(method) && "/api/v1/me".equals(path)) {
            return true;
        }
        // the path as sent: nothing encoded, no parameters, no dot segments that could lead elsewhere
        if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || path.contains("/.") || path.contains("//")) {
            return false;
        }
        return scopes.stream().flatMap(s -> RULES.getOrDefault(s, List.of()).stream())
                .anyMatch(r -> r.permits(method, path));
    }
}
