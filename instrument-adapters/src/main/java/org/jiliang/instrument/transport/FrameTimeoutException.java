package org.jiliang.instrument.transport;

import java.io.IOException;
import java.time.Duration;

/** No complete frame arrived in time. Bytes of a partial frame stay buffered in the link. */
public class FrameTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public FrameTimeoutException(String peer, Duration timeout) {
        super("no complete frame from " + peer + " within " + timeout.toMillis() + " ms");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
