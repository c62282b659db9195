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
    /** The demo's simulated mass comparator (d = 0.1 mg), reading in g. */
    static final int COMPARATOR_PORT = Integer.getInteger("lims.demo.comparatorPort", 4002);

    private SimulatedScale() {
    }

    static void load(String kilograms) {
        command("SIM LOAD " + kilograms + " kg");
    }

    /** Puts a load on the pan that goes on moving for the given time (the simulator's {@code SIM LOAD … <ms>}). */
    static void loadMoving(String kilograms, java.time.Duration moving) {
        command("SIM LOAD " + kilograms + " kg " + moving.toMillis());
    }

    /** The same on the simulated scale of another server (a demo server a test started itself). */
    static void load(int port, String kilograms) {
        command(port, "SIM LOAD " + kilograms + " kg");
    }

    /** Puts a weight (grams) on the comparator's pan. */
    static void loadComparator(String grams) {
        command(COMPARATOR_PORT, "SIM LOAD " + grams + " g");
    }

    static void bias(String kilograms) {
        command("SIM BIAS " + kilograms + " kg");
    }

    static void garbageOnce() {
        command("SIM GARBAGE");
    }

    private static void command(String text) {
        command(PORT, text);
    }

    private static void command(int port, String text) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
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
