package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.instrument.testing.Await;
import org.jiliang.instrument.testing.ResourceCounts;
import org.jiliang.instrument.testing.SocatPtyPair;

/**
 * Drives a consumer through disconnect cycles (the device drops the TCP connection in the middle of
 * a frame; the pty pair of a serial port goes away and comes back) and checks, after each run, that
 * the live threads and open file descriptors are back where they were. Used by the unit test
 * ({@link DisconnectLeakTest}, a few hundred cycles) and by the soak check ({@link DisconnectSoakTest},
 * 1 000 cycles, tag {@code soak}).
 */
final class DisconnectCycles {

    /** Idle threads a thread pool may keep (simulator connections, process reapers); a leak grows with the cycles. */
    private static final int THREAD_SLACK = 3;
    private static final int FD_SLACK = 2;
    private static final int WARM_UP_CYCLES = 5;
    private static final Duration CYCLE_LIMIT = Duration.ofSeconds(10);

    /** What a run did, for the report. */
    record Result(int cycles, Duration elapsed, ResourceCounts before, ResourceCounts after) {
        @Override
        public String toString() {
            return cycles + " cycles in " + elapsed.toMillis() + " ms; threads " + before.threads() + " -> " + after.threads()
                    + ", file descriptors " + before.fileDescriptors() + " -> " + after.fileDescriptors();
        }
    }

    private DisconnectCycles() {
    }

    /** TCP: each cycle the balance drops the connection mid-frame, the consumer reconnects and reads again. */
    static Result overTcp(int cycles) throws Exception {
        try (MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().settleTime(Duration.ZERO).start()) {
            balance.placeLoad(new BigDecimal("100"));
            String uri = "bench-device:leak-tcp?host=127.0.0.1&port=" + balance.port()
                    + "&pollInterval=1&readTimeout=500&reconnectDelay=1&maxReconnectDelay=2";
            return run(uri, cycles, consumer -> balance.faults().disconnectMidFrame(), () -> { });
        }
    }

    /** Serial: each cycle socat is killed (the consumer's port goes away) and started again with the same links. */
    static Result overSerial(Path directory, int cycles) throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start(directory);
             MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().tcp(false)
                     .serialPort(pty.deviceSide().toString()).serialReopenDelay(Duration.ofMillis(5))
                     .settleTime(Duration.ZERO).start()) {
            balance.placeLoad(new BigDecimal("100"));
            String uri = "bench-device:leak-serial?transport=serial&serialPort=" + pty.linkSide()
                    + "&pollInterval=1&readTimeout=100&reconnectDelay=5&maxReconnectDelay=20";
            return run(uri, cycles, consumer -> pty.kill(), pty::restart);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private interface Cut {
        void apply(BenchDeviceConsumer consumer) throws Exception;
    }

    private static Result run(String uri, int cycles, Cut cut, Step restore) throws Exception {
        AtomicLong lastStable = new AtomicLong();
        DefaultCamelContext context = new DefaultCamelContext();
        context.addComponent("bench-device", new BenchDeviceComponent());
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("cycles").process(e -> {
                        DeviceReading reading = e.getIn().getBody(DeviceReading.class);
                        if (reading.isStable()) {
                            lastStable.set(reading.frame().sequence());
                        }
                    });
                }
            });
            context.start();
            BenchDeviceConsumer consumer = (BenchDeviceConsumer) context.getRoute("cycles").getConsumer();
            Await.until(() -> lastStable.get() > 0, CYCLE_LIMIT, () -> "first reading");
            for (int i = 0; i < WARM_UP_CYCLES; i++) {
                cycle(consumer, lastStable, cut, restore, i);
            }
            ResourceCounts before = ResourceCounts.now();
            long started = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                cycle(consumer, lastStable, cut, restore, i);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            ResourceCounts after = ResourceCounts.settled(before);
            Result result = new Result(cycles, elapsed, before, after);
            assertThat(after.threads()).as("live threads after %s; now %s", result, after.threadNames())
                    .isLessThanOrEqualTo(before.threads() + THREAD_SLACK);
            assertThat(after.fileDescriptors()).as("open file descriptors after %s", result)
                    .isLessThanOrEqualTo(before.fileDescriptors() + FD_SLACK);
            assertThat(after.threadNames()).filteredOn(name -> name.contains("BenchDevicePoller[")).hasSize(1);
            return result;
        } finally {
            context.stop();
        }
    }

    /**
     * Where the consumer's reader is, for a cycle that did not end: a failure seen once in some 140 runs
     * ("link failure of cycle 103") is not understood yet, and the next one must say where it stood.
     */
    private static String pollerThreads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains("BenchDevicePoller[")) {
                out.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    out.append("    at ").append(frame).append('\n');
                }
            }
        });
        return out.toString();
    }

    private static void cycle(BenchDeviceConsumer consumer, AtomicLong lastStable, Cut cut, Step restore, int number)
            throws Exception {
        long failures = consumer.linkFailures();
        cut.apply(consumer);
        long sequenceAtCut = consumer.lastSequence();
        Await.until(() -> consumer.linkFailures() > failures, CYCLE_LIMIT, () -> "link failure of cycle " + number
                + " (frames since the cut: " + (consumer.lastSequence() - sequenceAtCut) + ")\n" + pollerThreads());
        long afterFailure = consumer.lastSequence();
        restore.run();
        Await.until(() -> lastStable.get() > afterFailure, CYCLE_LIMIT, () -> "reading after cycle " + number
                + "\n" + pollerThreads());
    }
}
