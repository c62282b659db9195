package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.reading.DeviceReading;

/** Real routes from bench-device endpoints into mock endpoints, in plain DefaultCamelContexts; closes them all. */
final class RouteHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final List<DefaultCamelContext> contexts = new ArrayList<>();

    /** Starts a new context with one route {@code routeId}: from the URI to {@code mock:<routeId>}. */
    MockEndpoint start(String routeId, String uri) throws Exception {
        DefaultCamelContext context = newContext();
        addRoute(context, routeId, uri);
        context.start();
        return context.getEndpoint("mock:" + routeId, MockEndpoint.class);
    }

    DefaultCamelContext newContext() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.addComponent("bench-device", new BenchDeviceComponent());
        contexts.add(context);
        return context;
    }

    static void addRoute(DefaultCamelContext context, String routeId, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("mock:" + routeId);
            }
        });
    }

    BenchDeviceConsumer consumer(String routeId) {
        for (DefaultCamelContext context : contexts) {
            if (context.getRoute(routeId) != null) {
                return (BenchDeviceConsumer) context.getRoute(routeId).getConsumer();
            }
        }
        throw new IllegalArgumentException("no route " + routeId);
    }

    ProducerTemplate producer() {
        return contexts.get(0).createProducerTemplate();
    }

    @Override
    public void close() {
        for (DefaultCamelContext context : contexts) {
            context.stop();
        }
        contexts.clear();
    }

    static List<DeviceReading> readings(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> e.getIn().getBody(DeviceReading.class)).toList();
    }

    static void assertGaplessSequenceFromOne(MockEndpoint mock) {
        List<Long> sequences = readings(mock).stream().map(r -> r.frame().sequence()).toList();
        assertThat(sequences).isEqualTo(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
    }

    static DeviceReading awaitReading(MockEndpoint mock, Predicate<DeviceReading> wanted) throws InterruptedException {
        return awaitReading(mock, wanted, WAIT);
    }

    static DeviceReading awaitReading(MockEndpoint mock, Predicate<DeviceReading> wanted, Duration timeout)
            throws InterruptedException {
        return awaitExchange(mock, wanted, timeout).getIn().getBody(DeviceReading.class);
    }

    /** The first reading received after {@code afterSequence} that is wanted. */
    static DeviceReading awaitReadingAfter(MockEndpoint mock, long afterSequence, Predicate<DeviceReading> wanted)
            throws InterruptedException {
        return awaitReading(mock, r -> r.frame().sequence() > afterSequence && wanted.test(r));
    }

    static Exchange awaitExchange(MockEndpoint mock, Predicate<DeviceReading> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Exchange exchange : List.copyOf(mock.getReceivedExchanges())) {
                if (wanted.test(exchange.getIn().getBody(DeviceReading.class))) {
                    return exchange;
                }
            }
            Thread.sleep(10);
        }
        return fail("no wanted reading within " + timeout + "; received: " + readings(mock));
    }

    static long lastSequence(MockEndpoint mock) {
        List<DeviceReading> readings = readings(mock);
        return readings.isEmpty() ? 0 : readings.get(readings.size() - 1).frame().sequence();
    }
}
