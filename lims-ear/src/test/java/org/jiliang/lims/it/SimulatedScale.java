package org.jiliang.lims.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The test's hands on the demo's simulated scale (its "SIM" extension commands over the
 * same loopback port the server polls), like a technician putting weights on the pan.
 */
final class SimulatedScale {

    static final int PORT = Integer.getInteger("lims.demo.balancePort", 4001);

    private SimulatedScale() {
    }

    static void load(String kilograms) {
        command("SIM LOAD " + kilograms + " kg");
    }

    static void bias(String kilograms) {
        command("SIM BIAS " + kilograms + " kg");
    }

    static void garbageOnce() {
        command("SIM GARBAGE");
    }

    private static void command(String text) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 2000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                reply.append((char) b);
            }
            if (!reply.toString().startsWith("SIM A")) {
                throw new IllegalStateException("Simulator refused '" + text + "': " + reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
