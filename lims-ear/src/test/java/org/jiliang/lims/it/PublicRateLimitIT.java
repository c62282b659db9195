package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public certificate check answers a person, not a script: 20 checks at once from one address, then one every
 * 3 s; more are refused with 429 and when to come back. Another address is not affected. (Tokens cannot be
 * enumerated anyway: 192 random bits each; the sequential number is refused, see VerificationSliceIT.)
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class PublicRateLimitIT {

    @Test
    void aScriptCheckingCertificatesIsSlowedDownToAPersonsPace() {
        FromAddress script = new FromAddress("127.0.0.9");
        for (int i = 0; i < 20; i++) {
            var answer = script.get("/api/v1/public/verify/" + "A".repeat(31) + (char) ('a' + i), null, null);
            assertThat(answer.status()).as("check %d", i + 1).isEqualTo(200);
            assertThat(answer.body()).contains("\"genuine\":false");
        }
        var refused = script.get("/api/v1/public/verify/" + "B".repeat(32), null, null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"error\":\"error.tooManyRequests\"").contains("秒后再试");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 4L);

        var page = script.get("/verify/" + "C".repeat(32), null, null);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("id=\"too-many\"").contains("秒后再试");

        assertThat(new FromAddress("127.0.0.10").get("/api/v1/public/verify/" + "D".repeat(32), null, null).status())
                .as("another address").isEqualTo(200);
    }
}
