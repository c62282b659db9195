package org.jiliang.lims.personnel;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link LoginPolicy} needs to remember outside the accounts: the recent wrong passwords of each client
 * address, and the runs of names that are no account (so that they are refused exactly like accounts). Kept in
 * memory, bounded (the least recently seen are forgotten first), per server: a restart forgets them, while an
 * account's own run is stored with the account.
 */
@ApplicationScoped
public class FailedLoginRegister {

    static final int MAX_ENTRIES = 20_000;

    private final Map<String, Deque<Instant>> failuresByAddress = bounded();
    private final Map<String, Instant> addressBlockedUntil = bounded();
    private final Map<String, LoginPolicy.FailureRun> unknownNames = bounded();

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    public synchronized Optional<Instant> addressBlockedUntil(String address, Instant now) {
        Instant until = addressBlockedUntil.get(address);
        return until != null && now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** Counts a wrong password from the address; returns the end of the block it starts, if it reaches the limit. */
    public synchronized Optional<Instant> recordAddressFailure(String address, Instant now) {
        Deque<Instant> recent = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        recent.addLast(now);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(LoginPolicy.ADDRESS_WINDOW))) {
            recent.removeFirst();
        }
        if (recent.size() < LoginPolicy.ADDRESS_FAILURES) {
            return Optional.empty();
        }
        recent.clear();
        Instant until = now.plus(LoginPolicy.ADDRESS_BLOCK);
        addressBlockedUntil.put(address, until);
        return Optional.of(until);
    }

    public synchronized LoginPolicy.FailureRun unknownName(String name) {
        return unknownNames.getOrDefault(name, LoginPolicy.FailureRun.NONE);
    }

    public synchronized LoginPolicy.FailureRun recordUnknownNameFailure(String name, Instant now) {
        LoginPolicy.FailureRun run = unknownName(name).failedAt(now);
        unknownNames.put(name, run);
        return run;
    }
}
