package org.jiliang.instrument.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.instrument.simulator.Wire.ask;
import static org.jiliang.instrument.simulator.Wire.connect;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jiliang.instrument.testing.Await;
import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.LineFramer;
import org.jiliang.instrument.transport.TcpLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every fault, seen on the wire; a multimeter reading 10 V answers READ? with {@code +1.00000000E+01} LF.
 * Faults that last a while go by the meter's {@link ManualTicker}, which the test advances.
 */
@Timeout(15)
class SimulatorFaultsTest {

    private static final String TEN_VOLTS = "+1.00000000E+01\n";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ManualTicker ticker = new ManualTicker();
    private ScpiMultimeterSimulator meter;
    private TcpLink link;

    @BeforeEach
    void start() throws Exception {
        meter = ScpiMultimeterSimulator.builder().ticker(ticker).start();
        resources.add(meter);
        meter.apply("VOLT:DC", BigDecimal.TEN);
        link = open(new LineFramer(1024));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void garbageReplacesTheNextFrameOnly() throws Exception {
        meter.faults().garbage();

        link.send(Wire.ascii("READ?\n"));
        assertThat(link.readFrame(Wire.READ_TIMEOUT)).isEqualTo(SimulatorFaults.DEFAULT_GARBAGE);
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void truncationKeepsHalfTheContentAndTheTerminator() throws Exception {
        meter.faults().truncate();

        assertThat(ask(link, "READ?\n")).isEqualTo("+1.0000\n");
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void anOverlongLineHasNoTerminator() throws Exception {
        meter.faults().overlongLine(300);

        link.send(Wire.ascii("READ?\n"));
        // no frame ever completes; collect what arrives until all 300 bytes are there
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Await.until(() -> {
            assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(20))).isInstanceOf(FrameTimeoutException.class);
            received.writeBytes(link.takePendingBytes());
            return received.size() >= 300;
        }, Duration.ofSeconds(5), () -> received.size() + " of 300 bytes");
        assertThat(received.toByteArray()).hasSize(300).doesNotContain((byte) '\n', (byte) '\r');
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void aLongLineEndsWithTheDevicesLineEnd() throws Exception {
        meter.faults().longLine(300);

        assertThat(ask(link, "READ?\n")).isEqualTo("0123456789".repeat(30) + "\n");
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void aFragmentIsHalfTheNextFrameWithoutLineEndThenTheWholeFrame() throws Exception {
        meter.faults().fragment();

        assertThat(ask(link, "READ?\n")).isEqualTo("+1.0000" + TEN_VOLTS);
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void silenceDropsAnswersForAWhile() throws Exception {
        meter.faults().silence(Duration.ofMillis(400));

        link.send(Wire.ascii("READ?\n"));
        assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(200))).isInstanceOf(FrameTimeoutException.class);
        ticker.advance(Duration.ofMillis(399));
        link.send(Wire.ascii("READ?\n"));
        assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(200))).isInstanceOf(FrameTimeoutException.class);
        ticker.advance(Duration.ofMillis(1));
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void silenceLastsUntilTheDeviceSpeaksAgain() throws Exception {
        meter.faults().silence();
        link.send(Wire.ascii("READ?\n"));
        assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(300))).isInstanceOf(FrameTimeoutException.class);

        meter.faults().speak();

        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void disconnectsInTheMiddleOfAFrameAndAcceptsTheNextClient() throws Exception {
        meter.faults().disconnectMidFrame();

        link.send(Wire.ascii("READ?\n"));
        assertThatThrownBy(() -> link.readFrame(Wire.READ_TIMEOUT)).isInstanceOf(EOFException.class);
        assertThat(Wire.text(link.takePendingBytes())).isEqualTo("+1.00000");

        assertThat(ask(open(new LineFramer(1024)), "READ?\n")).isEqualTo(TEN_VOLTS);
        assertThat(meter.acceptedConnections()).isEqualTo(2);
    }

    @Test
    void dripsBytesOneAtATime() throws Exception {
        meter.faults().drip(Duration.ofMillis(5));

        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
        // one pause between each two bytes, in the meter's time
        assertThat(ticker.elapsed()).isEqualTo(Duration.ofMillis(5L * (TEN_VOLTS.length() - 1)));

        meter.faults().drip(Duration.ZERO);
        Duration before = ticker.elapsed();
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
        assertThat(ticker.elapsed()).as("sent whole again").isEqualTo(before);
    }

    @Test
    void noiseScattersReadingsWithinTheAmplitude() throws Exception {
        meter.faults().noise(new BigDecimal("0.5"));

        List<BigDecimal> readings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            readings.add(new BigDecimal(ask(link, "READ?\n").strip()));
        }

        assertThat(readings).allSatisfy(r -> assertThat(r).isBetween(new BigDecimal("9.5"), new BigDecimal("10.5")));
        assertThat(readings.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void noiseRepeatsWithTheSameSeed() throws Exception {
        meter.faults().noise(new BigDecimal("0.5"));
        ScpiMultimeterSimulator twin = ScpiMultimeterSimulator.builder().start();
        resources.add(twin);
        twin.apply("VOLT:DC", BigDecimal.TEN);
        twin.faults().noise(new BigDecimal("0.5"));
        TcpLink twinLink = connect(twin);
        resources.add(0, twinLink);

        for (int i = 0; i < 5; i++) {
            assertThat(ask(twinLink, "READ?\n")).isEqualTo(ask(link, "READ?\n"));
        }
    }

    @Test
    void driftMovesTheReadingWithTime() throws Exception {
        meter.faults().drift(BigDecimal.TEN);
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);

        ticker.advance(Duration.ofMillis(300));

        assertThat(ask(link, "READ?\n")).isEqualTo("+1.30000000E+01\n");
    }

    @Test
    void anUnstablePeriodDisturbsReadingsThenEnds() throws Exception {
        meter.faults().unstable(Duration.ofMillis(300));

        assertThat(ask(link, "READ?\n")).isEqualTo("+1.01000000E+01\n");
        ticker.advance(Duration.ofMillis(299));
        assertThat(ask(link, "READ?\n")).isEqualTo("+1.01000000E+01\n");
        ticker.advance(Duration.ofMillis(1));
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void forcedOverloadAndUnderloadLastUntilBackInRange() throws Exception {
        meter.faults().overload();
        assertThat(ask(link, "READ?\n")).isEqualTo("+9.90000000E+37\n");
        meter.faults().underload();
        assertThat(ask(link, "READ?\n")).isEqualTo("-9.90000000E+37\n");
        meter.faults().inRange();
        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void clearRemovesEveryFault() throws Exception {
        meter.faults().noise(BigDecimal.ONE).drift(BigDecimal.ONE).overload().silence().drip(Duration.ofMillis(1)).garbage().truncate();

        meter.faults().clear();

        assertThat(ask(link, "READ?\n")).isEqualTo(TEN_VOLTS);
    }

    @Test
    void truncationOfATinyFrameKeepsTheTerminator() {
        assertThat(SimulatedDevice.truncated(Wire.ascii("1\n"))).isEqualTo(Wire.ascii("\n"));
        assertThat(SimulatedDevice.truncated(Wire.ascii("Z A\r\n"))).isEqualTo(Wire.ascii("Z\r\n"));
    }

    private TcpLink open(LineFramer framer) throws Exception {
        TcpLink newLink = connect(meter, framer);
        resources.add(0, newLink);
        return newLink;
    }
}
