package org.jiliang.instrument.agent;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.jiliang.instrument.reading.Answered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable journal of one device: an append-only file of {@link JournalEntry} lines, each forced
 * to disk before {@link #append} returns, and the sequence acknowledged by the server in a second
 * file. Sequence numbers go on after a restart: the next one follows the highest of the journal's
 * last line, the acknowledged sequence and the floor the caller gives (what the server already holds).
 *
 * <p>Frames waiting to be sent stay on disk: {@link #pending} reads the next batch from the file, so
 * the memory the journal needs does not grow with the frames it holds (a weekend's outage of a
 * streaming device is millions of frames). The journal has a cap ({@link #maxBytes()}) on the frames it
 * holds unsent; {@link #full()} says when it is reached, and the agent then stops reading the device
 * rather than drop anything the journal holds.
 *
 * <p>A damaged line (a write torn by a power cut, a bad disk block) is never dropped silently: it is
 * copied byte for byte to {@code <device>.damaged}, reported in {@link #problems()}, and the journal
 * is rewritten without it. A frame the server refuses for good is moved to {@code <device>.quarantine}
 * with the server's reason ({@link #quarantine}). Acknowledged lines are removed by rewriting the file
 * when they outnumber the pending ones, so the journal stays about as large as what the server has not
 * confirmed. Every file replaced by a rename is followed by a forced directory ({@link Durable}).
 */
public final class DeviceJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceJournal.class);
    /** Device codes as the server allows them; they become file names. */
    public static final Pattern DEVICE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    /** The default cap on the frames a device's journal holds unsent: 512 MiB, some 5 million frames. */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;
    /** Reading resumes once the unsent frames are below this share of the cap. */
    static final double RESUME_AT = 0.9;
    private static final int MIN_COMPACTION = 1000;
    /** Far above any real line (frames are at most 256 bytes, so about 600 characters in a line). */
    static final int MAX_LINE = 64 * 1024;
    private static final int MAX_PROBLEMS_LISTED = 20;

    private final String device;
    private final Path file;
    private final Path ackFile;
    private final Path damagedFile;
    private final Path quarantineFile;
    private final long maxBytes;
    private final List<String> problems = new ArrayList<>();
    private FileChannel appendChannel;
    private FileChannel readChannel;
    private long lastSequence;
    private long acknowledged;
    /** Bytes in the file; new lines go here. */
    private long size;
    /** Where the first line not acknowledged starts; before it, acknowledged lines wait to be trimmed. */
    private long pendingStart;
    private long pendingCount;
    private long acknowledgedLinesInFile;
    private long quarantined;

    private DeviceJournal(Path directory, String device, long maxBytes) {
        this.device = device;
        this.file = directory.resolve(device + ".journal");
        this.ackFile = directory.resolve(device + ".acked");
        this.damagedFile = directory.resolve(device + ".damaged");
        this.quarantineFile = directory.resolve(device + ".quarantine");
        this.maxBytes = maxBytes;
    }

    /** Opens (or creates) the journal of a device with the default cap; see {@link #open(Path, String, long, long)}. */
    public static DeviceJournal open(Path directory, String device, long sequenceFloor) throws IOException {
        return open(directory, device, sequenceFloor, DEFAULT_MAX_BYTES);
    }

    /**
     * Opens (or creates) the journal of a device in {@code directory}.
     *
     * @param sequenceFloor the highest sequence the server already holds for this device; the next
     *                      frame is numbered above it even if the local journal was lost
     * @param maxBytes      the cap on the unsent frames this journal holds, in bytes of the file
     */
    public static DeviceJournal open(Path directory, String device, long sequenceFloor, long maxBytes)
            throws IOException {
        if (device == null || !DEVICE_CODE.matcher(device).matches()) {
            throw new IllegalArgumentException("Device code '" + device + "' is not valid for a journal file name");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("The journal cap must be positive, was " + maxBytes);
        }
        Files.createDirectories(directory);
        DeviceJournal journal = new DeviceJournal(directory, device, maxBytes);
        journal.load(sequenceFloor);
        return journal;
    }

    /**
     * Reads the journal once, front to back, and writes it again clean: the lines not acknowledged,
     * in order; damaged lines go to the damaged file, acknowledged ones are left out.
     */
    private void load(long sequenceFloor) throws IOException {
        if (Files.exists(ackFile)) {
            String text = Files.readString(ackFile, StandardCharsets.US_ASCII).strip();
            try {
                acknowledged = Long.parseLong(text);
            } catch (NumberFormatException e) {
                // Without a trustworthy acknowledgement everything is sent again; the server skips duplicates.
                problem("acknowledgement file " + ackFile.getFileName() + " unreadable ('" + text
                        + "'); every journal entry will be sent again");
                acknowledged = 0;
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        long damagedLines = 0;
        try (FileChannel tmpChannel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream clean = new BufferedOutputStream(Channels.newOutputStream(tmpChannel), 1 << 16);
                DamagedSink damaged = new DamagedSink(damagedFile)) {
            if (Files.exists(file)) {
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    JournalLines lines = new JournalLines(Channels.newInputStream(in), MAX_LINE);
                    long lineNumber = 0;
                    for (JournalLines.Line line = lines.next(damaged::stream); line != null;
                            line = lines.next(damaged::stream)) {
                        lineNumber++;
                        String why = null;
                        JournalEntry entry = null;
                        if (line.overlong()) {
                            why = "longer than " + MAX_LINE + " bytes";
                        } else if (!line.complete()) {
                            why = "no line end (torn write)";
                        } else {
                            try {
                                entry = JournalEntry.parse(device, new String(line.bytes(), StandardCharsets.ISO_8859_1));
                                if (entry.sequence() <= lastSequence) {
                                    why = "sequence " + entry.sequence() + " not above " + lastSequence;
                                }
                            } catch (IllegalArgumentException e) {
                                why = e.getMessage();
                            }
                        }
                        if (why != null) {
                            damagedLines++;
                            if (!line.overlong()) {
                                damaged.write(line.bytes(), true);
                            } else if (!line.complete()) {
                                damaged.write(new byte[0], true);
                            }
                            problem("line " + lineNumber + " of " + file.getFileName() + " is damaged (" + why
                                    + "); kept in " + damagedFile.getFileName());
                            continue;
                        }
                        lastSequence = entry.sequence();
                        if (entry.sequence() > acknowledged) {
                            clean.write(line.bytes());
                            clean.write('\n');
                            pendingCount++;
                            size += line.bytes().length + 1;
                        }
                    }
                }
            }
            clean.flush();
            tmpChannel.force(true);
            damaged.force();
        }
        if (damagedLines > MAX_PROBLEMS_LISTED) {
            problems.add("... " + damagedLines + " damaged lines in all, every one kept in " + damagedFile.getFileName());
        }
        lastSequence = Math.max(Math.max(lastSequence, acknowledged), sequenceFloor);
        problems.forEach(p -> LOG.warn("Journal of {}: {}", device, p));
        // Start from a clean file: the pending entries only, every damaged line moved aside.
        Durable.replace(tmp, file);
        openChannels();
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS_LISTED) {
            problems.add(text);
        }
    }

    /** Appends a frame under the next sequence number; it is on disk when this returns. */
    public JournalEntry append(Instant receivedAt, byte[] raw, String status, BigDecimal value, String unit,
            String rejectReason) throws IOException {
        return append(receivedAt, raw, status, value, unit, rejectReason, null);
    }

    /** As {@link #append(Instant, byte[], String, BigDecimal, String, String)}, with what the frame answers ({@code null}: nothing known). */
    public synchronized JournalEntry append(Instant receivedAt, byte[] raw, String status, BigDecimal value, String unit,
            String rejectReason, Answered answered) throws IOException {
        ensureOpen();
        JournalEntry entry = new JournalEntry(device, lastSequence + 1, receivedAt, raw, status, value, unit, rejectReason,
                answered);
        byte[] line = entry.toLine().getBytes(StandardCharsets.US_ASCII);
        try {
            writeFully(appendChannel, ByteBuffer.wrap(line));
            appendChannel.force(false);
        } catch (IOException e) {
            // A half-written line would swallow the next one: cut it off, the frame is reported lost by the caller.
            try {
                appendChannel.truncate(size);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        size += line.length;
        lastSequence = entry.sequence();
        pendingCount++;
        return entry;
    }

    /** Up to {@code max} entries the server has not acknowledged, oldest first, read from the file. */
    public synchronized List<JournalEntry> pending(int max) {
        List<JournalEntry> result = new ArrayList<>(Math.min(max, (int) Math.min(pendingCount, 1024)));
        if (pendingCount == 0 || max <= 0) {
            return result;
        }
        try {
            ensureOpen();
            JournalLines lines = linesFrom(pendingStart);
            for (JournalLines.Line line = lines.next(NoOverlongLines::refuse); line != null
                    && result.size() < max; line = lines.next(NoOverlongLines::refuse)) {
                if (!line.complete()) {
                    break; // only while an append is half done; cannot happen under this lock
                }
                result.add(JournalEntry.parse(device, new String(line.bytes(), StandardCharsets.ISO_8859_1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the journal of " + device + " failed", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The journal of " + device + " was damaged after it was opened (" + e.getMessage()
                    + "); restart the agent to move the damaged line aside", e);
        }
        return result;
    }

    public synchronized long pendingCount() {
        return pendingCount;
    }

    /** Bytes of the frames not acknowledged yet: what counts against the cap. */
    public synchronized long pendingBytes() {
        return size - pendingStart;
    }

    /** The cap on {@link #pendingBytes()}. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Whether the frames waiting have reached the cap: the agent stops reading the device. */
    public synchronized boolean full() {
        return pendingBytes() >= maxBytes;
    }

    /** Whether the frames waiting have fallen far enough below the cap for reading to resume. */
    public synchronized boolean roomAgain() {
        return pendingBytes() < (long) (maxBytes * RESUME_AT);
    }

    /** The server holds every entry up to {@code sequence}: they leave the pending part, and later the file. */
    public synchronized void acknowledge(long sequence) throws IOException {
        ensureOpen();
        if (sequence <= acknowledged) {
            return;
        }
        long upTo = Math.min(sequence, lastSequence);
        Path tmp = ackFile.resolveSibling(ackFile.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, ByteBuffer.wrap((upTo + "\n").getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
        }
        Durable.replace(tmp, ackFile);
        acknowledged = upTo;
        // Move the start of the pending part past the acknowledged lines.
        JournalLines lines = linesFrom(pendingStart);
        long start = pendingStart;
        for (JournalLines.Line line = lines.next(NoOverlongLines::refuse); line != null && line.complete();
                line = lines.next(NoOverlongLines::refuse)) {
            if (sequenceOf(line.bytes()) > upTo) {
                break;
            }
            start += line.length();
            pendingCount--;
            acknowledgedLinesInFile++;
        }
        pendingStart = start;
        if (acknowledgedLinesInFile >= Math.max(MIN_COMPACTION, pendingCount)) {
            trim();
        }
    }

    /**
     * Moves a frame the server refused for good out of the way: its journal line, unchanged, goes to
     * {@code <device>.quarantine} after a comment line with the time and the server's reason, forced to
     * disk. The caller then acknowledges it, so it is not sent again and the device's next frames go on.
     */
    public synchronized void quarantine(JournalEntry entry, String reason, Instant at) throws IOException {
        ensureOpen();
        boolean created = !Files.exists(quarantineFile);
        String comment = "# " + at + " refused by the server: " + oneLine(reason) + "\n";
        try (FileChannel out = FileChannel.open(quarantineFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            writeFully(out, ByteBuffer.wrap(comment.getBytes(StandardCharsets.UTF_8)));
            writeFully(out, ByteBuffer.wrap(entry.toLine().getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
        }
        if (created) {
            Durable.syncDirectory(quarantineFile.toAbsolutePath().getParent());
        }
        quarantined++;
        LOG.error("Frame {} of {} is refused by the server for good ({}); it is kept in {} and the device's next"
                + " frames go on", entry.sequence(), device, oneLine(reason), quarantineFile.getFileName());
    }

    /** Frames moved to the quarantine file since the journal was opened. */
    public synchronized long quarantined() {
        return quarantined;
    }

    private static String oneLine(String text) {
        return text == null ? "(no reason given)" : text.replaceAll("[\\r\\n]+", " ").strip();
    }

    public synchronized long lastSequence() {
        return lastSequence;
    }

    public synchronized long acknowledged() {
        return acknowledged;
    }

    public String device() {
        return device;
    }

    /** What was found damaged when the journal was opened; empty when all was well. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Replaces the file by its pending part (copied aside, forced, renamed over the old one). */
    private void trim() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long position = pendingStart;
            while (position < size) {
                position += readChannel.transferTo(position, size - position, out);
            }
            out.force(true);
        }
        closeChannels();
        Durable.replace(tmp, file);
        size -= pendingStart;
        pendingStart = 0;
        acknowledgedLinesInFile = 0;
        openChannels();
    }

    private JournalLines linesFrom(long position) throws IOException {
        readChannel.position(position);
        return new JournalLines(Channels.newInputStream(readChannel), MAX_LINE);
    }

    /** The sequence at the start of a journal line, which was checked when it was written or loaded. */
    private static long sequenceOf(byte[] line) {
        long n = 0;
        for (byte b : line) {
            if (b == '\t') {
                return n;
            }
            n = n * 10 + (b - '0');
        }
        throw new IllegalStateException("journal line without fields");
    }

    private void openChannels() throws IOException {
        appendChannel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        readChannel = FileChannel.open(file, StandardOpenOption.READ);
        size = appendChannel.size();
    }

    private void closeChannels() throws IOException {
        try {
            if (appendChannel != null) {
                appendChannel.close();
            }
        } finally {
            appendChannel = null;
            if (readChannel != null) {
                readChannel.close();
                readChannel = null;
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (appendChannel == null) {
            throw new IOException("journal of " + device + " is closed");
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeChannels();
    }

    /** Lines past the pending start were checked already: one longer than the limit means damage since. */
    private static final class NoOverlongLines {
        static OutputStream refuse() {
            throw new IllegalArgumentException("a line longer than " + MAX_LINE + " bytes");
        }
    }

    /** The damaged file, opened only when there is damage, appended to byte for byte. */
    private static final class DamagedSink implements AutoCloseable {
        private final Path path;
        private FileChannel channel;
        private OutputStream out;

        DamagedSink(Path path) {
            this.path = path;
        }

        OutputStream stream() {
            try {
                if (out == null) {
                    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                    out = new BufferedOutputStream(Channels.newOutputStream(channel));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A damaged line; with {@code lineEnd}, an LF after it (a torn line has none of its own). */
        void write(byte[] bytes, boolean lineEnd) throws IOException {
            OutputStream o = stream();
            o.write(bytes);
            if (lineEnd) {
                o.write('\n');
            }
        }

        void force() throws IOException {
            if (out != null) {
                out.flush();
                channel.force(true);
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }
}
