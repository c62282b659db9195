package org.jiliang.instrument.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jiliang.instrument.transport.Framer;
import org.jiliang.instrument.transport.LineFramer;
import org.jiliang.instrument.transport.Link;
import org.jiliang.instrument.transport.TcpLink;

/** A test client's side of a simulator: send bytes, read what comes back as text. */
final class Wire {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private Wire() {
    }

    static TcpLink connect(SimulatedDevice device) throws IOException {
        return connect(device, new LineFramer(1024));
    }

    static TcpLink connect(SimulatedDevice device, Framer framer) throws IOException {
        return TcpLink.connect("127.0.0.1", device.port(), Duration.ofSeconds(2), framer);
    }

    static String ask(Link link, String command) throws IOException {
        return ask(link, ascii(command));
    }

    static String ask(Link link, byte[] command) throws IOException {
        link.send(command);
        return text(link.readFrame(READ_TIMEOUT));
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] esc(String code) {
        return ascii("\u001B" + code);
    }
}
