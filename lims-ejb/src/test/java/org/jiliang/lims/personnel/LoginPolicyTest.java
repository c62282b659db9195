package org.jiliang.lims.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jiliang.lims.personnel.LoginPolicy.FailureRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    @ParameterizedTest(name = "wrong password {0} in a row locks for {1} minutes")
    @CsvSource({"5, 1", "6, 2", "7, 4", "8, 8", "12, 128", "15, 1024", "16, 1440", "40, 1440", "1000, 1440"})
    void theFifthWrongPasswordLocksForAMinuteAndEachFurtherOneForTwiceAsLongUpToADay(int failures, long minutes) {
        assertThat(LoginPolicy.lockAfter(failures)).contains(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "4"})
    void fourWrongPasswordsInARowLockNothing(int failures) {
        assertThat(LoginPolicy.lockAfter(failures)).isEmpty();
    }

    @Test
    void aRunGrowsWithEachWrongPasswordAndLocksFromTheFifth() {
        FailureRun run = FailureRun.NONE;
        for (int i = 1; i <= 4; i++) {
            run = run.failedAt(T0.plusSeconds(i));
            assertThat(run.lockedAt(T0.plusSeconds(i))).as("after %d", i).isFalse();
        }
        run = run.failedAt(T0.plusSeconds(5));

        assertThat(run.failures()).isEqualTo(5);
        assertThat(run.lockedUntil()).isEqualTo(T0.plusSeconds(5).plus(Duration.ofMinutes(1)));
        assertThat(run.lockedAt(T0.plusSeconds(64))).isTrue();
        assertThat(run.lockedAt(T0.plusSeconds(65))).as("the lock ends by itself").isFalse();
    }

    @Test
    void aSlowGuesserGetsAboutSixteenGuessesADay() {
        FailureRun run = FailureRun.NONE;
        Instant now = T0;
        int guesses = 0;
        while (now.isBefore(T0.plus(Duration.ofDays(1)))) {
            if (!run.lockedAt(now)) {
                run = run.failedAt(now);
                guesses++;
            }
            now = now.plusSeconds(30);
        }
        assertThat(guesses).isBetween(14, 17);
    }
}
