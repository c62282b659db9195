package org.jiliang.lims.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports on the loopback interface for a listener that another process (a second WildFly, its simulated devices,
 * PostgreSQL, GreenMail) binds a while later, or binds again after a restart.
 *
 * <p>A port from {@code bind(0)} is one of the kernel's ephemeral ports: the same range it gives every outgoing
 * connection its local port from. Between choosing it and the server binding it (twenty seconds of boot) any
 * connection made on the machine — a JDBC connection, the tests' HTTP client — may be given that port, and the
 * server fails with "Address already in use" (stop 28's CI, a demo simulator's port). Ports below the ephemeral
 * range are never handed to outgoing connections: only a listener could take one, and this class hands each out
 * once per test run.
 */
final class LoopbackPorts {

    /** Below Linux's default ephemeral range (32768–60999) and above the well-known services. */
    private static final int LOWEST = 20000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private LoopbackPorts() {
    }

    /** A port nobody listens on now, outside the ephemeral range, not handed out before in this run. */
    static synchronized int free() throws IOException {
        int highest = ephemeralRangeStart() - 1;
        int span = highest - LOWEST + 1;
        if (span < 100) {
            throw new IOException("The ephemeral port range starts at " + (highest + 1)
                    + ": no room below it for the tests' listeners");
        }
        int start = ThreadLocalRandom.current().nextInt(span); // two concurrent runs rarely start at the same place
        for (int i = 0; i < span; i++) {
            int port = LOWEST + (start + i) % span;
            if (!HANDED_OUT.contains(port) && isFree(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IOException("No free loopback port between " + LOWEST + " and " + highest);
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            // readString would trust the size /proc reports and read one byte; lines are read to the end
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768; // not Linux, or not readable: the usual start
        }
    }
}
