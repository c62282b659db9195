package org.jiliang.instrument.simulator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time a simulated device goes by: how long a new load takes to settle, how long a fault lasts,
 * how long it waits between dripped bytes. {@link #SYSTEM} is real time. A test gives the device a
 * {@link ManualTicker} and moves the time itself, so that what the device answers does not depend on
 * how fast a busy machine runs the test.
 */
public interface Ticker {

    /** Real time: {@link System#nanoTime()} and a real sleep. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    };

    /** Nanoseconds from an arbitrary origin, as {@link System#nanoTime()}; only differences mean something. */
    long nanoTime();

    /** Lets this much of the ticker's time pass. */
    void sleep(Duration duration) throws InterruptedException;
}
