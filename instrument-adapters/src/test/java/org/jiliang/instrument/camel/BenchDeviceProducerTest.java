package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.mtsics.MtSicsResponse;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.instrument.transport.FrameTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BenchDeviceProducerTest {

    private MtSicsBalanceSimulator simulator;
    private ScriptedDevice silentDevice;
    private DefaultCamelContext context;
    private ProducerTemplate template;
    private String balance;
    private String silent;

    @BeforeEach
    void start() throws Exception {
        simulator = MtSicsBalanceSimulator.builder()
                .capacity(new BigDecimal("6000")).displayInterval(new BigDecimal("10")).unit("g")
                .serialNumber("B207696838").settleTime(Duration.ZERO)
                .start();
        silentDevice = ScriptedDevice.silent();
        context = new DefaultCamelContext();
        context.addComponent("bench-device", new BenchDeviceComponent());
        context.start();
        balance = "bench-device:bal-1?host=127.0.0.1&port=" + simulator.port();
        silent = "bench-device:bal-2?host=127.0.0.1&port=" + silentDevice.port() + "&readTimeout=200";
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        simulator.close();
        silentDevice.close();
    }

    @Test
    void answersAControlCommandWithTheTypedResponse() {
        assertThat(template.requestBody(balance, "Z")).isEqualTo(new MtSicsResponse.Acknowledged("Z", List.of()));
        assertThat(template.requestBody(balance, "I4")).isEqualTo(new MtSicsResponse.TextInfo("I4", List.of("B207696838")));
        assertThat(template.requestBody(balance, "XYZ"))
                .isEqualTo(new MtSicsResponse.CommandError(MtSicsResponse.CommandError.Kind.SYNTAX));
    }

    @Test
    void answersAWeightQueryWithAReadingAndKeepsTheRawReply() {
        simulator.placeLoad(new BigDecimal("5000"));

        Exchange exchange = template.request(balance, e -> e.getIn().setBody("SI"));

        DeviceReading reading = exchange.getMessage().getBody(DeviceReading.class);
        assertThat(reading.isStable()).isTrue();
        assertThat(reading.value()).isEqualTo(new BigDecimal("5000"));
        RawFrame raw = exchange.getMessage().getHeader(BenchDeviceConstants.RAW_FRAME, RawFrame.class);
        assertThat(raw.bytes()).isEqualTo("S S       5000 g\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(raw.sequence()).isZero();
    }

    @Test
    void drivesTheSimulatorThroughItsExtensionCommands() {
        assertThat(template.requestBody(balance, "SIM LOAD 2 kg")).isEqualTo(new MtSicsResponse.Acknowledged("SIM", List.of()));

        assertThat(simulator.load()).isEqualByComparingTo("2000");
    }

    @Test
    void failsTheExchangeWhenTheDeviceDoesNotAnswerInTime() {
        assertThatThrownBy(() -> template.requestBody(silent, "SI"))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(FrameTimeoutException.class);
    }

    @Test
    void refusesCommandTextThatIsNotMtSics() {
        assertThatThrownBy(() -> template.requestBody(balance, "z"))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .cause().hasMessageContaining("not an MT-SICS command identifier");
    }
}
