package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jiliang.lims.personnel.ApiScope;
import org.junit.jupiter.api.Test;

/** What an API token reaches: the calls of its scopes and "who am I", nothing else, however the path is dressed. */
class TokenScopesTest {

    private static final Set<ApiScope> CERTIFICATES = Set.of(ApiScope.CERTIFICATES_READ);

    @Test
    void aScopeReachesItsOwnCallsOnly() {
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/certificates")).isTrue();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/certificates/JHJD2026-000001/pdf")).isTrue();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/certificates.zip")).isTrue();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/me")).isTrue();

        assertThat(TokenScopes.permits(CERTIFICATES, "POST", "/api/certificates/JHJD2026-000001/revisions"))
                .as("reading is not correcting").isFalse();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/requests")).isFalse();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/certificatesX")).isFalse();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/colleagues")).isFalse();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/tokens")).isFalse();
        assertThat(TokenScopes.permits(Set.of(ApiScope.values()), "POST", "/api/tokens"))
                .as("no token makes tokens").isFalse();
        assertThat(TokenScopes.permits(Set.of(ApiScope.REQUESTS_WRITE), "POST", "/api/requests/SQ2026-00001/cancellation"))
                .isTrue();
        assertThat(TokenScopes.permits(Set.of(), "GET", "/api/certificates")).isFalse();
    }

    @Test
    void aPathDressedUpReachesNothing() {
        for (String path : new String[] {"/api/certificates/../colleagues", "/api/certificates/%2e%2e/tokens",
                "/api/certificates/x%2Fy", "/api/certificates/;jsessionid=1", "/api/certificates//x",
                "/api/certificates/./x"}) {
            assertThat(TokenScopes.permits(CERTIFICATES, "GET", path)).as(path).isFalse();
        }
    }
}
