package org.jiliang.lims.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly of a test's own, beside the one the other integration tests use: a copy of the provisioned
 * server ({@code lims-ear/target/server}, the EAR already deployed in it by the build) with its ports
 * moved by an offset, started with {@code bin/standalone.sh}, and stopped, or killed with SIGKILL (for
 * fault tests), and started again, as often as the test likes.
 *
 * <p>{@link #start()} returns once the server says it started ({@code WFLYSRV0025}) with the deployment
 * deployed ({@code WFLYSRV0010}), and fails at once if it started with errors ({@code WFLYSRV0026}), if
 * the process ended, or when the deadline passes; each start's console goes to its own file
 * ({@link #consoleLog()}). The database and other settings come from the environment and system
 * properties the builder is given; nothing is inherited from the server of the other tests except
 * the JDK.
 *
 * <pre>{@code
 * try (WildFlyProcess server = WildFlyProcess.copyOf(Path.of("target/server"), work.resolve("wildfly"))
 *         .portOffset(WildFlyProcess.freePortOffset())
 *         .systemProperty("jiliang.demo", "true")
 *         .environment("LIMS_DB_URL", pg.jdbcUrl("lims"))
 *         .build()) {
 *     server.start();
 *     ... server.baseUrl() + "/lims/api/v1/..." ...
 *     server.kill();
 *     server.start();
 * }
 * }</pre>
 */
public final class WildFlyProcess implements AutoCloseable {

    /** The server's socket bindings that an offset moves, at their standard ports. */
    private static final int[] STANDARD_PORTS = {8080, 8443, 9990, 9993};

    private final Path home;
    private final int portOffset;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final String deployment;
    private final Duration startTimeout;
    private Process script;
    private ProcessHandle server;
    private Path consoleLog;
    private int starts;

    private WildFlyProcess(Builder b) {
        this.home = b.home;
        this.portOffset = b.portOffset;
        this.systemProperties = new LinkedHashMap<>(b.systemProperties);
        this.environment = Map.copyOf(b.environment);
        this.deployment = b.deployment;
        this.startTimeout = b.startTimeout;
    }

    /**
     * Copies the provisioned server (configuration, modules, the deployed EAR) into {@code into}, which
     * must not exist yet, so that what this server writes (logs, data, deployment markers) stays there.
     */
    public static Builder copyOf(Path provisionedServer, Path into) throws IOException {
        if (!Files.isExecutable(provisionedServer.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("No provisioned WildFly in " + provisionedServer.toAbsolutePath()
                    + " (mvn package in lims-ear builds it)");
        }
        copyTree(provisionedServer, into);
        return new Builder(into);
    }

    /** An offset (a multiple of 100 from 200 on) at which the server's HTTP, HTTPS and management ports are free. */
    public static int freePortOffset() throws IOException {
        for (int offset = 200; offset < 3000; offset += 100) {
            boolean free = true;
            for (int port : STANDARD_PORTS) {
                free &= LoopbackPorts.isFree(port + offset);
            }
            if (free) {
                return offset;
            }
        }
        throw new IOException("No free port offset for a second WildFly");
    }

    /** Starts the server and waits until it is up with the deployment deployed; see the class comment. */
    public void start() throws IOException, InterruptedException {
        if (running()) {
            throw new IllegalStateException("WildFly in " + home + " is already running");
        }
        starts++;
        consoleLog = home.resolve("console-" + starts + ".log");
        Path pidFile = home.resolve("wildfly.pid");
        Files.deleteIfExists(pidFile);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + portOffset));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LIMS_") || k.startsWith("JBOSS_") || k.equals("JAVA_OPTS")
                || k.equals("JDK_JAVA_OPTIONS"));
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1"); // the script forwards SIGTERM and writes the pid file
        env.put("JBOSS_PIDFILE", pidFile.toString());
        env.putAll(environment);
        script = pb.start();
        Instant deadline = Instant.now().plus(startTimeout);
        while (true) {
            String console = Files.readString(consoleLog, StandardCharsets.UTF_8);
            if (server == null && Files.exists(pidFile)) {
                String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
                if (!pid.isEmpty()) {
                    server = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
                }
            }
            if (console.contains("WFLYSRV0026")) {
                throw new IllegalStateException("WildFly in " + home + " started with errors:\n" + tail(console));
            }
            if (console.contains("WFLYSRV0025") && console.contains("WFLYSRV0010: Deployed \"" + deployment + "\"")) {
                return;
            }
            if (!script.isAlive()) {
                throw new IllegalStateException("WildFly in " + home + " ended while starting:\n" + tail(console));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("WildFly in " + home + " did not start within " + startTimeout + ":\n"
                        + tail(console));
            }
            Thread.sleep(200);
        }
    }

    /** The {@code -Dname=value} the server is started with (e.g. a demo device's port), or null. */
    public String property(String name) {
        return systemProperties.get(name);
    }

    /** Changes a {@code -Dname=value} for the next start (e.g. the demo clock of a time-travel test). */
    public void systemProperty(String name, String value) {
        if (running()) {
            throw new IllegalStateException("WildFly in " + home + " is running: stop it before changing " + name);
        }
        systemProperties.put(name, value);
    }

    /** Kills the server's JVM with SIGKILL, as a crash or a power cut would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        ProcessHandle jvm = server;
        if (jvm != null) {
            jvm.destroyForcibly();
            jvm.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        if (script != null) {
            script.destroyForcibly();
            script.waitFor(30, TimeUnit.SECONDS);
        }
        server = null;
        script = null;
    }

    /** Stops the server in order (SIGTERM); kills it if it is not gone within a minute. */
    public void stop() throws InterruptedException {
        if (script == null) {
            return;
        }
        script.destroy(); // SIGTERM, which the script hands to the JVM
        ProcessHandle jvm = server;
        boolean ended = script.waitFor(60, TimeUnit.SECONDS);
        if (jvm != null && jvm.isAlive()) {
            jvm.onExit().completeOnTimeout(jvm, 60, TimeUnit.SECONDS).join();
        }
        if (!ended || (jvm != null && jvm.isAlive())) {
            kill();
        }
        server = null;
        script = null;
    }

    public boolean running() {
        return script != null && script.isAlive();
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    public int managementPort() {
        return 9990 + portOffset;
    }

    /** {@code http://localhost:<port>}, without the application's context root. */
    public String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    /** The process id of the server's JVM while it runs. */
    public Optional<Long> pid() {
        return Optional.ofNullable(server).map(ProcessHandle::pid);
    }

    /** The console output of the latest start. */
    public Path consoleLog() {
        return consoleLog;
    }

    /** How often the server was started. */
    public int starts() {
        return starts;
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static String tail(String console) {
        String[] lines = console.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** How the server is started: port offset, system properties, environment (the database), deadline. */
    public static final class Builder {
        private final Path home;
        private int portOffset;
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String deployment = "lims.ear";
        private Duration startTimeout = Duration.ofMinutes(3);

        private Builder(Path home) {
            this.home = home;
        }

        /** {@code -Djboss.socket.binding.port-offset}: HTTP on 8080 + offset, management on 9990 + offset. */
        public Builder portOffset(int offset) {
            this.portOffset = offset;
            return this;
        }

        /** A {@code -Dname=value} for the server, e.g. {@code jiliang.demo=true}. */
        public Builder systemProperty(String name, String value) {
            systemProperties.put(name, value);
            return this;
        }

        /**
         * The demonstration set-up ({@code jiliang.demo=true}: the demo accounts and register) with its simulated
         * bench devices on free ports of their own, so that it runs beside the test server (their pans settling as fast
         * as the test server's do), and its files in {@code dataDir}. Without the demo's bench history
         * ({@code jiliang.demo.history}): the test's own work is all that happens at its benches and in its figures,
         * unless the test asks for the history.
         */
        public Builder demo(Path dataDir) throws IOException {
            systemProperty("jiliang.demo", "true");
            systemProperty("jiliang.demo.history", "false");
            // it.settle.time in lims-ear/pom.xml, as on the shared server; outside failsafe (an IDE, a benchmark's
            // java -cp) the demo's own 0.8 s
            String settleTime = System.getProperty("it.settleTime");
            if (settleTime != null) {
                systemProperty("jiliang.demo.settle-time", settleTime);
            }
            for (String device : new String[] {"balance", "comparator", "multimeter", "pressure", "calibrator", "tsa"}) {
                systemProperty("jiliang.demo." + device + "-port", Integer.toString(LoopbackPorts.free()));
            }
            return systemProperty("jiliang.data.dir", dataDir.toString());
        }

        /** An environment variable of the server, e.g. {@code LIMS_DB_URL}. */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * The server's database: {@code name} on a PostgreSQL cluster of the tests, owned by the user of the same name
         * with that name as password (as {@code cluster.createDatabase(name, name, name)} made it).
         */
        public Builder postgresql(PostgresCluster cluster, String name) {
            return environment("LIMS_DB_DRIVER", "postgresql").environment("LIMS_DB_URL", cluster.jdbcUrl(name))
                    .environment("LIMS_DB_USER", name).environment("LIMS_DB_PASSWORD", name);
        }

        /**
         * A JVM that only compiles with the client compiler ({@code -XX:TieredStopAtLevel=1}, through
         * {@code JDK_JAVA_OPTIONS}): for a test whose server starts, or starts again, more than it works. A start of the
         * demo server took 47–49 s of CPU and 29–30 s alone with the default JIT, 27–30 s of CPU and 23–25 s with this
         * (2026-12-08, this machine). In CI, where the two lanes share two cores, with it for every server of its own:
         * BenchAgentFaultIT (six starts) 533 → 360 s, RecallTimeTravelIT (five) 336 → 180 s, the whole build 39:16 →
         * 32:18 min; but ApiFuzzIT 387 → 425 s, ProductionStartIT 133 → 192 s and ReissueCrashIT 173 → 211 s, whose
         * servers answer thousands of requests or render hundreds of certificates: those keep the default JIT, as do
         * the benchmarks (the code runs slower once hot).
         */
        public Builder quickToStart() {
            return environment("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1");
        }

        /** The deployment whose "Deployed" message a start waits for (default {@code lims.ear}). */
        public Builder deployment(String runtimeName) {
            this.deployment = runtimeName;
            return this;
        }

        /** How long a start may take before it counts as failed (default 3 minutes). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public WildFlyProcess build() {
            return new WildFlyProcess(this);
        }
    }
}
