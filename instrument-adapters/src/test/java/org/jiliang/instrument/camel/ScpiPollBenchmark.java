package org.jiliang.instrument.camel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.transport.Link;

/**
 * Polls per second of a SCPI meter through the path a {@code bench-device} consumer takes per poll since issue 10
 * ({@link DeviceSession#converse}: {@code READ?}, then {@code SYST:ERR?} until the queue is empty, every answer read
 * and handed on as a frame), against bare socket loops in the same run: one that only asks {@code READ?} (a poll
 * before issue 10) and one that asks {@code READ?} and {@code SYST:ERR?} (the same conversation, nothing else).
 * The meter is a minimal responder on loopback TCP answering from a table, the same for every path, so the figures
 * are round trips and our own cost, not a simulator's parsing. The consumer's pause between polls is left out: it
 * would only measure the poll interval.
 *
 * <p>A command, not a test: {@code benchmarks/run scpi} (see docs/benchmarks.md). Arguments:
 * {@code polls=20000 reps=7 warmup=2}.
 */
public final class ScpiPollBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final byte[] READING = "+1.00000000E+01\n".getBytes(StandardCharsets.US_ASCII);
    private static final Map<String, byte[]> ANSWERS = Map.of(
            "*IDN?", "BENCH,DMM-BENCH,1,1.0\n".getBytes(StandardCharsets.US_ASCII),
            "READ?", READING,
            "SYST:ERR?", "0,\"No error\"\n".getBytes(StandardCharsets.US_ASCII),
            "FUNC?", "\"VOLT:DC\"\n".getBytes(StandardCharsets.US_ASCII));

    record Run(String path, int polls, long wallNanos, long cpuNanos) {
        double pollsPerSecond() {
            return polls * 1e9 / wallNanos;
        }

        double cpuMicrosPerPoll() {
            return cpuNanos / 1e3 / polls;
        }
    }

    interface Path {
        String name();

        /** Polls {@code polls} times; returns how many stable readings of 10 V it read (must be all). */
        int poll(int port, int polls) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int polls = intArg(args, "polls", 20_000);
        int reps = intArg(args, "reps", 7);
        int warmup = intArg(args, "warmup", 2);
        System.out.printf(Locale.ROOT, "SCPI poll benchmark %s: %d polls per run over loopback TCP to a table responder,"
                + " %d warm-up + %d measured runs per path, alternating; java %s, %d cores%n", Instant.now(), polls, warmup,
                reps, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        List<Path> paths = List.of(new BareRead(false), new BareRead(true), new SessionPath());
        List<List<Run>> measured = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (Responder meter = new Responder()) {
            for (int i = 0; i < warmup + reps; i++) {
                for (int p = 0; p < paths.size(); p++) {
                    int which = (i % 2 == 0) ? p : paths.size() - 1 - p;
                    Path path = paths.get(which);
                    long cpuBefore = THREADS.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    int read = path.poll(meter.port(), polls);
                    long wall = System.nanoTime() - start;
                    long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
                    if (read != polls) {
                        throw new AssertionError(path.name() + " read " + read + " readings of " + polls + " polls");
                    }
                    Run run = new Run(path.name(), polls, wall, cpu);
                    boolean counted = i >= warmup;
                    if (counted) {
                        measured.get(which).add(run);
                    }
                    System.out.printf(Locale.ROOT, "  %-8s %-40s %8.0f polls/s  poller CPU %6.1f µs/poll%n",
                            counted ? "run " + (i - warmup + 1) : "warm-up", run.path(), run.pollsPerSecond(),
                            run.cpuMicrosPerPoll());
                }
            }
        }
        System.out.println();
        System.out.println("Median of " + reps + " runs:");
        for (int p = 0; p < paths.size(); p++) {
            List<Run> runs = measured.get(p);
            System.out.printf(Locale.ROOT, "  %-40s %8.0f polls/s (min %.0f, max %.0f)  poller CPU %6.1f µs/poll%n",
                    paths.get(p).name(), median(runs, Run::pollsPerSecond),
                    runs.stream().mapToDouble(Run::pollsPerSecond).min().orElse(0),
                    runs.stream().mapToDouble(Run::pollsPerSecond).max().orElse(0), median(runs, Run::cpuMicrosPerPoll));
        }
        double readOnly = median(measured.get(0), Run::pollsPerSecond);
        double withErrorQueue = median(measured.get(1), Run::pollsPerSecond);
        double session = median(measured.get(2), Run::pollsPerSecond);
        System.out.printf(Locale.ROOT, "RESULT scpi: session path / bare READ?+SYST:ERR? loop = %.3f (our cost for the same"
                + " conversation)%n", session / withErrorQueue);
        System.out.printf(Locale.ROOT, "       session path / bare READ? loop = %.3f (the error-queue read included)%n",
                session / readOnly);
        System.out.printf(Locale.ROOT, "       bare READ?+SYST:ERR? / bare READ? = %.3f (the protocol's cost of the extra"
                + " question)%n", withErrorQueue / readOnly);
    }

    /** A plain socket: write the question, read up to LF, parse the number; with the error queue, ask it once more. */
    static final class BareRead implements Path {
        private final boolean errorQueue;

        BareRead(boolean errorQueue) {
            this.errorQueue = errorQueue;
        }

        @Override
        public String name() {
            return errorQueue ? "bare loop READ? + SYST:ERR?" : "bare loop READ?";
        }

        @Override
        public int poll(int port, int polls) throws IOException {
            byte[] read = "READ?\n".getBytes(StandardCharsets.US_ASCII);
            byte[] error = "SYST:ERR?\n".getBytes(StandardCharsets.US_ASCII);
            int stable = 0;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (int i = 0; i < polls; i++) {
                    out.write(read);
                    String line = line(in);
                    if (new BigDecimal(line.strip()).compareTo(BigDecimal.TEN) == 0) {
                        stable++;
                    }
                    if (errorQueue) {
                        out.write(error);
                        if (!line(in).startsWith("0,")) {
                            throw new IOException("the error queue is not empty");
                        }
                    }
                }
            }
            return stable;
        }
    }

    /**
     * What a consumer does per poll: {@link DeviceSession#converse} on an open link with the SCPI dialogue, every
     * frame read as the consumer reads it (a {@link RawFrame} and its reading) before it would become an exchange.
     */
    static final class SessionPath implements Path {
        @Override
        public String name() {
            return "session path (DeviceSession.converse)";
        }

        @Override
        public int poll(int port, int polls) throws Exception {
            try (DefaultCamelContext camel = new DefaultCamelContext()) {
                camel.addComponent("bench-device", new BenchDeviceComponent());
                camel.start();
                BenchDeviceEndpoint endpoint = camel.getEndpoint("bench-device:dmm-bench?host=127.0.0.1&port=" + port
                        + "&protocol=scpi&startCommand=CONF:VOLT:DC&readTimeout=2000", BenchDeviceEndpoint.class);
                int[] stable = {0};
                long[] sequence = {0};
                DeviceSession.FrameSink sink = new DeviceSession.FrameSink() {
                    @Override
                    public void accept(byte[] frame, String framingProblem) {
                        read(frame, endpoint.getClock().instant(), endpoint.getCodec()::interpret);
                    }

                    @Override
                    public void accept(byte[] frame, String framingProblem, Instant receivedAt,
                            Function<RawFrame, DeviceReading> reading) {
                        read(frame, receivedAt, reading != null ? reading : endpoint.getCodec()::interpret);
                    }

                    private void read(byte[] frame, Instant receivedAt, Function<RawFrame, DeviceReading> reading) {
                        DeviceReading r = reading.apply(new RawFrame("dmm-bench", ++sequence[0], receivedAt, frame));
                        if (r.status() == ReadingStatus.STABLE && r.value().compareTo(BigDecimal.TEN) == 0) {
                            stable[0]++;
                        }
                    }
                };
                DeviceSession session = new DeviceSession(endpoint, "benchmark", sink,
                        new LinkReporter(LinkListener.NONE, "dmm-bench", "127.0.0.1:" + port, endpoint.getClock()));
                session.lock().lock();
                try {
                    Link link = session.openIfNeeded(() -> { });
                    for (int i = 0; i < polls; i++) {
                        session.drainUnsolicited(link);
                        session.converse(link, "READ?", true, sink);
                    }
                } finally {
                    session.closeLink();
                    session.lock().unlock();
                }
                return stable[0];
            }
        }
    }

    /** A meter that answers from a table, one client at a time, each answer written at once. */
    static final class Responder implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final Thread thread = new Thread(this::serve, "scpi-responder");

        Responder() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    client.setTcpNoDelay(true);
                    InputStream in = new BufferedInputStream(client.getInputStream());
                    OutputStream out = client.getOutputStream();
                    for (String line = line(in); line != null; line = line(in)) {
                        byte[] answer = ANSWERS.get(line.strip());
                        if (answer != null) {
                            out.write(answer);
                        }
                    }
                } catch (IOException e) {
                    // the client went, or the responder is closing
                }
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            thread.join(2000);
        }
    }

    /** The next line without its LF; {@code null} at the end of the stream. */
    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(24);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            line.append((char) b);
        }
        return line.toString();
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] values = runs.stream().mapToDouble(f).sorted().toArray();
        int n = values.length;
        return n == 0 ? 0 : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static int intArg(String[] args, String name, int defaultValue) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return defaultValue;
    }
}
