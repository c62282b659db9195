package org.jiliang.lims.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own: {@code initdb} in a new temporary directory, the server on a
 * free loopback port (trust authentication, loopback only), stopped and started again at will (for
 * fault tests), removed by {@link #close}. It never touches the machine's own clusters.
 *
 * <p>Uses the newest {@code /usr/lib/postgresql/<version>/bin} (Debian's layout; {@code PG_BIN} names
 * another directory). PostgreSQL refuses to run as root, so when the test runs as root (CI does, see
 * {@code .ci/run}) every command runs as the {@code postgres} user through {@code runuser}, and the
 * directory is handed to that user. {@link #binaries()} is empty where PostgreSQL is not installed:
 * tests then skip with a message rather than fail.
 *
 * <pre>{@code
 * try (PostgresCluster pg = PostgresCluster.create()) {
 *     pg.start();
 *     pg.createDatabase("lims", "lims", "lims");
 *     ... pg.jdbcUrl("lims") ...
 *     pg.stop();   // a database outage
 *     pg.start();
 * }
 * }</pre>
 */
public final class PostgresCluster implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private final Path bin;
    private final Path dir;
    private final StringBuilder settings = new StringBuilder();
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The directory of initdb and pg_ctl: {@code PG_BIN}, else the newest {@code /usr/lib/postgresql/<v>/bin}. */
    public static Optional<Path> binaries() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(PostgresCluster::hasTools);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(PostgresCluster::hasTools)
                    .max(Comparator.comparing(p -> versionOf(p.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A new cluster (initdb, not started) on a free loopback port. */
    public static PostgresCluster create() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; set PG_BIN)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("lims-pg-");
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        PostgresCluster cluster = new PostgresCluster(bin, dir, LoopbackPorts.free(), root);
        cluster.run(bin.resolve("initdb").toString(), "-D", cluster.dataDirectory().toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        return cluster;
    }

    /** Starts the server and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", dataDirectory().toString(), "-l", log().toString(), "-w", "-t",
                "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1" + settings, "start");
    }

    /** A server setting for the starts that follow ({@code -c name=value}, e.g. a library to preload). */
    public PostgresCluster setting(String name, String value) {
        settings.append(" -c ").append(name).append('=').append(value);
        return this;
    }

    /** Stops the server (fast: open sessions are ended, as when the database machine goes down in order). */
    public void stop() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", dataDirectory().toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** Creates a login role and a database it owns. */
    public void createDatabase(String database, String owner, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create user " + owner + " password '" + password.replace("'", "''") + "'");
            s.execute("create database " + database + " owner " + owner + " encoding 'UTF8'");
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The server's log file (pg_ctl -l). */
    public Path log() {
        return dir.resolve("postgres.log");
    }

    /** The postmaster's process id while the cluster runs (the first line of {@code postmaster.pid}). */
    public OptionalLong pid() {
        try {
            return OptionalLong.of(Long.parseLong(Files.readAllLines(dataDirectory().resolve("postmaster.pid"),
                    StandardCharsets.US_ASCII).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private Path dataDirectory() {
        return dir.resolve("data");
    }

    /** Stops the server if it runs (immediately: nothing is kept) and removes the cluster's directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(dataDirectory().resolve("postmaster.pid"))) {
            try {
                run(bin.resolve("pg_ctl").toString(), "-D", dataDirectory().toString(), "-m", "immediate", "-w", "stop");
            } catch (IOException e) {
                // already down
            }
        }
        deleteTree(dir);
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Path output = Files.createTempFile("lims-pg-command-", ".out");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException(String.join(" ", full) + " did not end within " + COMMAND_TIMEOUT);
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed (" + p.exitValue() + "):\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
