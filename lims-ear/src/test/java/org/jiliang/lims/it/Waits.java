package org.jiliang.lims.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline, and the end of a log to say why it did not come. */
final class Waits {

    private Waits() {
    }

    /** Checks the condition every 100 ms; fails with {@code what} once {@code timeout} has passed. */
    static void awaitTrue(BooleanSupplier condition, Duration timeout, Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what.get());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Asks for {@code value} every 100 ms until {@code ready} accepts it, and returns that answer; fails with
     * {@code what} once {@code timeout} has passed.
     */
    static <T> T awaitValue(Supplier<T> value, Predicate<T> ready, Duration timeout, Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        T answer = value.get();
        while (!ready.test(answer)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what.get());
            }
            Thread.sleep(100);
            answer = value.get();
        }
        return answer;
    }

    /**
     * Checks every 100 ms, for the whole of {@code period}, that the condition still holds (a state that must last, such
     * as a request that waits rather than fails); fails with {@code what} the first time it does not.
     */
    static void assertHolds(BooleanSupplier condition, Duration period, Supplier<String> what)
            throws InterruptedException {
        Instant end = Instant.now().plus(period);
        while (Instant.now().isBefore(end)) {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("Did not hold for " + period.toMillis() + " ms: " + what.get());
            }
            Thread.sleep(100);
        }
    }

    /** The last 30 lines of a log file. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
