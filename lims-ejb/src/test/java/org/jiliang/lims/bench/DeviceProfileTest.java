package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jiliang.lims.platform.RefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One profile, one validation, the same defaults whether the server or a bench agent reads the device (issue 10:
 * the two registrations had drifted — the server defaulted to tcp and "SI", the agent to serial and the protocol's
 * own command; the agent checked neither commands nor the identity's characters).
 */
class DeviceProfileTest {

    private static final SerialLine COM3 = new SerialLine("COM3", 9600, 8, "none", "1", null);

    @Test
    void withoutATransportASerialLineMeansSerialAndAHostMeansTcp() {
        BenchDevice serial = new DeviceProfile("BAL-9", null, "mt-sics", null, 0, null, 500, null, COM3, null, null)
                .newDevice();
        BenchDevice tcp = new DeviceProfile("BAL-8", "Balance", "mt-sics", "10.0.0.8", 4001, null, 500).newDevice();

        assertThat(serial.transport()).isEqualTo(BenchDevice.SERIAL);
        assertThat(serial.serialLine().port()).isEqualTo("COM3");
        assertThat(serial.serialLine().flowControl()).isEqualTo("none");
        assertThat(tcp.transport()).isEqualTo(BenchDevice.TCP);
    }

    @Test
    void aBlankPollCommandMeansTheProtocolsOwnAndABlankNameTheCode() {
        BenchDevice meter = new DeviceProfile("DMM-1", " ", "scpi", "10.0.0.9", 5025, "  ", 1000).newDevice();

        // SCPI's own is READ?, MT-SICS's SI: the route asks the codec (BenchDeviceConfiguration)
        assertThat(meter.pollCommand()).isEmpty();
        assertThat(meter.name()).isEqualTo("DMM-1");
    }

    @ParameterizedTest(name = "poll command {0} → refused")
    @ValueSource(strings = {"MEAS(VOLT)?", "SI\u0007", "123456789012345678901234567890123"})
    void aCommandThatCannotTravelInARouteIsRefused(String command) {
        assertThatThrownBy(() -> new DeviceProfile("DMM-2", "DMM", "scpi", "10.0.0.9", 5025, command, 1000)
                .newDevice()).isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).messageKey()).isEqualTo("error.device.command"));
    }

    /**
     * A command the protocol does not answer with one reading used to pass here and stop the route at start-up,
     * and with it every other device's route: the deployment failed.
     */
    @ParameterizedTest(name = "{0} polled with {1} → refused")
    @org.junit.jupiter.params.provider.CsvSource({"mt-sics, Z", "scpi, *IDN?", "scpi, CONF:VOLT:DC", "sbi, T"})
    void aPollCommandThatIsNotAReadingInItsProtocolIsRefused(String protocol, String command) {
        assertThatThrownBy(() -> new DeviceProfile("DEV-1", "Device", protocol, "10.0.0.9", 5025, command, 1000)
                .newDevice()).isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).messageKey())
                        .isEqualTo("error.device.pollCommandNotReading"));
    }

    @Test
    void aReadingCommandOfTheProtocolIsKept() {
        assertThat(new DeviceProfile("DMM-3", "DMM", "scpi", "10.0.0.9", 5025, "MEAS:RES?", 1000).newDevice()
                .pollCommand()).isEqualTo("MEAS:RES?");
        assertThat(new DeviceProfile("BAL-3", "Balance", "mt-sics", "10.0.0.9", 4001, "S", 500).newDevice()
                .pollCommand()).isEqualTo("S");
    }

    @Test
    void anIdentityWithControlCharactersIsRefusedForEitherReader() {
        assertThatThrownBy(() -> new DeviceProfile("BAL-7", "Balance", "mt-sics", "10.0.0.7", 4001, "SI", 500, null,
                null, null, null, null, "B02\u00001", "XPE205").newDevice())
                .isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).messageKey()).isEqualTo("error.device.identityText"));
    }

    @ParameterizedTest(name = "serial port {0} → refused")
    @ValueSource(strings = {"ttyUSB0", "COM0", "/dev/tty USB0", "C:\\COM3"})
    void aSerialPortThatIsNeitherAPathNorACOMNameIsRefused(String port) {
        assertThatThrownBy(() -> new DeviceProfile("BAL-6", "Balance", "mt-sics", null, 0, null, 500, "serial",
                new SerialLine(port, 9600, 8, "none", "1", null), null, null).newDevice())
                .satisfies(e -> assertThat(((RefusedException) e).messageKey()).isEqualTo("error.device.serialPort"));
    }

    @Test
    void pollingFasterThanEveryTenthOfASecondIsRefusedAndAStreamNeedsNoInterval() {
        assertThatThrownBy(() -> new DeviceProfile("BAL-5", "Balance", "mt-sics", "10.0.0.5", 4001, "SI", 50)
                .newDevice()).hasMessageContaining("50");
        BenchDevice streaming = new DeviceProfile("BAL-4", "Balance", "mt-sics", "10.0.0.4", 4001, null, 0, null,
                null, "stream", "SIR").newDevice();
        assertThat(streaming.streams()).isTrue();
        assertThat(streaming.startCommand()).isEqualTo("SIR");
    }
}
