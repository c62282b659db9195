package org.jiliang.instrument.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fazecast.jSerialComm.SerialPort;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.mtsics.MtSicsCodec;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.instrument.testing.SocatPtyPair;
import org.jiliang.instrument.transport.Link;
import org.jiliang.instrument.transport.SerialLink;
import org.jiliang.instrument.transport.SerialSettings;
import org.jiliang.instrument.transport.TcpLink;

/**
 * Frames per second through the serial path a route uses ({@link SerialLink} + the MT-SICS line
 * framer + {@link MtSicsCodec#interpret}), against a bare jSerialComm read loop (open the port,
 * read bytes, cut lines at LF) in the same run, on a fresh socat pty pair per run, with the same
 * pre-built buffer of MT-SICS frames written as fast as the pty takes them.
 *
 * <p>A command, not a test: {@code benchmarks/run serial} (see docs/benchmarks.md). Arguments:
 * {@code frames=200000 reps=7 warmup=2}.
 */
public final class SerialPathBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final SerialSettings SETTINGS = new SerialSettings(115200, 8, SerialSettings.Parity.NONE,
            SerialSettings.StopBits.ONE);
    private static final int FRAME_LENGTH = 21; // "S S      100.0001 g\r\n"

    /** One reader's result: how many frames, how long from the first byte written to the last frame read. */
    record Run(String reader, int frames, long wallNanos, long readerCpuNanos, long processCpuNanos, long checksum) {
        double framesPerSecond() {
            return frames * 1e9 / wallNanos;
        }

        double readerCpuMicrosPerFrame() {
            return readerCpuNanos / 1e3 / frames;
        }

        double processCpuMicrosPerFrame() {
            return processCpuNanos / 1e3 / frames;
        }
    }

    interface Reader {
        String name();

        /** Opens the port; returns a task that reads exactly {@code frames} frames and a checksum of their content. */
        ReadTask open(Path port, int frames) throws IOException;
    }

    interface ReadTask extends AutoCloseable {
        long readAll() throws IOException;

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        int frames = intArg(args, "frames", 200_000);
        int reps = intArg(args, "reps", 7);
        int warmup = intArg(args, "warmup", 2);
        byte[] buffer = frames(frames);
        long expected = expectedChecksum(frames);

        System.out.printf(Locale.ROOT, "Serial path benchmark %s: %d MT-SICS frames of %d bytes (%d KiB) per run over a"
                + " socat pty pair, %d warm-up + %d measured runs per reader, alternating; java %s, %d cores%n",
                Instant.now(), frames, FRAME_LENGTH, buffer.length / 1024, warmup, reps,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        // The last reader splits the route path's cost: link and framer without the codec.
        List<Reader> readers = List.of(new BareJSerialComm(), new RoutePath(), new LinkAndFramerOnly());
        List<List<Run>> measured = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Path dir = Files.createTempDirectory("serial-bench");
        try {
            for (int i = 0; i < warmup + reps; i++) {
                for (int r = 0; r < readers.size(); r++) {
                    // Alternate which reader goes first, so neither always gets the warmer machine.
                    int which = (i % 2 == 0) ? r : readers.size() - 1 - r;
                    Run run = runOnce(readers.get(which), dir, buffer, frames);
                    if (run.checksum() != expected) {
                        throw new AssertionError(run.reader() + " read wrong content: checksum " + run.checksum()
                                + ", expected " + expected);
                    }
                    boolean counted = i >= warmup;
                    if (counted) {
                        measured.get(which).add(run);
                    }
                    System.out.printf(Locale.ROOT, "  %-8s %-25s %9.0f frames/s  reader CPU %6.2f µs/frame  JVM CPU %6.2f µs/frame%n",
                            counted ? "run " + (i - warmup + 1) : "warm-up", run.reader(), run.framesPerSecond(),
                            run.readerCpuMicrosPerFrame(), run.processCpuMicrosPerFrame());
                }
            }
        } finally {
            // socat's log (SocatPtyPair) is the one file a run leaves there
            Files.deleteIfExists(dir.resolve("socat.log"));
            Files.deleteIfExists(dir);
        }

        double bareRate = median(measured.get(0), Run::framesPerSecond);
        double routeRate = median(measured.get(1), Run::framesPerSecond);
        System.out.println();
        System.out.println("Median of " + reps + " runs:");
        for (int r = 0; r < readers.size(); r++) {
            List<Run> runs = measured.get(r);
            System.out.printf(Locale.ROOT, "  %-25s %9.0f frames/s (min %.0f, max %.0f)  reader CPU %6.2f µs/frame  JVM CPU %6.2f µs/frame%n",
                    readers.get(r).name(), median(runs, Run::framesPerSecond),
                    runs.stream().mapToDouble(Run::framesPerSecond).min().orElse(0),
                    runs.stream().mapToDouble(Run::framesPerSecond).max().orElse(0),
                    median(runs, Run::readerCpuMicrosPerFrame), median(runs, Run::processCpuMicrosPerFrame));
        }
        // The comparison: frames through the serial link (transport + framing, the same work as the bare
        // loop: read, cut lines, checksum) against the bare loop. The route path adds the MT-SICS decoding, which the
        // bare loop does not do at all; its ratio is printed beside it, not hidden.
        double linkRate = median(measured.get(2), Run::framesPerSecond);
        double ratio = linkRate / bareRate;
        System.out.printf(Locale.ROOT, "RESULT serial: serial link / bare jSerialComm = %.3f (target >= 0.8): %s%n", ratio,
                ratio >= 0.8 ? "MET" : "NOT MET");
        System.out.printf(Locale.ROOT, "       route path with MT-SICS decoding / bare jSerialComm = %.3f (the bare loop decodes nothing)%n",
                routeRate / bareRate);
    }

    /** One reader on a fresh pty pair: open, start the writer, read every frame, stop. */
    static Run runOnce(Reader reader, Path dir, byte[] buffer, int frames) throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start(dir)) {
            try (ReadTask task = reader.open(pty.linkSide(), frames)) {
                CountDownLatch writerReady = new CountDownLatch(1);
                AtomicReference<Throwable> writerFailure = new AtomicReference<>();
                long[] writeStart = new long[1];
                Thread writer = new Thread(() -> {
                    try (OutputStream out = new FileOutputStream(pty.deviceSide().toFile())) {
                        writerReady.countDown();
                        writeStart[0] = System.nanoTime();
                        // Blocks whenever the pty buffer is full: the pty sets the pace.
                        for (int offset = 0; offset < buffer.length; offset += 4096) {
                            out.write(buffer, offset, Math.min(4096, buffer.length - offset));
                        }
                        out.flush();
                    } catch (Throwable t) {
                        writerFailure.set(t);
                        writerReady.countDown();
                    }
                }, "pty-writer");
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                long processBefore = OS.getProcessCpuTime();
                writer.start();
                writerReady.await();
                long checksum = task.readAll();
                long end = System.nanoTime();
                long readerCpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
                long processCpu = OS.getProcessCpuTime() - processBefore;
                writer.join(TimeUnit.SECONDS.toMillis(30));
                if (writerFailure.get() != null) {
                    throw new IllegalStateException("writer failed", writerFailure.get());
                }
                return new Run(reader.name(), frames, end - writeStart[0], readerCpu, processCpu, checksum);
            }
        }
    }

    /** Frames {@code S S  <value> g CR LF}, each value different, all the same length. */
    static byte[] frames(int count) {
        byte[] all = new byte[count * FRAME_LENGTH];
        for (int i = 0; i < count; i++) {
            String line = String.format(Locale.ROOT, "S S %13s g\r\n", valueOf(i).toPlainString());
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            if (bytes.length != FRAME_LENGTH) {
                throw new IllegalStateException("frame length " + bytes.length + ": " + line);
            }
            System.arraycopy(bytes, 0, all, i * FRAME_LENGTH, FRAME_LENGTH);
        }
        return all;
    }

    private static BigDecimal valueOf(int i) {
        return BigDecimal.valueOf(1_000_000L + i, 4); // 100.0000 g, 100.0001 g, ...
    }

    /** The sum of the values in units of 0.0001 g, which every reader must reproduce. */
    static long expectedChecksum(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += 1_000_000L + i;
        }
        return sum;
    }

    /** Open, read bytes, cut lines at LF, nothing else; the checksum parses the digits of each line by hand. */
    static final class BareJSerialComm implements Reader {
        @Override
        public String name() {
            return "bare jSerialComm loop";
        }

        @Override
        public ReadTask open(Path path, int frames) throws IOException {
            SerialPort port = SerialPort.getCommPort(path.toString());
            port.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
            if (!port.openPort()) {
                throw new IOException("cannot open " + path + ": error " + port.getLastErrorCode());
            }
            return new ReadTask() {
                @Override
                public long readAll() throws IOException {
                    byte[] buffer = new byte[512];
                    byte[] line = new byte[256];
                    int lineLength = 0;
                    int seen = 0;
                    long checksum = 0;
                    while (seen < frames) {
                        int n = port.readBytes(buffer, buffer.length);
                        if (n < 0) {
                            throw new IOException("port closed after " + seen + " frames");
                        }
                        for (int i = 0; i < n; i++) {
                            byte b = buffer[i];
                            line[lineLength++] = b;
                            if (b == '\n') {
                                byte[] frame = Arrays.copyOf(line, lineLength);
                                checksum += digits(frame);
                                lineLength = 0;
                                seen++;
                            }
                        }
                    }
                    return checksum;
                }

                @Override
                public void close() {
                    port.closePort();
                }
            };
        }

        /** The digits of the line as one number, i.e. the value in its last decimal. */
        static long digits(byte[] frame) {
            long v = 0;
            for (byte b : frame) {
                if (b >= '0' && b <= '9') {
                    v = v * 10 + (b - '0');
                }
            }
            return v;
        }
    }

    /** What a bench-device route does per frame: SerialLink.readFrame, a RawFrame, the MT-SICS codec. */
    static final class RoutePath implements Reader {
        @Override
        public String name() {
            return "SerialLink+framer+codec";
        }

        @Override
        public ReadTask open(Path path, int frames) throws IOException {
            MtSicsCodec codec = new MtSicsCodec();
            Link link = SerialLink.open(path.toString(), SETTINGS, codec.createFramer(TcpLink.DEFAULT_MAX_FRAME_LENGTH));
            return new ReadTask() {
                @Override
                public long readAll() throws IOException {
                    long checksum = 0;
                    Duration timeout = Duration.ofSeconds(10);
                    for (int seq = 1; seq <= frames; seq++) {
                        RawFrame frame = new RawFrame("bench", seq, Instant.now(), link.readFrame(timeout));
                        DeviceReading reading = codec.interpret(frame);
                        if (reading.status() != ReadingStatus.STABLE) {
                            throw new IOException("frame " + seq + " not understood: " + reading);
                        }
                        checksum += reading.value().movePointRight(4).longValueExact();
                    }
                    return checksum;
                }

                @Override
                public void close() {
                    link.close();
                }
            };
        }
    }

    /** SerialLink.readFrame alone: where the route path's time goes without the codec. */
    static final class LinkAndFramerOnly implements Reader {
        @Override
        public String name() {
            return "(SerialLink+framer only)";
        }

        @Override
        public ReadTask open(Path path, int frames) throws IOException {
            Link link = SerialLink.open(path.toString(), SETTINGS,
                    new MtSicsCodec().createFramer(TcpLink.DEFAULT_MAX_FRAME_LENGTH));
            return new ReadTask() {
                @Override
                public long readAll() throws IOException {
                    long checksum = 0;
                    Duration timeout = Duration.ofSeconds(10);
                    for (int seq = 1; seq <= frames; seq++) {
                        checksum += BareJSerialComm.digits(link.readFrame(timeout));
                    }
                    return checksum;
                }

                @Override
                public void close() {
                    link.close();
                }
            };
        }
    }

    private static <T> double median(List<T> runs, java.util.function.ToDoubleFunction<T> f) {
        double[] values = runs.stream().mapToDouble(f).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static int intArg(String[] args, String name, int defaultValue) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return defaultValue;
    }

    private SerialPathBenchmark() {
    }
}
