package org.jiliang.instrument.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.instrument.simulator.Wire.ask;
import static org.jiliang.instrument.simulator.Wire.connect;
import static org.jiliang.instrument.simulator.Wire.esc;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jiliang.instrument.sbi.SbiCodec;
import org.jiliang.instrument.sbi.SbiResponse;
import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.TcpLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SBI transcripts over loopback; every expected line is exact, CR LF included. */
@Timeout(15)
class SbiBalanceSimulatorTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void printsTheNetValueInThe16CharacterFormat() throws Exception {
        SbiBalanceSimulator balance = start(SbiBalanceSimulator.builder().settleTime(Duration.ZERO));
        TcpLink link = open(balance);

        balance.placeLoad(new BigDecimal("123.56"));

        String line = ask(link, esc("P"));
        assertThat(line).isEqualTo("+   123.56 g  \r\n");
        assertThat(new SbiCodec().decode(Wire.ascii(line))).isEqualTo(new SbiResponse.Value("", new BigDecimal("123.56"), "g", false));
    }

    @Test
    void blanksTheUnitWhileTheValueIsNotStable() throws Exception {
        SbiBalanceSimulator balance = start(SbiBalanceSimulator.builder().settleTime(Duration.ofMillis(300)));
        TcpLink link = open(balance);

        balance.placeLoad(new BigDecimal("123.56"));

        assertThat(ask(link, esc("P"))).isEqualTo("+   123.56    \r\n");
        Thread.sleep(400);
        assertThat(ask(link, esc("P"))).isEqualTo("+   123.56 g  \r\n");
    }

    @Test
    void printsThe22CharacterFormatWithTheNetCode() throws Exception {
        SbiBalanceSimulator balance = start(SbiBalanceSimulator.builder().settleTime(Duration.ZERO)
                .format(SbiBalanceSimulator.Format.TWENTY_TWO));

        balance.placeLoad(new BigDecimal("123.56"));

        assertThat(ask(open(balance), esc("P"))).isEqualTo("N     +   123.56 g  \r\n");
    }

    @Test
    void printsWholeNumbersWithoutDecimalPoint() throws Exception {
        SbiBalanceSimulator balance = start(SbiBalanceSimulator.builder().settleTime(Duration.ZERO)
                .capacity(new BigDecimal("6000")).displayInterval(BigDecimal.ONE));

        balance.placeLoad(new BigDecimal("5000"));

        assertThat(ask(open(balance), esc("P"))).isEqualTo("+     5000 g  \r\n");
    }

    @Test
    void taresAndZeroesWithoutAnswering() throws Exception {
        SbiBalanceSimulator balance = start(SbiBalanceSimulator.builder().settleTime(Duration.ZERO));
        TcpLink link = open(balance);
        balance.placeLoad(new BigDecimal("50.00"));

        link.send(esc("T"));
        assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(200))).isInstanceOf(FrameTimeoutException.class);
        assertThat(ask(link, esc("P"))).isEqualTo("+     0.00 g  \r\n");

        balance.placeLoad(new BigDecimal("20.00"));
        assertThat(ask(link, esc("P"))).isEqualTo("-    30.00 g  \r\n");

        link.send(esc("V"));
        assertThat(ask(link, esc("P"))).isEqualTo("+     0.00 g  \r\n");
        assertThat(balance.tare()).isEqualByComparingTo("0");
    }

    @Test
    void printsStatLinesForOverloadAndUnderload() throws Exception {
        SbiBalanceSimulator balance = start(SbiBalanceSimulator.builder().settleTime(Duration.ZERO));
        TcpLink link = open(balance);

        balance.placeLoad(new BigDecimal("300"));
        assertThat(ask(link, esc("P"))).isEqualTo("Stat     High       \r\n");
        balance.placeLoad(new BigDecimal("-5"));
        assertThat(ask(link, esc("P"))).isEqualTo("Stat     Low        \r\n");
    }

    @Test
    void printsModelAndSerialNumber() throws Exception {
        SbiBalanceSimulator balance = start(SbiBalanceSimulator.builder().model("ENTRIS224I-1S").serialNumber("0037203118"));
        TcpLink link = open(balance);

        assertThat(ask(link, esc("x1_"))).isEqualTo("ENTRIS224I-1S\r\n");
        assertThat(ask(link, esc("x2_") )).isEqualTo("0037203118\r\n");
    }

    @Test
    void acceptsCommandsFollowedByCrLf() throws Exception {
        SbiBalanceSimulator balance = start(SbiBalanceSimulator.builder().settleTime(Duration.ZERO));

        assertThat(ask(open(balance), Wire.ascii("\u001BP\r\n"))).isEqualTo("+     0.00 g  \r\n");
    }

    @Test
    void printsOnItsOwnInAutoPrintMode() throws Exception {
        SbiBalanceSimulator balance = start(SbiBalanceSimulator.builder().settleTime(Duration.ZERO).autoPrint(Duration.ofMillis(50)));
        TcpLink link = open(balance);

        for (int i = 0; i < 3; i++) {
            assertThat(Wire.text(link.readFrame(Wire.READ_TIMEOUT))).isEqualTo("+     0.00 g  \r\n");
        }
    }

    private SbiBalanceSimulator start(SbiBalanceSimulator.Builder builder) throws Exception {
        SbiBalanceSimulator simulator = builder.start();
        resources.add(simulator);
        return simulator;
    }

    private TcpLink open(SimulatedDevice device) throws Exception {
        TcpLink link = connect(device);
        resources.add(0, link);
        return link;
    }
}
