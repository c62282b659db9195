package org.jiliang.instrument.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.TcpLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transcripts over a real loopback socket; every expected answer is the exact line, CR LF included.
 * Where an answer depends on time (settling, an unstable period, drift) the balance goes by a
 * {@link ManualTicker} the test advances, so the answers do not depend on how fast the machine is.
 */
@Timeout(15)
class MtSicsBalanceSimulatorTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ManualTicker ticker = new ManualTicker();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void identifiesItselfOnResetAndOnI4AndI2() throws Exception {
        TcpLink link = connect(start(MtSicsBalanceSimulator.builder().serialNumber("B207696838").model("JL-SIM")));

        assertThat(ask(link, "@")).isEqualTo("I4 A \"B207696838\"\r\n");
        assertThat(ask(link, "I4")).isEqualTo("I4 A \"B207696838\"\r\n");
        assertThat(ask(link, "I2")).isEqualTo("I2 A \"JL-SIM 6000 g\"\r\n");
    }

    @Test
    void siIsDynamicAfterALoadChangeThenStable() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ofMillis(300)).ticker(ticker));
        TcpLink link = connect(simulator);
        assertThat(ask(link, "SI")).isEqualTo("S S          0 g\r\n");

        simulator.placeLoad(new BigDecimal("5000"));

        assertThat(ask(link, "SI")).isEqualTo("S D       5000 g\r\n");
        ticker.advance(Duration.ofMillis(299));
        assertThat(ask(link, "SI")).isEqualTo("S D       5000 g\r\n");
        ticker.advance(Duration.ofMillis(1));
        assertThat(ask(link, "SI")).isEqualTo("S S       5000 g\r\n");
    }

    @Test
    void sWaitsForStability() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ofMillis(300)).ticker(ticker));
        TcpLink link = connect(simulator);

        simulator.placeLoad(new BigDecimal("1230"));

        assertThat(ask(link, "S")).isEqualTo("S S       1230 g\r\n");
        assertThat(ticker.elapsed()).as("the balance's time S waited").isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void sAnswersNotExecutableWhenStabilityDoesNotComeInTime() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance()
                .settleTime(Duration.ofSeconds(5)).stabilityTimeout(Duration.ofMillis(200)).ticker(ticker));
        TcpLink link = connect(simulator);

        simulator.placeLoad(new BigDecimal("1230"));

        assertThat(ask(link, "S")).isEqualTo("S I\r\n");
        assertThat(ticker.elapsed()).as("the balance's time S waited").isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void zeroesAndTaresLikeAnIndicator() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO));
        TcpLink link = connect(simulator);
        simulator.setBias(new BigDecimal("20"));
        assertThat(ask(link, "SI")).isEqualTo("S S         20 g\r\n");

        assertThat(ask(link, "Z")).isEqualTo("Z A\r\n");
        assertThat(ask(link, "SI")).isEqualTo("S S          0 g\r\n");

        simulator.placeLoad(new BigDecimal("500"));
        assertThat(ask(link, "T")).isEqualTo("T S        500 g\r\n");
        assertThat(ask(link, "SI")).isEqualTo("S S          0 g\r\n");
        assertThat(ask(link, "TA")).isEqualTo("TA A 500 g\r\n");

        simulator.placeLoad(new BigDecimal("1500"));
        assertThat(ask(link, "SI")).isEqualTo("S S       1000 g\r\n");

        assertThat(ask(link, "TAC")).isEqualTo("TAC A\r\n");
        assertThat(ask(link, "SI")).isEqualTo("S S       1500 g\r\n");
    }

    @Test
    void answersEsToWhatItDoesNotKnow() throws Exception {
        TcpLink link = connect(start(tenGramBalance()));

        assertThat(ask(link, "XYZ")).isEqualTo("ES\r\n");
        assertThat(ask(link, "si")).isEqualTo("ES\r\n");
        assertThat(ask(link, "Z 5")).isEqualTo("ES\r\n");
        assertThat(ask(link, "SI")).startsWith("S S");
    }

    @Test
    void simLoadPutsALoadOnThePanInAnyMassUnit() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO));
        TcpLink link = connect(simulator);

        assertThat(ask(link, "SIM LOAD 5 kg")).isEqualTo("SIM A\r\n");
        assertThat(simulator.load()).isEqualByComparingTo("5000");
        assertThat(ask(link, "SI")).isEqualTo("S S       5000 g\r\n");

        assertThat(ask(link, "SIM BIAS 20 g")).isEqualTo("SIM A\r\n");
        assertThat(ask(link, "SI")).isEqualTo("S S       5020 g\r\n");

        assertThat(ask(link, "SIM LOAD 5 lb")).isEqualTo("SIM L\r\n");
        assertThat(ask(link, "SIM SHAKE")).isEqualTo("SIM L\r\n");
    }

    @Test
    void simLoadWithATimeMovesThatLongInsteadOfTheSettleTime() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ofMillis(100)).ticker(ticker));
        TcpLink link = connect(simulator);

        assertThat(ask(link, "SIM LOAD 5 kg 30000")).isEqualTo("SIM A\r\n");
        ticker.advance(Duration.ofMillis(29_999));
        assertThat(ask(link, "SI")).isEqualTo("S D       5000 g\r\n");
        ticker.advance(Duration.ofMillis(1));
        assertThat(ask(link, "SI")).isEqualTo("S S       5000 g\r\n");

        // set down roughly again, the same load moves again
        assertThat(ask(link, "SIM LOAD 5 kg 500")).isEqualTo("SIM A\r\n");
        assertThat(ask(link, "SI")).isEqualTo("S D       5000 g\r\n");
        ticker.advance(Duration.ofMillis(500));
        assertThat(ask(link, "SI")).isEqualTo("S S       5000 g\r\n");

        // the next load without a time moves for the balance's own settle time again
        assertThat(ask(link, "SIM LOAD 2 kg")).isEqualTo("SIM A\r\n");
        ticker.advance(Duration.ofMillis(99));
        assertThat(ask(link, "SI")).isEqualTo("S D       2000 g\r\n");
        ticker.advance(Duration.ofMillis(1));
        assertThat(ask(link, "SI")).isEqualTo("S S       2000 g\r\n");

        assertThat(ask(link, "SIM LOAD 3 kg -5")).isEqualTo("SIM L\r\n");
        assertThat(ask(link, "SIM LOAD 3 kg 600001")).isEqualTo("SIM L\r\n");
        assertThat(ask(link, "SIM LOAD 3 kg 2.5")).isEqualTo("SIM L\r\n");
        assertThat(ask(link, "SIM BIAS 3 g 100")).isEqualTo("SIM L\r\n");
        assertThat(simulator.load()).as("a refused command changes nothing").isEqualByComparingTo("2000");
    }

    @Test
    void roundsTheIndicationHalfUpToTheDisplayInterval() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO));
        TcpLink link = connect(simulator);

        simulator.placeLoad(new BigDecimal("5004.9"));
        assertThat(ask(link, "SI")).isEqualTo("S S       5000 g\r\n");
        simulator.placeLoad(new BigDecimal("5005"));
        assertThat(ask(link, "SI")).isEqualTo("S S       5010 g\r\n");
    }

    @Test
    void formatsKilogramsWithTheDecimalsOfTheDisplayInterval() throws Exception {
        MtSicsBalanceSimulator simulator = start(MtSicsBalanceSimulator.builder()
                .capacity(new BigDecimal("60")).displayInterval(new BigDecimal("0.01")).unit("kg").settleTime(Duration.ZERO));
        TcpLink link = connect(simulator);

        simulator.placeLoad(new BigDecimal("5"));
        assertThat(ask(link, "SI")).isEqualTo("S S       5.00 kg\r\n");
        simulator.placeLoad(new BigDecimal("-0.05"));
        assertThat(ask(link, "SI")).isEqualTo("S S      -0.05 kg\r\n");
    }

    @Test
    void showsOverloadAboveCapacityPlusNineIntervalsAndUnderloadWhenThePanIsLifted() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO));
        TcpLink link = connect(simulator);

        simulator.placeLoad(new BigDecimal("6090"));
        assertThat(ask(link, "SI")).isEqualTo("S S       6090 g\r\n");
        simulator.placeLoad(new BigDecimal("6100"));
        assertThat(ask(link, "SI")).isEqualTo("S +\r\n");
        assertThat(ask(link, "S")).isEqualTo("S +\r\n");
        simulator.placeLoad(new BigDecimal("-300"));
        assertThat(ask(link, "SI")).isEqualTo("S -\r\n");
    }

    @Test
    void sendsGarbageOnceInPlaceOfTheNextWeightResponse() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO));
        TcpLink link = connect(simulator);

        assertThat(ask(link, "SIM GARBAGE")).isEqualTo("SIM A\r\n");
        assertThat(ask(link, "Z")).isEqualTo("Z A\r\n");
        assertThat(ask(link, "SI")).isEqualTo("#@!?\r\n");
        assertThat(ask(link, "SI")).isEqualTo("S S          0 g\r\n");

        simulator.injectGarbageOnce();
        assertThat(ask(link, "S")).isEqualTo("#@!?\r\n");
    }

    @Test
    void sirStreamsUntilCancelled() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO).streamInterval(Duration.ofMillis(50)));
        simulator.placeLoad(new BigDecimal("250"));
        TcpLink link = connect(simulator);

        link.send(ascii("SIR\r\n"));
        for (int i = 0; i < 3; i++) {
            assertThat(text(link.readFrame(READ_TIMEOUT))).isEqualTo("S S        250 g\r\n");
        }
        link.send(ascii("@\r\n"));
        String line;
        do {
            line = text(link.readFrame(READ_TIMEOUT));
        } while (line.startsWith("S S"));

        assertThat(line).isEqualTo("I4 A \"SIM0000001\"\r\n");
        assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(300))).isInstanceOf(FrameTimeoutException.class);
    }

    @Test
    void cancelAnswersInTwoLines() throws Exception {
        TcpLink link = connect(start(tenGramBalance()));

        assertThat(ask(link, "C")).isEqualTo("C B\r\n");
        assertThat(text(link.readFrame(READ_TIMEOUT))).isEqualTo("C A\r\n");
    }

    @Test
    void servesSeveralClientsSharingOnePan() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO));
        TcpLink first = connect(simulator);
        TcpLink second = connect(simulator);

        assertThat(ask(first, "SIM LOAD 700 g")).isEqualTo("SIM A\r\n");

        assertThat(ask(second, "SI")).isEqualTo("S S        700 g\r\n");
        assertThat(ask(first, "SI")).isEqualTo("S S        700 g\r\n");
    }

    @Test
    void canBeRestartedOnTheSamePort() throws Exception {
        MtSicsBalanceSimulator first = MtSicsBalanceSimulator.builder().start();
        int port = first.port();
        TcpLink link = TcpLink.connect("127.0.0.1", port, READ_TIMEOUT);
        resources.add(link);
        first.close();

        assertThatThrownBy(() -> link.readFrame(READ_TIMEOUT)).isInstanceOf(IOException.class);
        TcpLink again = connect(start(MtSicsBalanceSimulator.builder().port(port)));
        assertThat(ask(again, "I4")).isEqualTo("I4 A \"SIM0000001\"\r\n");
    }

    @Test
    void anUnstablePeriodMakesTheIndicationDynamic() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO)
                .stabilityTimeout(Duration.ofMillis(100)).ticker(ticker));
        TcpLink link = connect(simulator);
        simulator.placeLoad(new BigDecimal("5000"));

        simulator.faults().unstable(Duration.ofMillis(400));

        assertThat(ask(link, "SI")).isEqualTo("S D       5000 g\r\n");
        assertThat(ask(link, "S")).isEqualTo("S I\r\n"); // waited its 100 ms for stability
        ticker.advance(Duration.ofMillis(299));
        assertThat(ask(link, "SI")).isEqualTo("S D       5000 g\r\n");
        ticker.advance(Duration.ofMillis(1));
        assertThat(ask(link, "S")).isEqualTo("S S       5000 g\r\n");
    }

    @Test
    void forcedOverloadAndUnderloadAnswerPlusAndMinus() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO));
        TcpLink link = connect(simulator);

        simulator.faults().overload();
        assertThat(ask(link, "SI")).isEqualTo("S +\r\n");
        assertThat(ask(link, "Z")).isEqualTo("Z +\r\n");
        simulator.faults().underload();
        assertThat(ask(link, "SI")).isEqualTo("S -\r\n");
        simulator.faults().inRange();
        assertThat(ask(link, "SI")).isEqualTo("S S          0 g\r\n");
    }

    @Test
    void noiseAndDriftMoveTheIndicationInStepsOfD() throws Exception {
        MtSicsBalanceSimulator simulator = start(MtSicsBalanceSimulator.builder().settleTime(Duration.ZERO).ticker(ticker));
        TcpLink link = connect(simulator);
        simulator.placeLoad(new BigDecimal("1000"));

        simulator.faults().noise(new BigDecimal("3"));
        java.util.Set<String> lines = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            lines.add(ask(link, "SI"));
        }
        assertThat(lines).hasSizeGreaterThan(2).allMatch(l -> l.matches("S S +(99[7-9]|100[0-3]) g\r\n"));

        simulator.faults().noise(BigDecimal.ZERO).drift(new BigDecimal("100"));
        ticker.advance(Duration.ofMillis(200));
        assertThat(ask(link, "SI")).isEqualTo("S S       1020 g\r\n");
    }

    @Test
    void transportFaultsApplyToEveryLine() throws Exception {
        MtSicsBalanceSimulator simulator = start(tenGramBalance().settleTime(Duration.ZERO));
        TcpLink link = connect(simulator);

        simulator.faults().truncate();
        assertThat(ask(link, "SI")).isEqualTo("S S     \r\n");
        simulator.faults().drip(Duration.ofMillis(1));
        assertThat(ask(link, "I4")).isEqualTo("I4 A \"SIM0000001\"\r\n");
    }

    private static MtSicsBalanceSimulator.Builder tenGramBalance() {
        return MtSicsBalanceSimulator.builder()
                .capacity(new BigDecimal("6000")).displayInterval(new BigDecimal("10")).unit("g");
    }

    private MtSicsBalanceSimulator start(MtSicsBalanceSimulator.Builder builder) throws IOException {
        MtSicsBalanceSimulator simulator = builder.start();
        resources.add(simulator);
        return simulator;
    }

    private TcpLink connect(MtSicsBalanceSimulator simulator) throws IOException {
        TcpLink link = TcpLink.connect("127.0.0.1", simulator.port(), READ_TIMEOUT);
        resources.add(0, link);
        return link;
    }

    private static String ask(TcpLink link, String command) throws IOException {
        link.send(ascii(command + "\r\n"));
        return text(link.readFrame(READ_TIMEOUT));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
