package org.jiliang.lims.personnel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many wrong passwords a name and a client address may send, and what happens after that
 * (docs/security.md, "Logins"). The rules, chosen against OWASP ASVS 4.0.3 §2.2.1 and NIST SP 800-63B §5.2.2:
 * <ul>
 * <li>A name (an account, or a name that is no account: they behave alike) is locked by its
 * {@value #LOCKING_FAILURES}th wrong password in a row for {@link #FIRST_LOCK}, and by each further one for twice
 * as long as the time before, up to {@link #LONGEST_LOCK}: a slow guesser gets about 16 guesses a day. A correct password or an administrator's unlock ends
 * the run. An attempt while locked is refused without looking at the password and does not move the end of
 * the lock: knowing a name is not enough to keep its owner out for longer.</li>
 * <li>A client address that sent {@value #ADDRESS_FAILURES} wrong passwords within {@link #ADDRESS_WINDOW}
 * (for any names) is refused for {@link #ADDRESS_BLOCK}, counted from the failure that reached the limit.</li>
 * </ul>
 */
public final class LoginPolicy {

    public static final int LOCKING_FAILURES = 5;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    public static final Duration LONGEST_LOCK = Duration.ofHours(24);
    public static final int ADDRESS_FAILURES = 20;
    public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    public static final Duration ADDRESS_BLOCK = Duration.ofMinutes(15);

    private LoginPolicy() {
    }

    /** How long a name is locked after its {@code consecutiveFailures}-th wrong password in a row, if at all. */
    public static Optional<Duration> lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < LOCKING_FAILURES) {
            return Optional.empty();
        }
        int doublings = consecutiveFailures - LOCKING_FAILURES;
        // 2^11 minutes already exceeds 24 h; stop doubling before the shift overflows
        if (doublings >= 11) {
            return Optional.of(LONGEST_LOCK);
        }
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return Optional.of(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
    }

    /** The run of wrong passwords of one name: its length, and the end of the lock it earned, if any. */
    public record FailureRun(int failures, Instant lockedUntil) {

        public static final FailureRun NONE = new FailureRun(0, null);

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** One more wrong password at {@code now}; only called when not locked. */
        public FailureRun failedAt(Instant now) {
            int n = failures + 1;
            return new FailureRun(n, lockAfter(n).map(now::plus).orElse(null));
        }
    }
}
