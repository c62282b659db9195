package org.jiliang.instrument.transport;

import java.io.IOException;

/** A serial port could not be opened because someone else has it: another link in this JVM or another process. */
public class PortInUseException extends IOException {

    private static final long serialVersionUID = 1L;

    public PortInUseException(String message) {
        super(message);
    }
}
