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
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/v1/certificates")).isTrue();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/v1/certificates/JHJD2026-000001/pdf")).isTrue();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/v1/certificates.zip")).isTrue();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/v1/me")).isTrue();

        assertThat(TokenScopes.permits(CERTIFICATES, "POST", "/api/v1/certificates/JHJD2026-000001/revisions"))
                .as("reading is not correcting").isFalse();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/v1/requests")).isFalse();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/v1/certificatesX")).isFalse();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/v1/colleagues")).isFalse();
        assertThat(TokenScopes.permits(CERTIFICATES, "GET", "/api/v1/tokens")).isFalse();
        assertThat(TokenScopes.permits(Set.of(ApiScope.values()), "POST", "/api/v1/tokens"))
                .as("no token makes tokens").isFalse();
        assertThat(TokenScopes.permits(Set.of(ApiScope.REQUESTS_WRITE), "POST", "/api/v1/requests/SQ2026-00001/cancellation"))
                .isTrue();
        assertThat(TokenScopes.permits(Set.of(), "GET", "/api/v1/certificates")).isFalse();
    }

    @Test
    void aPathDressedUpReachesNothing() {
        for (String path : new String[] {"/api/v1/certificates/../colleagues", "/api/v1/certificates/%2e%2e/tokens",
                "/api/v1/certificates/x%2Fy", "/api/v1/certificates/;jsessionid=1", "/api/v1/certificates//x",
                "/api/v1/certificates/./x"}) {
            assertThat(TokenScopes.permits(CERTIFICATES, "GET", path)).as(path).isFalse();
        }
    }
}
