package org.jiliang.lims.bench;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jiliang.instrument.codec.DeviceCodecs;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;

/**
 * What an administrator says about a new bench device, whoever reads it: the server (device register) or a bench
 * agent on the bench's PC. One type with one validation and the same defaults for both (issue 10: the two
 * registrations had drifted apart — other defaults, other checks). {@code transport} is tcp (host and port) or
 * serial ({@code serialLine}); left out, it is serial when a serial line is given, else tcp. {@code mode} is poll
 * (pollCommand every pollIntervalMs; a blank poll command means the protocol's own, e.g. MT-SICS {@code SI}, SCPI
 * {@code READ?}) or stream (the device sends on its own after startCommand, if any).
 */
public record DeviceProfile(String code, String name, String protocol, String host, int port, String pollCommand,
        int pollIntervalMs, String transport, SerialLine serialLine, String mode, String startCommand,
        String expectedUnits, String serialNumber, String model) {

    /** A port as the reading computer names it: /dev/ttyUSB0, /dev/pts/3, or COM3 on a Windows bench PC. */
    private static final Pattern SERIAL_PORT = Pattern.compile("/[A-Za-z0-9._/-]{1,199}|COM[1-9][0-9]{0,2}");
    /** Printable ASCII without parentheses (they end up in a URI), at most bench_device's 32 characters. */
    private static final Pattern COMMAND = Pattern.compile("[ -~&&[^()]]{1,32}");
    private static final Pattern UNIT = Pattern.compile("[!-~&&[^,]]{1,8}");

    /** Without expected units or the instrument's identity: captures are allowed, the page warns that the identity is not registered. */
    public DeviceProfile(String code, String name, String protocol, String host, int port, String pollCommand,
            int pollIntervalMs, String transport, SerialLine serialLine, String mode, String startCommand) {
        this(code, name, protocol, host, port, pollCommand, pollIntervalMs, transport, serialLine, mode,
                startCommand, null, null, null);
    }

    /** A polled TCP device. */
    public DeviceProfile(String code, String name, String protocol, String host, int port, String pollCommand,
            int pollIntervalMs) {
        this(code, name, protocol, host, port, pollCommand, pollIntervalMs, null, null, null, null);
    }

    /**
     * The device this profile describes, every value checked; refused with the reason an administrator
     * understands. Whether the code is still free is the caller's to check (it needs the register).
     */
    public BenchDevice newDevice() {
        if (code == null || !BenchService.CODE.matcher(code).matches()) {
            throw new RefusedException("error.device.code", code);
        }
        if (!BenchService.PROTOCOLS.contains(protocol)) {
            throw new RefusedException("error.device.protocol", protocol, String.join(", ", BenchService.PROTOCOLS));
        }
        InputLimits.maxLength(name, BenchService.MAX_NAME, "field.name");
        InputLimits.maxLength(host, BenchService.MAX_HOST, "field.host");
        InputLimits.maxLength(serialNumber, BenchService.MAX_SERIAL_NUMBER, "field.serialNumber");
        InputLimits.maxLength(model, BenchService.MAX_MODEL, "field.model");
        requirePrintable(serialNumber);
        requirePrintable(model);
        String chosenTransport = blank(transport) ? (serialLine != null ? BenchDevice.SERIAL : BenchDevice.TCP)
                : transport.strip();
        if (BenchDevice.SERIAL.equals(chosenTransport)) {
            checkSerialLine(serialLine);
        } else if (BenchDevice.TCP.equals(chosenTransport)) {
            if (port < 1 || port > 65535 || blank(host)) {
                throw new RefusedException("error.device.address", host, port);
            }
        } else {
            throw new RefusedException("error.device.transport", chosenTransport);
        }
        String chosenMode = blank(mode) ? BenchDevice.POLL : mode.strip();
        if (!BenchService.MODES.contains(chosenMode)) {
            throw new RefusedException("error.device.mode", chosenMode);
        }
        if (BenchDevice.POLL.equals(chosenMode) && pollIntervalMs < 100) {
            throw new RefusedException("error.device.pollInterval", pollIntervalMs);
        }
        String start = blank(startCommand) ? null : startCommand.strip();
        if (start != null && !COMMAND.matcher(start).matches()) {
            throw new RefusedException("error.device.command", start);
        }
        String poll = blank(pollCommand) ? "" : pollCommand.strip();
        if (!poll.isEmpty() && !COMMAND.matcher(poll).matches()) {
            throw new RefusedException("error.device.command", poll);
        }
        checkCommandsOfProtocol(chosenMode, poll, start);
        String shownName = blank(name) ? code : name.strip();
        int interval = Math.max(pollIntervalMs, 100); // unused when streaming
        BenchDevice device = BenchDevice.SERIAL.equals(chosenTransport)
                ? BenchDevice.onSerialPort(code, shownName, protocol, normalised(serialLine), poll, interval)
                : new BenchDevice(code, shownName, protocol, host.strip(), port, poll, interval, false);
        if (BenchDevice.STREAM.equals(chosenMode)) {
            device.streamAfter(start);
        }
        if (!blank(expectedUnits)) {
            InputLimits.maxLength(expectedUnits, BenchService.MAX_EXPECTED_UNITS, "field.expectedUnits");
            if (ExpectedUnits.parse(expectedUnits).stream().anyMatch(u -> !UNIT.matcher(u).matches())) {
                throw new RefusedException("error.device.expectedUnits", expectedUnits);
            }
            device.expectUnits(String.join(",", ExpectedUnits.parse(expectedUnits)));
        }
        device.identify(model, serialNumber);
        return device;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void requirePrintable(String value) {
        if (value != null && !value.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
            throw new RefusedException("error.device.identityText", value.strip());
        }
    }

    private static void checkSerialLine(SerialLine line) {
        if (line == null || line.port() == null || !SERIAL_PORT.matcher(line.port().strip()).matches()) {
            throw new RefusedException("error.device.serialPort", line == null ? null : line.port());
        }
        if (line.baudRate() < 50 || line.baudRate() > 4_000_000) {
            throw new RefusedException("error.device.baudRate", String.valueOf(line.baudRate()));
        }
        if (line.dataBits() < 5 || line.dataBits() > 8) {
            throw new RefusedException("error.device.dataBits", line.dataBits());
        }
        if (line.parity() == null || !BenchService.PARITIES.contains(line.parity().strip().toLowerCase(Locale.ROOT))) {
            throw new RefusedException("error.device.parity", line.parity());
        }
        if (line.stopBits() == null || !BenchService.STOP_BITS.contains(line.stopBits().strip())) {
            throw new RefusedException("error.device.stopBits", line.stopBits());
        }
        if (!blank(line.flowControl())
                && !BenchService.FLOW_CONTROLS.contains(line.flowControl().strip().toLowerCase(Locale.ROOT))) {
            throw new RefusedException("error.device.flowControl", line.flowControl());
        }
    }

    private static SerialLine normalised(SerialLine line) {
        String flow = blank(line.flowControl()) ? "none" : line.flowControl().strip().toLowerCase(Locale.ROOT);
        return new SerialLine(line.port().strip(), line.baudRate(), line.dataBits(),
                line.parity().strip().toLowerCase(Locale.ROOT), line.stopBits().strip(), flow);
    }

    /**
     * The commands must mean something in the device's protocol, or its route cannot start: a polled device's
     * poll command (or the protocol's own, when left blank) must be answered by one reading, and a start command
     * must be one the protocol can send.
     */
    private void checkCommandsOfProtocol(String chosenMode, String poll, String start) {
        DeviceCodec<?> codec;
        try {
            codec = DeviceCodecs.forProfile(protocol, null, null, poll, start);
        } catch (IllegalArgumentException e) {
            throw new RefusedException("error.device.commandsOfProtocol", protocol, e.getMessage());
        }
        String effectivePoll = poll.isEmpty() ? codec.defaultPollCommand() : poll;
        if (BenchDevice.POLL.equals(chosenMode) && (effectivePoll == null || !codec.isReadingCommand(effectivePoll))) {
            throw new RefusedException("error.device.pollCommandNotReading", poll, protocol);
        }
        if (start != null) {
            try {
                codec.encodeCommand(start);
            } catch (IllegalArgumentException e) {
                throw new RefusedException("error.device.startCommandRefused", start, protocol, e.getMessage());
            }
        }
    }
}
