package org.jiliang.instrument.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.instrument.simulator.Wire.ask;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jiliang.instrument.transport.TcpLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transcripts of the simulated Druck PACE over loopback: what a technician would see on a terminal. */
@Timeout(15)
class PacePressureStandardSimulatorTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void identifiesItselfAsADruckPace() throws Exception {
        TcpLink link = open(start(PacePressureStandardSimulator.builder().serialNumber("1234567")));

        assertThat(ask(link, "*IDN?\n")).isEqualTo("GE Druck,PACE1000,1234567,1.0\n");
    }

    @Test
    void answersThePressureWithTheHeaderEchoedAndSevenDecimals() throws Exception {
        PacePressureStandardSimulator pace = start(PacePressureStandardSimulator.builder());
        pace.applyKilopascal(new BigDecimal("13.3322387415"));
        TcpLink link = open(pace);

        assertThat(ask(link, ":SENS:PRES?\n")).isEqualTo(":SENS:PRES 13.3322387\n");
        assertThat(ask(link, ":sense:pressure?\r\n")).isEqualTo(":SENS:PRES 13.3322387\n");
    }

    @Test
    void readsInTheSelectedUnit() throws Exception {
        PacePressureStandardSimulator pace = start(PacePressureStandardSimulator.builder());
        pace.applyPascal(new BigDecimal("13332.2387415")); // 100 mmHg
        TcpLink link = open(pace);
        assertThat(ask(link, ":UNIT:PRES?\n")).isEqualTo(":UNIT:PRES KPA\n");

        link.send(Wire.ascii(":UNIT:PRES MMHG\n"));

        assertThat(ask(link, ":UNIT:PRES?\n")).isEqualTo(":UNIT:PRES MMHG\n");
        assertThat(ask(link, ":SENS:PRES?\n")).isEqualTo(":SENS:PRES 100.0000000\n");
        assertThat(ask(link, ":INST:LIM?\n")).isEqualTo(":INST:LIM \"70 kPa G\",525.0431031,0.0000000\n");
        link.send(Wire.ascii("*RST\n"));
        assertThat(ask(link, ":INST:LIM?\n")).isEqualTo(":INST:LIM \"70 kPa G\",70.0000000,0.0000000\n");
    }

    @Test
    void takesTheTruePressureOverTheWireInKilopascals() throws Exception {
        PacePressureStandardSimulator pace = start(PacePressureStandardSimulator.builder().unit("MMHG"));
        TcpLink link = open(pace);

        link.send(Wire.ascii("SIM:PRES 26.664477483\n"));

        assertThat(ask(link, ":SENS:PRES?\n")).isEqualTo(":SENS:PRES 200.0000000\n");
        assertThat(pace.pressurePascal()).isEqualByComparingTo("26664.477483");
    }

    @Test
    void readsATruePressureOutsideTheRangeAsOverload() throws Exception {
        PacePressureStandardSimulator pace = start(PacePressureStandardSimulator.builder()
                .range("20 kPa G", new BigDecimal("-1"), new BigDecimal("20")));
        TcpLink link = open(pace);

        pace.applyKilopascal(new BigDecimal("20.001"));
        assertThat(ask(link, ":SENS:PRES?\n")).isEqualTo(":SENS:PRES 9.9000000E+37\n");
        pace.applyKilopascal(new BigDecimal("-1.5"));
        assertThat(ask(link, ":SENS:PRES?\n")).isEqualTo(":SENS:PRES -9.9000000E+37\n");
        pace.applyKilopascal(new BigDecimal("-0.5"));
        assertThat(ask(link, ":SENS:PRES?\n")).isEqualTo(":SENS:PRES -0.5000000\n");
    }

    @Test
    void queuesUnknownHeadersAndIllegalParameters() throws Exception {
        PacePressureStandardSimulator pace = start(PacePressureStandardSimulator.builder());
        TcpLink link = open(pace);

        link.send(Wire.ascii("FRED\n:UNIT:PRES PSIX\nSIM:PRES lots\n:UNIT:PRES\n"));

        assertThat(ask(link, ":SYST:ERR?\n")).isEqualTo("-113,\"Undefined header\"\n");
        assertThat(ask(link, ":SYST:ERR?\n")).isEqualTo("-224,\"Illegal parameter value\"\n");
        assertThat(ask(link, ":SYST:ERR?\n")).isEqualTo("-224,\"Illegal parameter value\"\n");
        assertThat(ask(link, ":SYST:ERR?\n")).isEqualTo("-109,\"Missing parameter\"\n");
        assertThat(ask(link, ":SYST:ERR?\n")).isEqualTo("0,\"No error\"\n");
        assertThat(pace.unit()).isEqualTo("KPA");
    }

    @Test
    void theSameSeedGivesTheSameNoise() throws Exception {
        List<String> first = readings(start(PacePressureStandardSimulator.builder().seed(7).noise(new BigDecimal("2"))), 5);
        List<String> second = readings(start(PacePressureStandardSimulator.builder().seed(7).noise(new BigDecimal("2"))), 5);

        assertThat(first).isEqualTo(second);
        assertThat(first).doesNotHaveDuplicates();
        // 2 Pa of noise on 12 kPa: every reading within 12 kPa ± 10 Pa (5 sigma)
        assertThat(first).allSatisfy(line -> assertThat(new BigDecimal(line.substring(":SENS:PRES ".length()).strip()))
                .isBetween(new BigDecimal("11.99"), new BigDecimal("12.01")));
    }

    @Test
    void refusesAUnitItDoesNotRead() {
        assertThatThrownBy(() -> PacePressureStandardSimulator.builder().unit("PSI"))
                .hasMessage("the simulated PACE reads in KPA or MMHG, not PSI");
    }

    private List<String> readings(PacePressureStandardSimulator pace, int count) throws Exception {
        pace.applyKilopascal(new BigDecimal("12"));
        TcpLink link = open(pace);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(ask(link, ":SENS:PRES?\n"));
        }
        return lines;
    }

    private PacePressureStandardSimulator start(PacePressureStandardSimulator.Builder builder) throws Exception {
        PacePressureStandardSimulator simulator = builder.start();
        resources.add(simulator);
        return simulator;
    }

    private TcpLink open(SimulatedDevice device) throws Exception {
        TcpLink link = Wire.connect(device);
        resources.add(0, link);
        return link;
    }
}
