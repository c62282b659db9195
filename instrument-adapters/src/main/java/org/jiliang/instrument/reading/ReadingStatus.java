package org.jiliang.instrument.reading;

/** What a device said about its indication, independent of the protocol it said it in. */
public enum ReadingStatus {
    /** A weight value the device declares stable. */
    STABLE,
    /** A weight value taken while the indication was still moving. */
    DYNAMIC,
    /** The load is above the device's range. */
    OVERLOAD,
    /** The indication is below the device's range, e.g. the pan is not in place. */
    UNDERLOAD,
    /**
     * The device answered with its not-a-number value instead of a reading (SCPI {@code 9.91E37}, {@code nan}):
     * it measured nothing it can express; no value.
     */
    NOT_A_NUMBER,
    /** The device understood the request but could not answer now (busy, or no stability in time). */
    NOT_EXECUTABLE,
    /** The device reported an error; the reading's reject reason says which. */
    DEVICE_ERROR,
    /** The frame could not be understood; the reading's reject reason says why. */
    MALFORMED,
    /**
     * The device's answer to an identity command (model, serial number, software version): no value,
     * no reason; {@link DeviceCodec#identityIn} reads it from the frame's bytes.
     */
    IDENTITY
}
