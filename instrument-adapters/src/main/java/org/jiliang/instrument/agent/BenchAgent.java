package org.jiliang.instrument.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.jiliang.instrument.camel.BenchDeviceConstants;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.DeviceReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bench agent: fetches the bench's device profiles from the server, reads each enabled device
 * with a {@code bench-device} route, appends every frame (good or malformed, byte for byte) to the
 * journal, and forwards the journal to the server; see {@code docs/bench-agent.md}.
 *
 * <p>Started by {@link #main} under Camel Main, which stops it cleanly on Ctrl-C or SIGTERM.
 */
public final class BenchAgent implements AutoCloseable {

    static {
        // Before the first logger exists: slf4j-simple reads its settings once.
        quietLogging();
    }

    private static final Logger LOG = LoggerFactory.getLogger(BenchAgent.class);
    static final String PROFILES_CACHE = "profiles.json";

    /** How often a full journal's alarm is repeated in the log while it stays full. */
    private static final Duration ALARM_REPEAT = Duration.ofMinutes(1);

    private final AgentSettings settings;
    private final Clock clock;
    private final ServerConnection server;
    private BenchJournal journal;
    private volatile List<AgentProfile> devices = List.of();
    private Forwarder forwarder;
    private ScheduledExecutorService profileRefresh;
    private ScheduledExecutorService journalWatch;
    /** Devices not read because their journal is full, with when the alarm was last logged (nanoTime). */
    private final Map<String, Long> stoppedForFullJournal = new ConcurrentHashMap<>();

    public BenchAgent(AgentSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public BenchAgent(AgentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.server = new ServerConnection(settings.server(), settings.token(), Duration.ofSeconds(5),
                Duration.ofSeconds(30), clock);
    }

    public static void main(String[] args) throws Exception {
        AgentSettings settings;
        try {
            settings = AgentSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(AgentSettings.USAGE);
            System.exit(2);
            return;
        }
        BenchAgent agent = new BenchAgent(settings);
        try {
            agent.prepare();
        } catch (ServerConnection.RefusedException e) {
            LOG.error("{} The agent stops.", e.getMessage());
            agent.close();
            System.exit(1);
            return;
        }
        Main camel = new Main();
        camel.configure().addRoutesBuilder(agent.routes());
        camel.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                agent.startForwarding();
                agent.followProfiles(main.getCamelContext(), settings.profileRefresh());
                agent.superviseJournals(main.getCamelContext(), Duration.ofSeconds(1));
            }

            @Override
            public void afterStop(BaseMainSupport main) {
                try {
                    agent.close();
                } catch (Exception e) {
                    LOG.warn("Closing the journal failed", e);
                }
            }
        });
        camel.run();
    }

    /**
     * Opens the journal and learns the devices: from the server, or, while it is unreachable, from
     * the profiles kept at the last successful start (only if there are any: else it waits).
     *
     * @throws ServerConnection.RefusedException if the server refuses the token
     */
    public void prepare() throws IOException, InterruptedException, ServerConnection.RefusedException {
        journal = BenchJournal.open(settings.journal(), settings.journalMaxBytes());
        ServerConnection.Profiles profiles = fetchProfiles();
        List<AgentProfile> enabled = new ArrayList<>();
        for (AgentProfile p : profiles.devices()) {
            // Opened even for a stopped device: frames it journaled before are still sent.
            DeviceJournal device = journal.device(p.code(), p.storedSequence());
            if (!p.enabled()) {
                LOG.info("Device {} is stopped on the server; not reading it ({} frame(s) still to send)", p.code(),
                        device.pendingCount());
                continue;
            }
            LOG.info("Device {} ({} over {}): journal at sequence {}, {} frame(s) waiting to be sent", p.code(),
                    p.protocol(), "serial".equals(p.transport()) ? p.serialPort() : p.host() + ":" + p.port(),
                    device.lastSequence(), device.pendingCount());
            enabled.add(p);
        }
        try (var files = Files.list(settings.journal())) {
            Set<String> codes = profiles.devices().stream().map(AgentProfile::code).collect(Collectors.toSet());
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".journal"))
                    .map(n -> n.substring(0, n.length() - ".journal".length())).filter(c -> !codes.contains(c))
                    .forEach(c -> LOG.warn("The journal of {} is kept but not sent: {} is not a device of this bench"
                            + " (any more); assign it again to send what it holds", c, c));
        }
        devices = List.copyOf(enabled);
        LOG.info("Bench {}: {} device(s) to read, server {}", profiles.bench(), devices.size(), server.base());
    }

    private ServerConnection.Profiles fetchProfiles()
            throws IOException, InterruptedException, ServerConnection.RefusedException {
        Path cache = settings.journal().resolve(PROFILES_CACHE);
        long backoff = 500;
        while (true) {
            try {
                JsonObject document = server.profilesDocument();
                Path tmp = cache.resolveSibling(PROFILES_CACHE + ".tmp");
                try (var out = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(document.toJson().getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    out.force(true);
                }
                Durable.replace(tmp, cache);
                return ServerConnection.parseProfiles(document);
            } catch (IOException e) {
                if (Files.exists(cache)) {
                    LOG.warn("Server not available ({}); reading the devices of the last start from {}", Forwarder.describe(e),
                            cache);
                    try {
                        return ServerConnection.parseProfiles(
                                (JsonObject) Jsoner.deserialize(Files.readString(cache, StandardCharsets.UTF_8)));
                    } catch (DeserializationException | ClassCastException bad) {
                        throw new IOException("The kept profiles " + cache + " are unreadable", bad);
                    }
                }
                LOG.warn("Server not available ({}); retrying in {} ms", Forwarder.describe(e), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
            }
        }
    }

    /** One route per enabled device, each ending in the journal. */
    public RouteBuilder routes() {
        List<AgentProfile> toRead = devices;
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (AgentProfile p : toRead) {
                    addRoute(this, p);
                }
            }
        };
    }

    private void addRoute(RouteBuilder builder, AgentProfile p) {
        BenchJournal target = journal;
        DeviceJournal device = target.opened(p.code());
        builder.from(p.endpointUri()).routeId(routeId(p.code())).process(exchange -> {
            DeviceReading reading = exchange.getIn().getBody(DeviceReading.class);
            RawFrame frame = reading.frame();
            // what the frame answers goes with it, so the server reads its bytes as this agent did (issue 10)
            device.append(frame.receivedAt(), frame.bytes(), reading.status().name(), reading.value(),
                    reading.unit(), reading.rejectReason(),
                    exchange.getIn().getHeader(BenchDeviceConstants.ANSWERED, Answered.class));
            target.signalAppend();
        });
    }

    private static String routeId(String device) {
        return "device-" + device;
    }

    /**
     * Follows the bench's profiles on the server: a device started, stopped, added or changed there
     * is started, stopped or re-read here within {@code every}. While the server is away nothing changes.
     */
    public void followProfiles(CamelContext camel, Duration every) {
        profileRefresh = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-agent-profiles");
            t.setDaemon(true);
            return t;
        });
        profileRefresh.scheduleWithFixedDelay(() -> {
            try {
                refreshProfiles(camel);
            } catch (IOException e) {
                LOG.debug("Profiles not refreshed: {}", Forwarder.describe(e));
            } catch (ServerConnection.RefusedException e) {
                LOG.error("Profiles not refreshed: {}", e.getMessage());
            } catch (Exception e) {
                LOG.error("Profiles not refreshed", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Watches every device's journal against its cap: a full journal stops the reading of its device
     * (an alarm in the log, repeated every minute), so nothing the journal holds is ever dropped to make
     * room; once the server has confirmed enough frames, reading resumes. For original records of
     * legal metrology, frames not read are better than frames deleted unsent (docs/bench-agent.md §3).
     */
    public void superviseJournals(CamelContext camel, Duration every) {
        journalWatch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-agent-journal-watch");
            t.setDaemon(true);
            return t;
        });
        journalWatch.scheduleWithFixedDelay(() -> {
            try {
                checkJournals(camel);
            } catch (Exception e) {
                LOG.error("Checking the journals against their cap failed", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops reading devices whose journal is full, resumes those with room again. */
    public synchronized void checkJournals(CamelContext camel) throws Exception {
        for (AgentProfile p : devices) {
            DeviceJournal device = journal.opened(p.code());
            String route = routeId(p.code());
            if (device == null || camel.getRoute(route) == null) {
                stoppedForFullJournal.remove(p.code());
                continue;
            }
            Long alarmed = stoppedForFullJournal.get(p.code());
            if (alarmed == null && device.full()) {
                camel.getRouteController().stopRoute(route);
                stoppedForFullJournal.put(p.code(), System.nanoTime());
                alarm(device);
            } else if (alarmed != null && device.roomAgain()) {
                camel.getRouteController().startRoute(route);
                stoppedForFullJournal.remove(p.code());
                LOG.warn("Journal of {} has room again ({} of {} bytes unsent): reading the device again from"
                        + " sequence {}; what it sent meanwhile was not read", p.code(), device.pendingBytes(),
                        device.maxBytes(), device.lastSequence() + 1);
            } else if (alarmed != null && System.nanoTime() - alarmed >= ALARM_REPEAT.toNanos()) {
                stoppedForFullJournal.put(p.code(), System.nanoTime());
                alarm(device);
            }
        }
    }

    private static void alarm(DeviceJournal device) {
        LOG.error("ALARM: the journal of {} is full ({} bytes of frames the server has not confirmed; the cap is {})."
                + " Reading {} is STOPPED: nothing in the journal is deleted, and the device's readings are not recorded"
                + " until the server confirms frames again. Restore the connection to the server.", device.device(),
                device.pendingBytes(), device.maxBytes(), device.device());
    }

    /** The devices not read just now because their journal is full. */
    public Set<String> devicesStoppedForAFullJournal() {
        return new TreeSet<>(stoppedForFullJournal.keySet());
    }

    /** Fetches the profiles once and makes the routes follow them. */
    public synchronized void refreshProfiles(CamelContext camel) throws Exception {
        List<AgentProfile> fresh = server.profiles().devices();
        Map<String, AgentProfile> wanted = new LinkedHashMap<>();
        for (AgentProfile p : fresh) {
            journal.device(p.code(), p.storedSequence());
            if (p.enabled()) {
                wanted.put(p.code(), p);
            }
        }
        Map<String, AgentProfile> running = new LinkedHashMap<>();
        devices.forEach(p -> running.put(p.code(), p));
        for (AgentProfile p : running.values()) {
            AgentProfile next = wanted.get(p.code());
            if (next == null || !next.endpointUri().equals(p.endpointUri())) {
                camel.getRouteController().stopRoute(routeId(p.code()));
                camel.removeRoute(routeId(p.code()));
                stoppedForFullJournal.remove(p.code());
                LOG.info("Device {} {} on the server: stopped reading it", p.code(), next == null ? "stopped" : "changed");
            }
        }
        for (AgentProfile p : wanted.values()) {
            AgentProfile before = running.get(p.code());
            if (before == null || !before.endpointUri().equals(p.endpointUri())) {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        addRoute(this, p);
                    }
                });
                LOG.info("Device {} reading over {}", p.code(),
                        "serial".equals(p.transport()) ? p.serialPort() : p.host() + ":" + p.port());
            }
        }
        devices = List.copyOf(wanted.values());
    }

    public void startForwarding() {
        forwarder = new Forwarder(journal, server::send, settings.batchSize(), Duration.ofMillis(250),
                settings.maxBackoff(), clock);
        forwarder.start();
        LOG.info("Forwarding the journal in {} to {}", settings.journal().toAbsolutePath(), server.base());
    }

    public List<AgentProfile> devices() {
        return devices;
    }

    public BenchJournal journal() {
        return journal;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (journalWatch != null) {
            journalWatch.shutdownNow();
            journalWatch.awaitTermination(5, TimeUnit.SECONDS);
            journalWatch = null;
        }
        if (profileRefresh != null) {
            profileRefresh.shutdownNow();
            profileRefresh.awaitTermination(5, TimeUnit.SECONDS);
            profileRefresh = null;
        }
        if (forwarder != null) {
            forwarder.close();
            forwarder = null;
        }
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", System.getProperty(
                "org.slf4j.simpleLogger.showDateTime", "true"));
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", System.getProperty(
                "org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS"));
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.camel", System.getProperty(
                "org.slf4j.simpleLogger.log.org.apache.camel", "warn"));
    }
}
