package org.jiliang.instrument.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when told: by {@link #advance}, or by the device itself when it waits
 * ({@link #sleep} passes the time at once instead of waiting for it). Thread-safe.
 */
public final class ManualTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** The device waits: in manual time that is at once, and the time has passed. */
    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    /** Moves the time forward, e.g. past a settle time or to the end of a fault. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + duration);
        }
        nanos.addAndGet(duration.toNanos());
    }

    /** How much time has passed since the ticker was made. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }
}
