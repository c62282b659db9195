package org.jiliang.lims.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedLoginRegisterTest {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    private final FailedLoginRegister register = new FailedLoginRegister();

    @Test
    void anAddressIsBlockedByItsTwentiethWrongPasswordWithinFifteenMinutes() {
        for (int i = 0; i < 19; i++) {
            assertThat(register.recordAddressFailure("10.0.0.9", T0.plusSeconds(i * 10L))).isEmpty();
        }
        Instant twentieth = T0.plusSeconds(190);

        assertThat(register.recordAddressFailure("10.0.0.9", twentieth)).contains(twentieth.plus(Duration.ofMinutes(15)));
        assertThat(register.addressBlockedUntil("10.0.0.9", twentieth.plusSeconds(60))).isPresent();
        assertThat(register.addressBlockedUntil("10.0.0.8", twentieth.plusSeconds(60))).as("another address").isEmpty();
        assertThat(register.addressBlockedUntil("10.0.0.9", twentieth.plus(Duration.ofMinutes(15)))).isEmpty();
    }

    @Test
    void wrongPasswordsSpreadOverMoreThanTheWindowDoNotBlock() {
        for (int i = 0; i < 40; i++) {
            assertThat(register.recordAddressFailure("10.0.0.9", T0.plus(Duration.ofMinutes(i)))).isEmpty();
        }
    }

    @Test
    void aNameThatIsNoAccountRunsLikeAnAccount() {
        LoginPolicy.FailureRun run = LoginPolicy.FailureRun.NONE;
        for (int i = 1; i <= 5; i++) {
            run = register.recordUnknownNameFailure("nobody", T0.plusSeconds(i));
        }
        assertThat(run.lockedAt(T0.plusSeconds(6))).isTrue();
        assertThat(register.unknownName("nobody")).isEqualTo(run);
        assertThat(register.unknownName("somebody")).isEqualTo(LoginPolicy.FailureRun.NONE);
    }
}
