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
    /**
     * The device reported an error; the reading's reject reason says which. It may carry the value the
     * device sent with the error (a SCPI meter answers {@code MEAS:VOLT:DC? 1,2,3} and queues −108): such a
     * value is kept for the record and never usable.
     */
    DEVICE_ERROR,
    /**
     * An answer that is no reading and no identity: a setting the device was asked for (SCPI {@code FUNC?}),
     * or its empty error queue ({@code 0,"No error"}); no value, no reason, the bytes say it.
     */
    DEVICE_ANSWER,
    /** The frame could not be understood; the reading's reject reason says why. */
    MALFORMED,
    /**
     * The device's answer to an identity command (model, serial number, software version): no value,
     * no reason; {@link DeviceCodec#identityIn} reads it from the frame's bytes.
     */
    IDENTITY
}
