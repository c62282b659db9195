package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.instrument.camel.RouteHarness.awaitReading;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.mtsics.MtSicsResponse;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.instrument.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One owner per device in a JVM: a second route for the same device id does not start. */
@Timeout(30)
class DeviceOwnershipTest {

    private final RouteHarness routes = new RouteHarness();
    private MtSicsBalanceSimulator balance;

    @BeforeEach
    void startBalance() throws Exception {
        balance = MtSicsBalanceSimulator.builder().settleTime(Duration.ZERO).start();
        balance.placeLoad(new BigDecimal("100"));
    }

    @AfterEach
    void stopEverything() {
        routes.close();
        balance.close();
    }

    @Test
    void refusesASecondRouteForTheSameDeviceInOneContext() throws Exception {
        DefaultCamelContext context = routes.newContext();
        RouteHarness.addRoute(context, "first", uri("own-1") + "&pollInterval=100");
        RouteHarness.addRoute(context, "second", uri("own-1") + "&pollInterval=200");

        assertThatThrownBy(context::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Bench device own-1 is already read by route first (bench-device://own-1?")
                .hasMessageContaining("pollInterval=100")
                .hasMessageContaining(" in this JVM; a device has one owner at a time, so route second (bench-device://own-1?")
                .hasMessageEndingWith(") cannot start");
    }

    @Test
    void refusesASecondRouteForTheSameDeviceInAnotherContextUntilTheFirstStops() throws Exception {
        routes.start("first", uri("own-2"));
        DefaultCamelContext other = routes.newContext();
        RouteHarness.addRoute(other, "second", uri("own-2") + "&pollInterval=50");

        assertThatThrownBy(other::start).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Bench device own-2 is already read by route first");

        other.stop();
        routes.close();
        MockEndpoint readings = routes.start("third", uri("own-2") + "&pollInterval=50");
        awaitReading(readings, DeviceReading::isStable);
    }

    @Test
    void letsTwoDevicesOnOneTcpDeviceBeReadSideBySide() throws Exception {
        MockEndpoint first = routes.start("first", uri("own-3") + "&pollInterval=50");
        MockEndpoint second = routes.start("second", uri("own-4") + "&pollInterval=50");

        awaitReading(first, DeviceReading::isStable);
        awaitReading(second, DeviceReading::isStable);
    }

    @Test
    void aProducerUsesTheConsumersConnectionBetweenTwoPolls() throws Exception {
        MockEndpoint readings = routes.start("reader", uri("own-5") + "&pollInterval=20");
        awaitReading(readings, DeviceReading::isStable);

        for (int i = 0; i < 10; i++) {
            assertThat(routes.producer().requestBody(uri("own-5"), "TA")).isEqualTo(new MtSicsResponse.Acknowledged("TA", List.of("0", "g")));
        }

        Await.until(() -> readings.getReceivedCounter() > 15);
        // the balance's three identity answers on connect (I2, I3, I4), then only poll answers: the TA answers went to the producer
        assertThat(RouteHarness.readings(readings).subList(0, 3)).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReadingStatus.IDENTITY));
        assertThat(RouteHarness.readings(readings).subList(3, readings.getReceivedCounter()))
                .allSatisfy(r -> assertThat(r.isStable()).isTrue());
        RouteHarness.assertGaplessSequenceFromOne(readings);
        assertThat(balance.acceptedConnections()).isEqualTo(1);
    }

    private String uri(String deviceId) {
        return "bench-device:" + deviceId + "?host=127.0.0.1&port=" + balance.port();
    }
}
