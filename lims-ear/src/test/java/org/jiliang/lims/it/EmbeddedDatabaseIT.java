package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded H2 database serves other processes on this machine (AUTO_SERVER, so an SQL client can
 * open the file beside the server) on the loopback interface only: nothing on the network reaches it.
 * Checked as an administrator would with {@code ss -ltn}: the listening sockets of the port that H2
 * wrote into its lock file. Not applicable when the server runs on PostgreSQL (LIMS_DB_URL set).
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class EmbeddedDatabaseIT {

    private static final String LISTEN = "0A";

    @Test
    void embeddedDatabaseListensOnLoopbackOnly() throws Exception {
        String url = System.getenv("LIMS_DB_URL");
        assumeTrue(url == null || url.isBlank(), "the server under test uses " + url);
        try (var c = ServerDatabase.connect(); var s = c.createStatement()) {
            s.executeQuery("SELECT 1").close(); // opened through the server's AUTO_SERVER port
        }

        Path lock = Path.of(System.getProperty("it.dataDir", "target/it-data"), "lims-db.lock.db");
        Properties written = new Properties();
        try (Reader in = Files.newBufferedReader(lock)) {
            written.load(in);
        }
        String server = written.getProperty("server");
        assertThat(server).as("AUTO_SERVER address in " + lock).isNotNull();
        int colon = server.lastIndexOf(':');
        int port = Integer.parseInt(server.substring(colon + 1)); // H2 writes "localhost:<port>" either way

        List<InetAddress> listening = listeningAddresses(port);
        assertThat(listening).as("sockets listening on port " + port).isNotEmpty()
                .allMatch(InetAddress::isLoopbackAddress);
    }

    /** The local addresses of the sockets listening on a TCP port, from the kernel's tables (as {@code ss -ltn}). */
    private static List<InetAddress> listeningAddresses(int port) throws IOException {
        List<InetAddress> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    found.add(address(local[0]));
                }
            }
        }
        return found;
    }

    /** The tables print an address as 32-bit words in the host's (little-endian) byte order. */
    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = (byte) Integer.parseInt(hex.substring(2 * (word + 3 - i), 2 * (word + 3 - i) + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes); // an IPv4-mapped IPv6 address comes back as IPv4
    }
}
