package org.jiliang.instrument.transport;

import java.io.IOException;

/**
 * Run in a second JVM by {@link SerialLinkTest}: opens a serial port, prints {@code OPEN}, and holds the
 * port until its standard input closes, so a test can show that another process cannot open it.
 */
public final class SerialPortHolder {

    private SerialPortHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (SerialLink link = SerialLink.open(args[0], SerialSettings.DEFAULT, new LineFramer(64))) {
            System.out.println("OPEN " + link.devicePath());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the port until the parent closes our input.
            }
        }
    }
}
