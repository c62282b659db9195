package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoint URIs are checked when the endpoint is created, not at the first poll. */
class BenchDeviceEndpointTest {

    private DefaultCamelContext context;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
        context.addComponent("bench-device", new BenchDeviceComponent());
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void bindsTheUriOptions() {
        BenchDeviceEndpoint endpoint = context.getEndpoint("bench-device:balance-1?host=10.0.0.7&port=4001&protocol=mt-sics"
                + "&pollCommand=S&pollInterval=300&readTimeout=2500&connectTimeout=1000&reconnectDelay=100"
                + "&maxReconnectDelay=3000&maxFrameLength=128", BenchDeviceEndpoint.class);

        BenchDeviceConfiguration configuration = endpoint.getConfiguration();
        assertThat(configuration.getDeviceId()).isEqualTo("balance-1");
        assertThat(configuration.getHost()).isEqualTo("10.0.0.7");
        assertThat(configuration.getPort()).isEqualTo(4001);
        assertThat(configuration.getProtocol()).isEqualTo("mt-sics");
        assertThat(configuration.getPollCommand()).isEqualTo("S");
        assertThat(configuration.getPollInterval()).isEqualTo(300);
        assertThat(configuration.getReadTimeout()).isEqualTo(2500);
        assertThat(configuration.getConnectTimeout()).isEqualTo(1000);
        assertThat(configuration.getReconnectDelay()).isEqualTo(100);
        assertThat(configuration.getMaxReconnectDelay()).isEqualTo(3000);
        assertThat(configuration.getMaxFrameLength()).isEqualTo(128);
        assertThat(endpoint.getCodec().protocolName()).isEqualTo("mt-sics");
    }

    @Test
    void usesDefaultsForOptionalOptions() {
        BenchDeviceConfiguration configuration = context.getEndpoint("bench-device:balance-1?host=127.0.0.1&port=4001",
                BenchDeviceEndpoint.class).getConfiguration();

        assertThat(configuration.getProtocol()).isEqualTo("mt-sics");
        assertThat(configuration.getPollCommand()).isEqualTo("SI");
        assertThat(configuration.getPollInterval()).isEqualTo(500);
        assertThat(configuration.getReadTimeout()).isEqualTo(2000);
        assertThat(configuration.getMaxFrameLength()).isEqualTo(256);
    }

    @Test
    void refusesAnUnknownProtocol() {
        assertThatThrownBy(() -> context.getEndpoint("bench-device:balance-1?host=127.0.0.1&port=4001&protocol=sbi"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasRootCauseMessage("Unknown protocol 'sbi' for bench-device:balance-1; supported: mt-sics");
    }

    @Test
    void refusesAPollCommandThatIsNotAnsweredByOneReading() {
        assertThatThrownBy(() -> context.getEndpoint("bench-device:balance-1?host=127.0.0.1&port=4001&pollCommand=SIR"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("pollCommand 'SIR'");
    }

    @Test
    void refusesAMissingHostOrPort() {
        assertThatThrownBy(() -> context.getEndpoint("bench-device:balance-1?port=4001"))
                .rootCause().hasMessageContaining("host is required");
        assertThatThrownBy(() -> context.getEndpoint("bench-device:balance-1?host=127.0.0.1"))
                .rootCause().hasMessageContaining("port must be between 1 and 65535");
    }

    @Test
    void refusesAnUnknownOption() {
        assertThatThrownBy(() -> context.getEndpoint("bench-device:balance-1?host=127.0.0.1&port=4001&colour=blue"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("colour");
    }

    @Test
    void acceptsStandardCamelEndpointOptions() {
        BenchDeviceEndpoint endpoint = context.getEndpoint(
                "bench-device:balance-1?host=127.0.0.1&port=4001&bridgeErrorHandler=true", BenchDeviceEndpoint.class);

        assertThat(endpoint.isBridgeErrorHandler()).isTrue();
    }

    @Test
    void isFoundByItsSchemeWithoutRegistration() throws Exception {
        try (DefaultCamelContext plain = new DefaultCamelContext()) {
            assertThat(plain.getComponent("bench-device")).isInstanceOf(BenchDeviceComponent.class);
        }
    }
}
