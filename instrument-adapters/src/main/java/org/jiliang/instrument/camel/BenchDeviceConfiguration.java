package org.jiliang.instrument.camel;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.jiliang.instrument.mtsics.MtSicsCodec;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.transport.TcpLink;

/** Options of a {@code bench-device} endpoint; times are in milliseconds. */
@UriParams
public class BenchDeviceConfiguration implements Cloneable {

    @UriPath(description = "Identifier of the bench device, e.g. balance-1; every frame is recorded under it.")
    @Metadata(required = true)
    private String deviceId;

    @UriParam(description = "Host name or IP address of the device or of its serial device server.")
    @Metadata(required = true)
    private String host;

    @UriParam(description = "TCP port of the device.")
    @Metadata(required = true)
    private int port;

    @UriParam(defaultValue = MtSicsCodec.PROTOCOL_NAME, enums = MtSicsCodec.PROTOCOL_NAME,
            description = "Protocol the device speaks.")
    private String protocol = MtSicsCodec.PROTOCOL_NAME;

    @UriParam(label = "consumer", defaultValue = "SI",
            description = "Command sent at each poll; must be answered by a reading (MT-SICS: S or SI). With S the"
                    + " device waits for stability, so readTimeout must exceed its stability timeout.")
    private String pollCommand = "SI";

    @UriParam(label = "consumer", defaultValue = "500", description = "Time between the starts of two polls, in ms.")
    private long pollInterval = 500;

    @UriParam(defaultValue = "2000", description = "How long to wait for the answer to a command, in ms.")
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
                    + ":<deviceId>?host=...&port=...");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Option host is required for " + where);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Option port must be between 1 and 65535 for " + where + ", was " + port);
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
        DeviceCodec<?> codec = createCodec(where);
        if (!codec.isReadingCommand(pollCommand)) {
            throw new IllegalArgumentException("Option pollCommand '" + pollCommand + "' of " + where
                    + " is not a command answered by one reading in protocol " + protocol + " (MT-SICS: S or SI)");
        }
        return codec;
    }

    private DeviceCodec<?> createCodec(String where) {
        if (MtSicsCodec.PROTOCOL_NAME.equals(protocol)) {
            return new MtSicsCodec();
        }
        throw new IllegalArgumentException("Unknown protocol '" + protocol + "' for " + where
                + "; supported: " + MtSicsCodec.PROTOCOL_NAME);
    }

    private static void requirePositive(String option, long value, String where) {
        if (value <= 0) {
            throw new IllegalArgumentException("Option " + option + " must be positive for " + where + ", was " + value);
        }
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
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

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getPollCommand() {
        return pollCommand;
    }

    public void setPollCommand(String pollCommand) {
        this.pollCommand = pollCommand;
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

    Duration readTimeout() {
        return Duration.ofMillis(readTimeout);
    }

    Duration connectTimeout() {
        return Duration.ofMillis(connectTimeout);
    }

    String peer() {
        return host + ":" + port;
    }
}
