package org.jiliang.instrument.camel;

import org.apache.camel.spi.Metadata;

/** Names of the message headers the {@code bench-device} component sets. */
public final class BenchDeviceConstants {

    public static final String SCHEME = "bench-device";

    @Metadata(description = "Identifier of the bench device, the endpoint URI path.", javaType = "String")
    public static final String DEVICE_ID = "CamelBenchDeviceId";

    @Metadata(label = "consumer", description = "Per-device sequence number of the frame: 1, 2, 3 ... without gaps for one"
            + " consumer instance (see the session header).", javaType = "long")
    public static final String SEQUENCE = "CamelBenchDeviceSequence";

    @Metadata(label = "consumer", description = "Name of the reading's ReadingStatus, e.g. STABLE or MALFORMED.", javaType = "String")
    public static final String STATUS = "CamelBenchDeviceStatus";

    @Metadata(label = "consumer", description = "Random identifier of the consumer instance; together with the device id and"
            + " the sequence number it identifies a frame even after a restart numbered from 1 again.", javaType = "String")
    public static final String SESSION = "CamelBenchDeviceSession";

    @Metadata(label = "consumer", description = "What the frame answers (the command, the setting it was read with, the"
            + " errors its command queued, whether it came late), for a frame of a conversation; absent for a frame nobody"
            + " asked for. With the frame's bytes it is everything its reading depends on (DeviceCodec.interpretAnswer).",
            javaType = "org.jiliang.instrument.reading.Answered")
    public static final String ANSWERED = "CamelBenchDeviceAnswered";

    @Metadata(label = "producer", description = "The raw reply frame, byte for byte, sequence number 0.",
            javaType = "org.jiliang.instrument.frame.RawFrame")
    public static final String RAW_FRAME = "CamelBenchDeviceRawFrame";

    @Metadata(label = "producer", description = "The entries the device's error queue held after the command, as the device"
            + " wrote them (e.g. -113,\"Undefined header\"); empty when it said no error or the protocol has no error queue.",
            javaType = "java.util.List<String>")
    public static final String DEVICE_ERRORS = "CamelBenchDeviceErrors";

    @Metadata(label = "producer", description = "Every other frame the command brought (error-queue answers, bytes left after a"
            + " timeout, a late answer), each read, in the order they came, when no consumer of this JVM owns the device"
            + " (a consumer emits them as frames of its own).", javaType = "java.util.List<org.jiliang.instrument.reading.DeviceReading>")
    public static final String OTHER_FRAMES = "CamelBenchDeviceOtherFrames";

    private BenchDeviceConstants() {
    }
}
