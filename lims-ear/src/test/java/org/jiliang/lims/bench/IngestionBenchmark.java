package org.jiliang.lims.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sustained readings per second from many streaming TCP devices into {@code device_frame} on
 * PostgreSQL, through the running server (devices registered over REST, read by its Camel routes,
 * stored by DeviceFrameService), and in the same run through a bare baseline: one socket reader
 * per device and one thread doing batched JDBC inserts into the same table.
 *
 * <p>Each simulated device is a small TCP server that streams MT-SICS weight lines
 * {@code S S <n> g} whose value n is the frame's own number, at a fixed rate (open loop: a frame's
 * time is when it was due, so a reader that falls behind shows as latency, not as a slower
 * writer). It first streams a warm-up at a tenth of the rate, then the measured window. Afterwards
 * the table is compared with what was sent: lost, duplicated and altered frames, and frame-to-commit
 * latency from the due time to the row's commit time ({@code pg_xact_commit_timestamp(xmin)}: the
 * cluster runs with {@code track_commit_timestamp=on}).
 *
 * <p>A command, not a test: {@code benchmarks/run ingestion} starts PostgreSQL and the server and
 * calls this (docs/benchmarks.md). Arguments: {@code devices=25 rates=240,3200 seconds=20 warmup=3
 * paths=baseline,server} plus {@code baseUrl}, {@code jdbcUrl}, {@code user}, {@code password},
 * {@code serverPid}.
 */
public final class IngestionBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> args;
    private final int devices;
    private final int rate;
    private final int seconds;
    private final int warmupSeconds;
    private final String baseUrl;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

    IngestionBenchmark(Map<String, String> args) {
        this.args = args;
        this.devices = Integer.parseInt(args.getOrDefault("devices", "25"));
        this.rate = Integer.parseInt(args.getOrDefault("rate", "240"));
        this.seconds = Integer.parseInt(args.getOrDefault("seconds", "20"));
        this.warmupSeconds = Integer.parseInt(args.getOrDefault("warmup", "3"));
        this.baseUrl = args.getOrDefault("baseUrl", "http://localhost:8080/lims");
        this.jdbcUrl = args.get("jdbcUrl");
        this.user = args.getOrDefault("user", "lims");
        this.password = args.getOrDefault("password", "lims");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        // rates: frames/s per device; the first is the target load, a last much higher one saturates both paths.
        String[] rates = args.getOrDefault("rates", args.getOrDefault("rate", "240,3200")).split(",");
        List<String> verdicts = new ArrayList<>();
        for (String rate : rates) {
            Map<String, String> run = new HashMap<>(args);
            run.put("rate", rate);
            verdicts.add(new IngestionBenchmark(run).runBothPaths());
        }
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    /** Both paths at this load, baseline first; returns the RESULT line. */
    String runBothPaths() throws Exception {
        System.out.printf(Locale.ROOT, "%nIngestion benchmark %s: %d streaming MT-SICS devices x %d frames/s = %d offered"
                + " readings/s for %d s (after at least %d s of warm-up at a tenth of the rate); %d cores, java %s%n",
                Instant.now(), devices, rate, devices * rate, seconds, warmupSeconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        for (String path : args.getOrDefault("paths", "baseline,server").split(",")) {
            results.add(switch (path) {
                case "baseline" -> runBaseline();
                case "server" -> runServer();
                default -> throw new IllegalArgumentException("path " + path);
            });
            System.out.println(results.get(results.size() - 1));
        }
        Result baseline = results.stream().filter(r -> r.path().startsWith("baseline")).findFirst().orElse(null);
        Result server = results.stream().filter(r -> r.path().startsWith("server")).findFirst().orElse(null);
        if (baseline == null || server == null) {
            return "RESULT ingestion at " + devices * rate + "/s offered: one path only";
        }
        double ratio = server.readingsPerSecond() / baseline.readingsPerSecond();
        boolean correct = server.lost() == 0 && server.duplicated() == 0 && server.altered() == 0;
        boolean met = server.readingsPerSecond() >= 5000 && server.p99Millis() <= 1000 && correct;
        return String.format(Locale.ROOT, "RESULT ingestion at %d/s offered: server %.0f readings/s, p50 %.0f ms, p99 %.0f ms,"
                + " lost %d, duplicated %d, altered %d; baseline %.0f readings/s, p99 %.0f ms; ratio server/baseline %.2f%s;"
                + " server >= 5000/s with p99 <= 1 s and nothing lost, duplicated or altered: %s",
                devices * rate, server.readingsPerSecond(), server.p50Millis(), server.p99Millis(), server.lost(),
                server.duplicated(), server.altered(), baseline.readingsPerSecond(), baseline.p99Millis(), ratio,
                baseline.readingsPerSecond() < devices * rate * 0.98 ? " (both saturated: capacity ratio)"
                        : " (baseline kept up with the offered load: not its capacity)",
                met ? "MET" : "NOT MET");
    }

    // ---------------------------------------------------------------- the two paths

    Result runServer() throws Exception {
        long windowStart = nextWindowStart();
        List<StreamingDevice> fleet = startFleet(windowStart);
        List<String> codes = new ArrayList<>();
        long cpuBefore = serverCpuMillis();
        try {
            for (int i = 0; i < devices; i++) {
                String code = String.format(Locale.ROOT, "ING-%s-%02d", runId, i + 1);
                codes.add(code);
                String body = "{\"code\":\"" + code + "\",\"name\":\"ingestion benchmark\",\"protocol\":\"mt-sics\","
                        + "\"host\":\"127.0.0.1\",\"port\":" + fleet.get(i).port() + ",\"mode\":\"stream\","
                        + "\"startCommand\":\"SIR\"}";
                HttpResponse<String> r = post("/api/v1/devices", body);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("registering " + code + " failed: " + r.statusCode() + " " + r.body());
                }
            }
            return measure("server (REST-registered routes -> DeviceFrameService)", fleet, codes, cpuBefore, windowStart);
        } finally {
            for (String code : codes) {
                post("/api/v1/devices/" + code + "/stop", "{}");
            }
            fleet.forEach(StreamingDevice::close);
        }
    }

    Result runBaseline() throws Exception {
        long windowStart = nextWindowStart();
        List<StreamingDevice> fleet = startFleet(windowStart);
        List<String> codes = new ArrayList<>();
        Map<Integer, Long> deviceIds = new HashMap<>();
        try (Connection c = connect()) {
            for (int i = 0; i < devices; i++) {
                String code = String.format(Locale.ROOT, "BASE-%s-%02d", runId, i + 1);
                codes.add(code);
                try (PreparedStatement ps = c.prepareStatement("insert into bench_device (code, name, protocol, host, port,"
                        + " poll_command, poll_interval_ms, simulated, enabled) values (?, 'baseline', 'mt-sics',"
                        + " '127.0.0.1', ?, 'SI', 1000, false, false)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, code);
                    ps.setInt(2, fleet.get(i).port());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        deviceIds.put(i, keys.getLong(1));
                    }
                }
            }
        }
        BareIngestion bare = new BareIngestion(fleet, deviceIds);
        bare.start();
        try {
            return measure("baseline (socket readers -> batched JDBC)", fleet, codes, -1, windowStart);
        } finally {
            bare.stop();
            fleet.forEach(StreamingDevice::close);
        }
    }

    /** Waits for every device to be connected, streams warm-up then the window, waits for the table to settle. */
    private Result measure(String path, List<StreamingDevice> fleet, List<String> codes, long cpuBefore,
            long windowStart) throws Exception {
        awaitConnected(fleet);
        if (System.currentTimeMillis() > windowStart - warmupSeconds * 1000L / 2) {
            throw new IllegalStateException("setting up the devices took too long: less than half the warm-up left");
        }
        long waitForWindow = windowStart - System.currentTimeMillis();
        Thread.sleep(Math.max(0, waitForWindow));
        long busyBefore = machineBusyJiffies();
        for (StreamingDevice d : fleet) {
            d.awaitDone(Duration.ofSeconds(seconds + 120L));
        }
        long busyAfter = machineBusyJiffies();
        long cpuAfter = cpuBefore < 0 ? -1 : serverCpuMillis();
        long sent = fleet.stream().mapToLong(StreamingDevice::sent).sum();
        awaitSettled(codes, sent);
        return evaluate(path, fleet, codes, windowStart, (busyAfter - busyBefore),
                cpuBefore < 0 ? -1 : cpuAfter - cpuBefore);
    }

    private Result evaluate(String path, List<StreamingDevice> fleet, List<String> codes, long windowStart,
            long busyJiffies, long serverCpuMillis) throws SQLException {
        long lost = 0;
        long duplicated = 0;
        long altered = 0;
        long sent = 0;
        List<Double> latencies = new ArrayList<>();
        long measured = 0;
        double lastCommit = 0;
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("select f.raw_bytes,"
                        + " extract(epoch from pg_xact_commit_timestamp(f.xmin)) * 1000 from device_frame f"
                        + " join bench_device d on d.id = f.device_id where d.code = ?")) {
            for (int i = 0; i < fleet.size(); i++) {
                StreamingDevice device = fleet.get(i);
                int count = (int) device.sent();
                sent += count;
                int[] seen = new int[count + 1];
                ps.setString(1, codes.get(i));
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] raw = rs.getBytes(1);
                        double commitMillis = rs.getDouble(2);
                        int n = StreamingDevice.numberOf(raw);
                        if (n < 1 || n > count || !Arrays.equals(raw, StreamingDevice.frame(n))) {
                            altered++;
                            continue;
                        }
                        if (seen[n]++ > 0) {
                            duplicated++;
                            continue;
                        }
                        long due = device.dueMillis(n);
                        if (due >= windowStart) {
                            measured++;
                            latencies.add(commitMillis - due);
                            lastCommit = Math.max(lastCommit, commitMillis);
                        }
                    }
                }
                for (int n = 1; n <= count; n++) {
                    if (seen[n] == 0) {
                        lost++;
                    }
                }
            }
        }
        latencies.sort(null);
        long windowFrames = fleet.stream().mapToLong(StreamingDevice::sentInWindow).sum();
        // Sustained rate: the window's frames over the time from the window's start to the last of them committed.
        double elapsed = Math.max(lastCommit - windowStart, seconds * 1000.0);
        double perSecond = measured * 1000.0 / elapsed;
        double busyCores = busyJiffies / (double) clockTicks() / seconds;
        return new Result(path, sent, windowFrames, measured, perSecond, percentile(latencies, 0.50),
                percentile(latencies, 0.99), percentile(latencies, 1.0), lost, duplicated, altered, busyCores,
                serverCpuMillis < 0 ? Double.NaN : serverCpuMillis * 1000.0 / sent);
    }

    record Result(String path, long sent, long windowFrames, long measured, double readingsPerSecond, double p50Millis,
            double p99Millis, double maxMillis, long lost, long duplicated, long altered, double busyCores,
            double serverCpuMicrosPerFrame) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "  %-55s %7.0f readings/s stored (window: %d sent, %d stored); frame-to-commit"
                    + " p50 %.0f ms, p99 %.0f ms, max %.0f ms; of %d sent: lost %d, duplicated %d, altered %d;"
                    + " machine busy %.2f cores%s", path, readingsPerSecond, windowFrames, measured, p50Millis, p99Millis,
                    maxMillis, sent, lost, duplicated, altered, busyCores,
                    Double.isNaN(serverCpuMicrosPerFrame) ? ""
                            : String.format(Locale.ROOT, "; WildFly CPU %.0f µs/frame", serverCpuMicrosPerFrame));
        }
    }

    // ---------------------------------------------------------------- the simulated devices

    /** Devices whose measured window starts after the time to set them up (0.5 s each) and the warm-up. */
    private List<StreamingDevice> startFleet(long windowStart) throws IOException {
        List<StreamingDevice> fleet = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            fleet.add(StreamingDevice.start(rate, windowStart, seconds));
        }
        return fleet;
    }

    private long nextWindowStart() {
        return System.currentTimeMillis() + 3000L + 500L * devices + warmupSeconds * 1000L;
    }

    private static void awaitConnected(List<StreamingDevice> fleet) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (StreamingDevice d : fleet) {
            if (!d.awaitConnection(deadline - System.nanoTime())) {
                throw new IllegalStateException("device on port " + d.port() + " got no connection within 60 s");
            }
        }
    }

    /** Waits until every frame sent is in the table, or the count has not moved for 10 s. */
    private void awaitSettled(List<String> codes, long sent) throws Exception {
        long last = -1;
        long stillSince = System.nanoTime();
        while (true) {
            long stored;
            try (Connection c = connect();
                    PreparedStatement ps = c.prepareStatement("select count(*) from device_frame f join bench_device d"
                            + " on d.id = f.device_id where d.code = any(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", codes.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    stored = rs.getLong(1);
                }
            }
            if (stored >= sent) {
                return;
            }
            if (stored != last) {
                last = stored;
                stillSince = System.nanoTime();
            } else if (System.nanoTime() - stillSince > TimeUnit.SECONDS.toNanos(10)) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /**
     * A TCP device that streams {@code S S <n> g CR LF} to its one client at a fixed rate, n = 1, 2, ...
     * across reconnections. Ignores what the client sends (the SIR start command).
     */
    static final class StreamingDevice implements AutoCloseable {
        private static final int TICK_MILLIS = 5;
        private final ServerSocket server;
        private final int rate;
        private final long windowStart;
        private final int seconds;
        private final CountDownLatch connected = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Socket client;
        private volatile long[] due;
        private volatile int sent;
        private volatile int sentInWindow;
        private volatile Throwable failure;

        private StreamingDevice(ServerSocket server, int rate, long windowStart, int seconds) {
            this.server = server;
            this.rate = rate;
            this.windowStart = windowStart;
            this.seconds = seconds;
        }

        static StreamingDevice start(int rate, long windowStart, int seconds) throws IOException {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            StreamingDevice device = new StreamingDevice(server, rate, windowStart, seconds);
            Thread acceptor = new Thread(device::acceptLoop, "device-" + server.getLocalPort() + "-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            Thread writer = new Thread(device::writeLoop, "device-" + server.getLocalPort() + "-write");
            writer.setDaemon(true);
            writer.start();
            return device;
        }

        static byte[] frame(int n) {
            return String.format(Locale.ROOT, "S S %10d g\r\n", n).getBytes(StandardCharsets.US_ASCII);
        }

        /** The frame's number, or -1 if the bytes are not one of our frames. */
        static int numberOf(byte[] raw) {
            String text = new String(raw, StandardCharsets.US_ASCII).strip();
            if (!text.startsWith("S S ") || !text.endsWith(" g")) {
                return -1;
            }
            try {
                return Integer.parseInt(text.substring(4, text.length() - 2).strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        int port() {
            return server.getLocalPort();
        }

        long sent() {
            return sent;
        }

        long sentInWindow() {
            return sentInWindow;
        }

        long dueMillis(int n) {
            return due[n];
        }

        boolean awaitConnection(long nanos) throws InterruptedException {
            return connected.await(nanos, TimeUnit.NANOSECONDS);
        }

        void awaitDone(Duration timeout) throws InterruptedException {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("device " + port() + " did not finish");
            }
            if (failure != null) {
                throw new IllegalStateException("device " + port() + " failed", failure);
            }
        }

        private void acceptLoop() {
            while (!closed.get()) {
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    Socket previous = client;
                    client = s;
                    if (previous != null) {
                        previous.close();
                    }
                    connected.countDown();
                    Thread drain = new Thread(() -> drain(s), "device-" + port() + "-read");
                    drain.setDaemon(true);
                    drain.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void drain(Socket s) {
            byte[] b = new byte[256];
            try (InputStream in = s.getInputStream()) {
                while (in.read(b) >= 0) {
                    // the start command; a device in stream mode ignores it here
                }
            } catch (IOException ignored) {
                // the client went away
            }
        }

        /**
         * Warm-up at a tenth of the rate from the first connection to the window (a streaming device
         * is never silent, or its reader would take the link for dead), then the window at the full rate.
         */
        private void writeLoop() {
            try {
                connected.await();
                long connectedAt = System.currentTimeMillis();
                long warmupInterval = Math.max(1, 10_000L / rate);
                int warmupFrames = (int) Math.max(1, (windowStart - connectedAt) / warmupInterval);
                int windowFrames = rate * seconds;
                long[] due = new long[warmupFrames + windowFrames + 2];
                for (int n = 1; n <= warmupFrames; n++) {
                    due[n] = connectedAt + (n - 1) * warmupInterval;
                }
                for (int k = 0; k < windowFrames; k++) {
                    due[warmupFrames + 1 + k] = windowStart + k * 1000L / rate;
                }
                this.due = due;
                int total = warmupFrames + windowFrames;
                int next = 1;
                byte[] batch = new byte[frame(1).length * Math.max(1, rate * TICK_MILLIS / 1000 + 64)];
                while (next <= total && !closed.get()) {
                    long now = System.currentTimeMillis();
                    int length = 0;
                    int first = next;
                    while (next <= total && due[next] <= now && length + 16 <= batch.length) {
                        byte[] f = frame(next);
                        System.arraycopy(f, 0, batch, length, f.length);
                        length += f.length;
                        next++;
                    }
                    if (length > 0) {
                        write(batch, length);
                        sent = next - 1;
                        sentInWindow = Math.max(0, next - 1 - warmupFrames);
                    } else {
                        Thread.sleep(Math.max(1, Math.min(TICK_MILLIS, due[next] - now)));
                    }
                    if (first == next && length > 0) {
                        throw new IllegalStateException("no progress");
                    }
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                done.countDown();
            }
        }

        /** Writes to the current client; if it is gone, waits for the next (frames written into a dead socket are lost). */
        private void write(byte[] bytes, int length) throws IOException, InterruptedException {
            while (true) {
                Socket s = client;
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(bytes, 0, length);
                    out.flush();
                    return;
                } catch (IOException e) {
                    if (closed.get()) {
                        throw e;
                    }
                    Thread.sleep(10); // the reader reconnects
                    if (client == s) {
                        continue;
                    }
                }
            }
        }

        @Override
        public void close() {
            closed.set(true);
            try {
                server.close();
                Socket s = client;
                if (s != null) {
                    s.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ---------------------------------------------------------------- the bare baseline

    /** One reader thread per device socket, cutting lines; one thread inserting them in JDBC batches. */
    final class BareIngestion {
        private static final int BATCH = 1000;
        private final List<StreamingDevice> fleet;
        private final Map<Integer, Long> deviceIds;
        private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(100_000);
        private final List<Thread> threads = new ArrayList<>();
        private final List<Socket> sockets = new ArrayList<>();
        private volatile boolean running = true;

        BareIngestion(List<StreamingDevice> fleet, Map<Integer, Long> deviceIds) {
            this.fleet = fleet;
            this.deviceIds = deviceIds;
        }

        void start() throws IOException {
            String session = UUID.randomUUID().toString();
            for (int i = 0; i < fleet.size(); i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), fleet.get(i).port());
                sockets.add(s);
                long deviceId = deviceIds.get(i);
                Thread reader = new Thread(() -> read(s, deviceId, session), "baseline-reader-" + i);
                reader.setDaemon(true);
                threads.add(reader);
            }
            Thread inserter = new Thread(this::insert, "baseline-inserter");
            inserter.setDaemon(true);
            threads.add(inserter);
            threads.forEach(Thread::start);
        }

        private void read(Socket s, long deviceId, String session) {
            byte[] buffer = new byte[8192];
            byte[] line = new byte[256];
            int length = 0;
            long sequence = 0;
            try (InputStream in = s.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    for (int i = 0; i < n; i++) {
                        line[length++] = buffer[i];
                        if (buffer[i] == '\n') {
                            queue.put(new Object[] {deviceId, session, ++sequence, Instant.now(), Arrays.copyOf(line, length)});
                            length = 0;
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // stopped
            }
        }

        private void insert() {
            List<Object[]> rows = new ArrayList<>(BATCH);
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("insert into device_frame (device_id, link_session, sequence,"
                        + " received_at, raw_bytes, status, reading_value, reading_unit) values (?, ?, ?, ?, ?, 'STABLE', ?, 'g')")) {
                    while (running || !queue.isEmpty()) {
                        Object[] first = queue.poll(10, TimeUnit.MILLISECONDS);
                        if (first == null) {
                            continue;
                        }
                        rows.add(first);
                        queue.drainTo(rows, BATCH - 1);
                        for (Object[] r : rows) {
                            byte[] raw = (byte[]) r[4];
                            ps.setLong(1, (Long) r[0]);
                            ps.setString(2, (String) r[1]);
                            ps.setLong(3, (Long) r[2]);
                            ps.setTimestamp(4, Timestamp.from((Instant) r[3]));
                            ps.setBytes(5, raw);
                            ps.setBigDecimal(6, new java.math.BigDecimal(StreamingDevice.numberOf(raw)));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                        rows.clear();
                    }
                }
            } catch (SQLException | InterruptedException e) {
                System.err.println("baseline inserter failed: " + e);
            }
        }

        void stop() throws InterruptedException {
            Thread.sleep(500);
            running = false;
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            for (Thread t : threads) {
                t.join(5000);
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString((args.getOrDefault("admin", "admin") + ":"
                + args.getOrDefault("adminPassword", "jiliang")).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** CPU time of the server process (utime + stime from /proc), or -1 without a pid. */
    private long serverCpuMillis() {
        String pid = args.get("serverPid");
        if (pid == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / clockTicks();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Busy jiffies of the whole machine (all cores), from /proc/stat. */
    private static long machineBusyJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long clockTicks() {
        return 100; // USER_HZ on Linux
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
