package org.jiliang.lims.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server's side of the connections to its HTTP port and its open file descriptors, as Linux shows
 * them in {@code /proc} (the server runs on this machine): what leaked event streams would make grow.
 * {@code halfOpen} are connections the client closed and the server did not (TCP state CLOSE_WAIT).
 */
record ServerConnections(int open, int halfOpen, long fileDescriptors) {

    private static final int PORT = URI.create(LimsApi.BASE_URL).getPort();
    private static final String LISTEN = "0A";
    private static final String ESTABLISHED = "01";
    private static final String CLOSE_WAIT = "08";

    static ServerConnections now() {
        List<String[]> sockets = sockets();
        int open = 0;
        int halfOpen = 0;
        for (String[] socket : sockets) {
            if (localPort(socket) == PORT) {
                open += socket[3].equals(ESTABLISHED) || socket[3].equals(CLOSE_WAIT) ? 1 : 0;
                halfOpen += socket[3].equals(CLOSE_WAIT) ? 1 : 0;
            }
        }
        return new ServerConnections(open, halfOpen, fileDescriptors(serverProcess(sockets)));
    }

    /** Whether the server still holds the connection from this client port (established, or closed by the client only). */
    static boolean holdsConnectionFrom(int clientPort) {
        return sockets().stream().anyMatch(s -> localPort(s) == PORT && remotePort(s) == clientPort
                && (s[3].equals(ESTABLISHED) || s[3].equals(CLOSE_WAIT)));
    }

    private static List<String[]> sockets() {
        return Stream.of("/proc/net/tcp", "/proc/net/tcp6").map(Path::of).filter(Files::exists)
                .flatMap(ServerConnections::lines)
                .map(line -> line.strip().split("\\s+"))
                .filter(fields -> fields.length > 9 && fields[0].endsWith(":"))
                .toList();
    }

    private static int localPort(String[] socket) {
        return port(socket[1]);
    }

    private static int remotePort(String[] socket) {
        return port(socket[2]);
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }

    /** The process whose socket listens on the port: the server, wherever it was started from. */
    private static long serverProcess(List<String[]> sockets) {
        String inode = sockets.stream().filter(s -> localPort(s) == PORT && s[3].equals(LISTEN)).map(s -> s[9])
                .findFirst().orElseThrow(() -> new AssertionError("nothing listens on port " + PORT));
        String target = "socket:[" + inode + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> holds(p, target)).map(p -> Long.parseLong(p.getFileName().toString())).findFirst()
                    .orElseThrow(() -> new AssertionError("no process holds the socket listening on " + PORT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holds(Path process, String target) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.map(ServerConnections::linkTarget).anyMatch(l -> l.filter(target::equals).isPresent());
        } catch (IOException | UncheckedIOException e) {
            return false; // gone meanwhile, or not ours to read
        }
    }

    private static Optional<String> linkTarget(Path fd) {
        try {
            return Optional.of(Files.readSymbolicLink(fd).toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long fileDescriptors(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().skip(1); // a header line
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
