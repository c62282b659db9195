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
        assertThat(configuration.getMaxFrameLength()).isEqualTo(16_384);
    }

    @Test
    void refusesAnUnknownProtocol() {
        assertThatThrownBy(() -> context.getEndpoint("bench-device:balance-1?host=127.0.0.1&port=4001&protocol=modbus"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasRootCauseMessage("Unknown protocol 'modbus' for bench-device:balance-1; supported: mt-sics, pace, sbi, scpi, vaisala");
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

    private String pollCommand(String options) {
        return context.getEndpoint("bench-device:d?host=127.0.0.1&port=4001&" + options, BenchDeviceEndpoint.class)
                .getConfiguration().getPollCommand();
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
    void bindsTheSerialOptions() {
        BenchDeviceEndpoint endpoint = context.getEndpoint("bench-device:env-1?transport=serial&serialPort=/dev/ttyUSB0"
                + "&baudRate=4800&dataBits=7&parity=even&stopBits=1&protocol=vaisala&mode=stream&startCommand=R"
                + "&framing=terminator&terminator=CRLF", BenchDeviceEndpoint.class);

        BenchDeviceConfiguration configuration = endpoint.getConfiguration();
        assertThat(configuration.getTransport()).isEqualTo("serial");
        assertThat(configuration.getSerialPort()).isEqualTo("/dev/ttyUSB0");
        assertThat(configuration.serialSettings()).hasToString("4800 E 7 1");
        assertThat(configuration.getMode()).isEqualTo("stream");
        assertThat(configuration.getStartCommand()).isEqualTo("R");
        assertThat(configuration.getPollCommand()).isEqualTo("SEND");
        assertThat(configuration.peer()).isEqualTo("serial:/dev/ttyUSB0");
        assertThat(endpoint.getCodec().protocolName()).isEqualTo("vaisala");
    }

    @Test
    void pollsWithTheDefaultCommandOfEachProtocol() {
        assertThat(pollCommand("protocol=sbi")).isEqualTo("P");
        assertThat(pollCommand("protocol=scpi")).isEqualTo("READ?");
        assertThat(pollCommand("protocol=vaisala")).isEqualTo("SEND");
        assertThat(pollCommand("protocol=mt-sics")).isEqualTo("SI");
    }

    @Test
    void givesScpiReadingsTheUnitOfTheConfiguredFunction() {
        BenchDeviceEndpoint endpoint = context.getEndpoint("bench-device:dmm-1?host=127.0.0.1&port=5025&protocol=scpi"
                + "&startCommand=CONF:RES", BenchDeviceEndpoint.class);

        assertThat(endpoint.getCodec()).isEqualTo(new org.jiliang.instrument.scpi.ScpiCodec("RES", "Ω"));
    }

    @Test
    void refusesIncompleteOrImpossibleTransportOptions() {
        assertThatThrownBy(() -> context.getEndpoint("bench-device:b?transport=serial"))
                .rootCause().hasMessage("Option serialPort is required with transport=serial for bench-device:b");
        assertThatThrownBy(() -> context.getEndpoint("bench-device:b?transport=serial&serialPort=/dev/ttyS0&parity=maybe"))
                .rootCause().hasMessage("Serial settings of bench-device:b: parity must be none, odd, even, mark or space: 'maybe'");
        assertThatThrownBy(() -> context.getEndpoint("bench-device:b?transport=usb&serialPort=/dev/ttyS0"))
                .rootCause().hasMessage("Option transport must be tcp or serial for bench-device:b, was 'usb'");
        assertThatThrownBy(() -> context.getEndpoint("bench-device:b?host=h&port=1&framing=fixed"))
                .rootCause().hasMessage("Option frameLength must be positive with framing=fixed for bench-device:b");
        assertThatThrownBy(() -> context.getEndpoint("bench-device:b?host=h&port=1&terminator=NUL"))
                .rootCause().hasMessage("Option terminator must be LF, CR or CRLF for bench-device:b, was 'NUL'");
        assertThatThrownBy(() -> context.getEndpoint("bench-device:b?host=h&port=1&mode=push"))
                .rootCause().hasMessage("Option mode must be poll or stream for bench-device:b, was 'push'");
        assertThatThrownBy(() -> context.getEndpoint("bench-device:b?host=h&port=1&protocol=sbi&sbiMissingUnit=zero"))
                .rootCause().hasMessageContaining("a missing SBI unit means not-stable or malformed: 'zero'");
        assertThatThrownBy(() -> context.getEndpoint("bench-device:b?host=h&port=1&protocol=scpi&pollCommand=*IDN?"))
                .rootCause().hasMessageContaining("pollCommand '*IDN?'");
    }

    @Test
    void isFoundByItsSchemeWithoutRegistration() throws Exception {
        try (DefaultCamelContext plain = new DefaultCamelContext()) {
            assertThat(plain.getComponent("bench-device")).isInstanceOf(BenchDeviceComponent.class);
        }
    }
}
