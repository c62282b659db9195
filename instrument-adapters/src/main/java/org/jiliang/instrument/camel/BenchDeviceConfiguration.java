package org.jiliang.instrument.camel;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.jiliang.instrument.codec.DeviceCodecs;
import org.jiliang.instrument.mtsics.MtSicsCodec;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.transport.FixedLengthFramer;
import org.jiliang.instrument.transport.FlowControl;
import org.jiliang.instrument.transport.Framer;
import org.jiliang.instrument.transport.LineFramer;
import org.jiliang.instrument.transport.SerialSettings;
import org.jiliang.instrument.transport.TcpLink;

/** Options of a {@code bench-device} endpoint; times are in milliseconds. */
@UriParams
public class BenchDeviceConfiguration implements Cloneable {

    static final String TCP = "tcp";
    static final String SERIAL = "serial";
    static final String POLL = "poll";
    static final String STREAM = "stream";
    static final String FRAMING_PROTOCOL = "protocol";
    static final String FRAMING_TERMINATOR = "terminator";
    static final String FRAMING_FIXED = "fixed";
    static final List<String> PROTOCOLS = DeviceCodecs.PROTOCOLS;

    @UriPath(description = "Identifier of the bench device, e.g. balance-1; every frame is recorded under it.")
    @Metadata(required = true)
    private String deviceId;

    @UriParam(defaultValue = TCP, enums = TCP + "," + SERIAL,
            description = "How the device is reached: tcp (an Ethernet instrument or a serial device server in raw-TCP"
                    + " mode) or serial (a local serial port through jSerialComm).")
    private String transport = TCP;

    @UriParam(description = "Host name or IP address of the device or of its serial device server (transport=tcp).")
    private String host;

    @UriParam(description = "TCP port of the device (transport=tcp).")
    private int port;

    @UriParam(label = "serial", description = "Path of the serial port (transport=serial), e.g. /dev/ttyUSB0,"
            + " /dev/pts/3 or a symlink such as /tmp/ttyA; ports are configured by path because ptys are not listed.")
    private String serialPort;

    @UriParam(label = "serial", defaultValue = "9600", description = "Baud rate (transport=serial).")
    private int baudRate = 9600;

    @UriParam(label = "serial", defaultValue = "8", description = "Data bits, 5 to 8 (transport=serial).")
    private int dataBits = 8;

    @UriParam(label = "serial", defaultValue = "none", enums = "none,odd,even,mark,space",
            description = "Parity (transport=serial).")
    private String parity = "none";

    @UriParam(label = "serial", defaultValue = "1", enums = "1,1.5,2", description = "Stop bits (transport=serial).")
    private String stopBits = "1";

    @UriParam(label = "serial", defaultValue = "none", enums = "none,rts-cts,xon-xoff",
            description = "Flow control (transport=serial).")
    private String flowControl = "none";

    @UriParam(defaultValue = MtSicsCodec.PROTOCOL_NAME, enums = "mt-sics,pace,sbi,scpi,vaisala",
            description = "Protocol the device speaks: mt-sics (Mettler Toledo balances), pace (Druck PACE pressure"
                    + " indicators and controllers, SCPI), sbi (Sartorius balances), scpi (multimeters and calibrators),"
                    + " vaisala (PTU300/HMT330 environment monitors).")
    private String protocol = MtSicsCodec.PROTOCOL_NAME;

    @UriParam(label = "consumer", defaultValue = POLL, enums = POLL + "," + STREAM,
            description = "poll: send pollCommand every pollInterval and read one answer; stream: read the frames the"
                    + " device sends on its own (after startCommand, if any).")
    private String mode = POLL;

    @UriParam(label = "consumer", description = "Command sent at each poll; must be answered by a reading. Default per"
            + " protocol: mt-sics SI, pace :SENS:PRES?, sbi P (ESC P), scpi READ?, vaisala SEND. With MT-SICS S the device waits for"
            + " stability, so readTimeout must exceed its stability timeout.")
    private String pollCommand;

    @UriParam(label = "consumer", description = "Command sent once after each (re)connection, e.g. CONF:RES for a"
            + " meter polled with READ?, or R to start a transmitter's continuous output in stream mode.")
    private String startCommand;

    @UriParam(label = "consumer", defaultValue = "500", description = "Time between the starts of two polls, in ms.")
    private long pollInterval = 500;

    @UriParam(defaultValue = "2000", description = "How long to wait for the answer to a command, in ms; in stream mode,"
            + " the longest silence before the link is taken for dead. Bounds how late a dead link is noticed.")
    private long readTimeout = 2000;

    @UriParam(defaultValue = "2000", description = "How long to wait for the TCP connection, in ms.")
    private long connectTimeout = 2000;

    @UriParam(label = "consumer,advanced", defaultValue = "200",
            description = "First wait before reconnecting after a failure, in ms; doubles up to maxReconnectDelay.")
    private long reconnectDelay = 200;

    @UriParam(label = "consumer,advanced", defaultValue = "5000", description = "Longest wait between reconnect attempts, in ms.")
    private long maxReconnectDelay = 5000;

    @UriParam(label = "advanced", defaultValue = "256",
            description = "Longest frame, terminator included; a longer line is delivered truncated and reported malformed.")
    private int maxFrameLength = TcpLink.DEFAULT_MAX_FRAME_LENGTH;

    @UriParam(label = "advanced", defaultValue = FRAMING_PROTOCOL, enums = "protocol,terminator,fixed",
            description = "How frames are cut from the byte stream: protocol (the protocol's rule; lines ending in LF"
                    + " for all protocols here), terminator (lines ending in the terminator byte) or fixed"
                    + " (frameLength bytes each).")
    private String framing = FRAMING_PROTOCOL;

    @UriParam(label = "advanced", defaultValue = "LF", enums = "LF,CR,CRLF",
            description = "The byte that ends a frame with framing=terminator; CRLF ends at the LF and keeps the CR.")
    private String terminator = "LF";

    @UriParam(label = "advanced", description = "Length of every frame with framing=fixed, terminator (if any) included.")
    private int frameLength;

    @UriParam(description = "Unit of values the device sends without one: SCPI readings (default: the SI unit of the"
            + " function selected by pollCommand/startCommand, e.g. V), SBI weight lines with a blank unit field"
            + " (default g) and PACE answers read without their command (kPa or mmHg; default: the unit a :UNIT:PRES"
            + " start command selects, else kPa; on a connection the unit is the one the PACE names when asked).")
    private String unit;

    @UriParam(label = "advanced", defaultValue = "not-stable", enums = "not-stable,malformed",
            description = "What an SBI weight line with a blank unit field means: not-stable (a DYNAMIC reading in"
                    + " the configured unit; the common reading, unverified in the manuals) or malformed.")
    private String sbiMissingUnit = "not-stable";

    public BenchDeviceConfiguration copy() {
        try {
            return (BenchDeviceConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Checks the options together and returns the codec of the protocol, so that a wrong URI fails
     * when the endpoint is created rather than at the first poll.
     *
     * @throws IllegalArgumentException naming the offending option
     */
    public DeviceCodec<?> validateAndCreateCodec() {
        String where = BenchDeviceConstants.SCHEME + ":" + deviceId;
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("The device id is missing: use " + BenchDeviceConstants.SCHEME
                    + ":<deviceId>?host=...&port=... or ?transport=serial&serialPort=...");
        }
        if (TCP.equals(transport)) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("Option host is required for " + where);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Option port must be between 1 and 65535 for " + where + ", was " + port);
            }
        } else if (SERIAL.equals(transport)) {
            if (serialPort == null || serialPort.isBlank()) {
                throw new IllegalArgumentException("Option serialPort is required with transport=serial for " + where);
            }
            try {
                serialSettings();
                flowControl();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Serial settings of " + where + ": " + e.getMessage());
            }
        } else {
            throw new IllegalArgumentException("Option transport must be tcp or serial for " + where + ", was '" + transport + "'");
        }
        if (!POLL.equals(mode) && !STREAM.equals(mode)) {
            throw new IllegalArgumentException("Option mode must be poll or stream for " + where + ", was '" + mode + "'");
        }
        requirePositive("pollInterval", pollInterval, where);
        requirePositive("readTimeout", readTimeout, where);
        requirePositive("connectTimeout", connectTimeout, where);
        requirePositive("reconnectDelay", reconnectDelay, where);
        if (maxReconnectDelay < reconnectDelay) {
            throw new IllegalArgumentException("Option maxReconnectDelay must not be less than reconnectDelay for " + where);
        }
        if (maxFrameLength < 2) {
            throw new IllegalArgumentException("Option maxFrameLength must be at least 2 for " + where);
        }
        if (FRAMING_FIXED.equals(framing) && frameLength < 1) {
            throw new IllegalArgumentException("Option frameLength must be positive with framing=fixed for " + where);
        }
        if (!List.of(FRAMING_PROTOCOL, FRAMING_TERMINATOR, FRAMING_FIXED).contains(framing)) {
            throw new IllegalArgumentException("Option framing must be protocol, terminator or fixed for " + where
                    + ", was '" + framing + "'");
        }
        terminatorByte(where);
        DeviceCodec<?> codec = createCodec(where);
        if (pollCommand == null || pollCommand.isBlank()) {
            pollCommand = codec.defaultPollCommand();
            if (pollCommand == null) {
                throw new IllegalArgumentException("Option pollCommand is required for " + where + ": protocol " + protocol
                        + " has no default poll command");
            }
        }
        if (POLL.equals(mode) && !codec.isReadingCommand(pollCommand)) {
            throw new IllegalArgumentException("Option pollCommand '" + pollCommand + "' of " + where
                    + " is not a command answered by one reading in protocol " + protocol
                    + " (mt-sics: S or SI; pace: :SENS:PRES?; sbi: P; scpi: READ?, FETC? or MEAS:...?; vaisala: SEND)");
        }
        if (startCommand != null && !startCommand.isBlank()) {
            try {
                codec.encodeCommand(startCommand);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Option startCommand of " + where + ": " + e.getMessage());
            }
        }
        return codec;
    }

    private DeviceCodec<?> createCodec(String where) {
        try {
            return DeviceCodecs.forProfile(protocol, unit, sbiMissingUnit, pollCommand, startCommand);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("Unknown protocol")) {
                throw new IllegalArgumentException("Unknown protocol '" + protocol + "' for " + where
                        + "; supported: " + String.join(", ", PROTOCOLS));
            }
            throw new IllegalArgumentException("Options of " + where + ": " + e.getMessage(), e);
        }
    }

    private static void requirePositive(String option, long value, String where) {
        if (value <= 0) {
            throw new IllegalArgumentException("Option " + option + " must be positive for " + where + ", was " + value);
        }
    }

    /** The framer for a new link, as the framing options say. */
    Framer createFramer(DeviceCodec<?> codec) {
        return switch (framing) {
            case FRAMING_FIXED -> new FixedLengthFramer(frameLength);
            case FRAMING_TERMINATOR -> new LineFramer(maxFrameLength, terminatorByte(deviceId));
            default -> codec.createFramer(maxFrameLength);
        };
    }

    private byte terminatorByte(String where) {
        return switch (terminator.toUpperCase(Locale.ROOT)) {
            case "LF", "CRLF" -> LineFramer.LF;
            case "CR" -> LineFramer.CR;
            default -> throw new IllegalArgumentException("Option terminator must be LF, CR or CRLF for " + where
                    + ", was '" + terminator + "'");
        };
    }

    SerialSettings serialSettings() {
        return new SerialSettings(baudRate, dataBits, SerialSettings.Parity.parse(parity), SerialSettings.StopBits.parse(stopBits));
    }

    FlowControl flowControl() {
        return FlowControl.parse(flowControl);
    }

    boolean isSerial() {
        return SERIAL.equals(transport);
    }

    boolean isStreaming() {
        return STREAM.equals(mode);
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport == null ? null : transport.toLowerCase(Locale.ROOT);
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getSerialPort() {
        return serialPort;
    }

    public void setSerialPort(String serialPort) {
        this.serialPort = serialPort;
    }

    public int getBaudRate() {
        return baudRate;
    }

    public void setBaudRate(int baudRate) {
        this.baudRate = baudRate;
    }

    public int getDataBits() {
        return dataBits;
    }

    public void setDataBits(int dataBits) {
        this.dataBits = dataBits;
    }

    public String getParity() {
        return parity;
    }

    public void setParity(String parity) {
        this.parity = parity;
    }

    public String getStopBits() {
        return stopBits;
    }

    public void setStopBits(String stopBits) {
        this.stopBits = stopBits;
    }

    public String getFlowControl() {
        return flowControl;
    }

    public void setFlowControl(String flowControl) {
        this.flowControl = flowControl;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode == null ? null : mode.toLowerCase(Locale.ROOT);
    }

    /** The poll command; once the endpoint exists, the protocol's default if none was given. */
    public String getPollCommand() {
        return pollCommand;
    }

    public void setPollCommand(String pollCommand) {
        this.pollCommand = pollCommand;
    }

    public String getStartCommand() {
        return startCommand;
    }

    public void setStartCommand(String startCommand) {
        this.startCommand = startCommand;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public int getMaxFrameLength() {
        return maxFrameLength;
    }

    public void setMaxFrameLength(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    public String getFraming() {
        return framing;
    }

    public void setFraming(String framing) {
        this.framing = framing == null ? null : framing.toLowerCase(Locale.ROOT);
    }

    public String getTerminator() {
        return terminator;
    }

    public void setTerminator(String terminator) {
        this.terminator = terminator;
    }

    public int getFrameLength() {
        return frameLength;
    }

    public void setFrameLength(int frameLength) {
        this.frameLength = frameLength;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getSbiMissingUnit() {
        return sbiMissingUnit;
    }

    public void setSbiMissingUnit(String sbiMissingUnit) {
        this.sbiMissingUnit = sbiMissingUnit;
    }

    Duration readTimeout() {
        return Duration.ofMillis(readTimeout);
    }

    Duration connectTimeout() {
        return Duration.ofMillis(connectTimeout);
    }

    /** Where the device is, for messages: {@code host:port} or {@code serial:/dev/ttyUSB0}. */
    String peer() {
        return isSerial() ? "serial:" + serialPort : host + ":" + port;
    }
}
