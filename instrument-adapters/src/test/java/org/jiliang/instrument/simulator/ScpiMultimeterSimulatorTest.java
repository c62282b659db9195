package org.jiliang.instrument.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.instrument.simulator.Wire.ask;
import static org.jiliang.instrument.simulator.Wire.connect;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.TcpLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SCPI transcripts over loopback, including the reference parser's error-queue vectors (protocols.md 4.3). */
@Timeout(15)
class ScpiMultimeterSimulatorTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void identifiesItselfWithFourFields() throws Exception {
        TcpLink link = open(start(ScpiMultimeterSimulator.builder().serialNumber("MY12345678")));

        assertThat(ask(link, "*IDN?\n")).isEqualTo("JILIANG,SIM-DMM-34401,MY12345678,1.0\n");
    }

    @Test
    void queuesAnUndefinedHeaderAndThenSaysNoError() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder());
        TcpLink link = open(meter);

        link.send(Wire.ascii("ABCD\n"));

        assertThat(ask(link, "SYST:ERR:COUN?\n")).isEqualTo("1\n");
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-113,\"Undefined header\"\n");
        assertThat(ask(link, "SYSTem:ERRor:NEXT?\n")).isEqualTo("0,\"No error\"\n");
    }

    @Test
    void clearStatusEmptiesTheErrorQueue() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder());
        TcpLink link = open(meter);
        link.send(Wire.ascii("ABCD\nCONF:VOLT:DC ten\n"));
        assertThat(ask(link, "SYST:ERR:COUN?\n")).isEqualTo("2\n");
        assertThat(meter.errorQueue()).containsExactly("-113,\"Undefined header\"", "-104,\"Data type error\"");

        link.send(Wire.ascii("*CLS\n"));

        assertThat(ask(link, "SYST:ERR:COUN?\n")).isEqualTo("0\n");
    }

    @Test
    void measuresWithTheSelectedFunctionInTheReadingFormat() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder());
        meter.apply("VOLT:DC", BigDecimal.TEN);
        meter.apply("RES", new BigDecimal("1000.2"));
        TcpLink link = open(meter);

        assertThat(ask(link, "MEAS:VOLT:DC? 10,0.001\n")).isEqualTo("+1.00000000E+01\n");
        link.send(Wire.ascii("conf:resistance\n"));
        assertThat(ask(link, "READ?\n")).isEqualTo("+1.00020000E+03\n");
        assertThat(meter.function()).isEqualTo("RES");
        link.send(Wire.ascii("*RST\n"));
        assertThat(ask(link, "READ?\n")).isEqualTo("+1.00000000E+01\n");
        assertThat(ask(link, "*OPC?\n")).isEqualTo("1\n");
    }

    @Test
    void readsOverloadBeyondTheLargestRange() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder());
        TcpLink link = open(meter);

        meter.apply("VOLT:DC", new BigDecimal("1500"));
        assertThat(ask(link, "READ?\n")).isEqualTo("+9.90000000E+37\n");
        meter.apply("VOLT:DC", new BigDecimal("-1500"));
        assertThat(ask(link, "READ?\n")).isEqualTo("-9.90000000E+37\n");
    }

    @Test
    void endsAnswersWithCrLfWhenBuiltSo() throws Exception {
        TcpLink link = open(start(ScpiMultimeterSimulator.builder().crLf(true)));

        assertThat(ask(link, "*OPC?\r\n")).isEqualTo("1\r\n");
    }

    @Test
    void commandsWithoutQueryAreNotAnswered() throws Exception {
        TcpLink link = open(start(ScpiMultimeterSimulator.builder()));

        link.send(Wire.ascii("*RST\nCONF:VOLT:AC 10\nINIT\n"));

        assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(200))).isInstanceOf(FrameTimeoutException.class);
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("0,\"No error\"\n");
    }

    @Test
    void reportsQueueOverflowAsTheLastEntry() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder());
        TcpLink link = open(meter);

        link.send(Wire.ascii("FOO\n".repeat(25)));

        assertThat(ask(link, "SYST:ERR:COUN?\n")).isEqualTo("20\n");
        assertThat(meter.errorQueue().get(19)).isEqualTo("-350,\"Queue overflow\"");
    }

    @Test
    void reportsAnOverlongCommandAsInputBufferOverrun() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder());
        TcpLink link = open(meter);

        link.send(Wire.ascii("CONF:" + "X".repeat(300) + "\n"));

        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-363,\"Input buffer overrun\"\n");
    }

    @Test
    void printsNumbersAsAParserLibraryInstrumentDoes() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument());
        TcpLink link = open(meter);

        meter.apply("VOLT:DC", new BigDecimal("1.23"));
        assertThat(ask(link, "MEAS:VOLT:DC?\n")).isEqualTo("1.23\n");
        meter.apply("VOLT:DC", new BigDecimal("1E-7"));
        assertThat(ask(link, "MEAS:VOLT:DC?\n")).isEqualTo("1e-07\n");
        meter.apply("VOLT:DC", new BigDecimal("-0.000123"));
        assertThat(ask(link, "MEAS:VOLT:DC?\n")).isEqualTo("-0.000123\n");
        meter.apply("VOLT:DC", new BigDecimal("2000"));
        assertThat(ask(link, "MEAS:VOLT:DC?\n")).isEqualTo("9.90000030209633e+37\n");
        meter.notANumber(true);
        assertThat(ask(link, "MEAS:VOLT:DC?\n")).isEqualTo("nan\n");
    }

    @Test
    void queuesErrorsWithTheParserLibrarysCodesAndTexts() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument());
        meter.apply("VOLT:DC", BigDecimal.ONE);
        TcpLink link = open(meter);

        link.send(Wire.ascii("CONF:VOLT:DC ten\n"));
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-224,\"Illegal parameter value;ten\"\n");
        // too many parameters: the meter measures and queues -108
        assertThat(ask(link, "MEAS:VOLT:DC? 1,2,3\n")).isEqualTo("1\n");
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-108,\"Parameter not allowed\"\n");
        // no READ? at all
        link.send(Wire.ascii("READ?\n"));
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-113,\"Undefined header\"\n");
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("0,\"No error\"\n");
    }

    @Test
    void servesOneClientAtATimeAsARawSocketServerDoes() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder().likeParserLibraryInstrument());
        TcpLink first = open(meter);
        assertThat(ask(first, "*IDN?\n")).startsWith("JILIANG,");

        TcpLink second = connect(meter);
        assertThatThrownBy(() -> ask(second, "*IDN?\n")).isInstanceOf(java.io.IOException.class)
                .isNotInstanceOf(FrameTimeoutException.class);
        second.close();

        first.close();
        org.jiliang.instrument.testing.Await.until(() -> {
            try (TcpLink third = connect(meter)) {
                return ask(third, "*IDN?\n").startsWith("JILIANG,");
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test
    void measuresInTheSelectedRangeWithItsResolutionAndSeededNoise() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder().noise(new BigDecimal("0.00002")).seed(7));
        meter.apply("VOLT:DC", new BigDecimal("9.9999871"));
        TcpLink link = open(meter);

        String first = ask(link, "CONF:VOLT:DC 10\nREAD?\n");
        // 10 V range, 6½ digits: five decimals; the noise of seed 7 is the same every run
        assertThat(first).matches("\\+(9\\.\\d{5}000E\\+00|1\\.00000000E\\+01)\n");
        assertThat(meter.range()).hasValueSatisfying(range -> assertThat(range).isEqualByComparingTo("10"));
        meter.apply("VOLT:DC", new BigDecimal("12.5"));
        assertThat(ask(link, "READ?\n")).isEqualTo("+9.90000000E+37\n");
        ScpiMultimeterSimulator again = start(ScpiMultimeterSimulator.builder().noise(new BigDecimal("0.00002")).seed(7));
        again.apply("VOLT:DC", new BigDecimal("9.9999871"));
        TcpLink other = open(again);
        assertThat(ask(other, "CONF:VOLT:DC 10\nREAD?\n")).isEqualTo(first);
    }

    @Test
    void setsTheRangeWithTheRangeCommandAndRefusesOneBeyondTheLargest() throws Exception {
        ScpiMultimeterSimulator meter = start(ScpiMultimeterSimulator.builder());
        meter.apply("VOLT:DC", new BigDecimal("0.98765432"));
        meter.apply("RES", new BigDecimal("99.87654"));
        TcpLink link = open(meter);

        link.send(Wire.ascii("SENS:VOLT:DC:RANG 0.5\n"));
        assertThat(ask(link, "VOLT:RANG?\n")).isEqualTo("+1.00000000E+00\n");
        // 1 V range: a millionth of a volt
        assertThat(ask(link, "READ?\n")).isEqualTo("+9.87654000E-01\n");
        link.send(Wire.ascii("CONF:RES 100\n"));
        assertThat(ask(link, "READ?\n")).isEqualTo("+9.98765000E+01\n");
        link.send(Wire.ascii("VOLT:DC:RANG 2000\n"));
        assertThat(ask(link, "SYST:ERR?\n")).isEqualTo("-222,\"Data out of range\"\n");
        // *OPC? is answered after the commands before it on the connection: then the range is set
        assertThat(ask(link, "RES:RANG AUTO\n*OPC?\n")).isEqualTo("1\n");
        assertThat(meter.range()).isEmpty();
    }

    private ScpiMultimeterSimulator start(ScpiMultimeterSimulator.Builder builder) throws Exception {
        ScpiMultimeterSimulator simulator = builder.start();
        resources.add(simulator);
        return simulator;
    }

    private TcpLink open(SimulatedDevice device) throws Exception {
        TcpLink link = connect(device);
        resources.add(0, link);
        return link;
    }
}
