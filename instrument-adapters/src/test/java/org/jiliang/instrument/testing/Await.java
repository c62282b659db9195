package org.jiliang.instrument.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for something that happens on another thread, without fixed sleeps. */
public final class Await {

    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private Await() {
    }

    public static void until(BooleanSupplier condition) throws InterruptedException {
        until(condition, DEFAULT, () -> "condition");
    }

    /** Waits until the condition holds, failing with the description if it does not within the timeout. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> description) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + description.get());
            }
            Thread.sleep(5);
        }
    }

    /** How long the condition took to hold, failing if it does not within the timeout. */
    public static Duration timeUntil(BooleanSupplier condition, Duration timeout, Supplier<String> description)
            throws InterruptedException {
        long started = System.nanoTime();
        until(condition, timeout, description);
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
