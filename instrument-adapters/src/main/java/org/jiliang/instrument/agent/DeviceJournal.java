package org.jiliang.instrument.agent;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable journal of one device: an append-only file of {@link JournalEntry} lines, each forced
 * to disk before {@link #append} returns, and the sequence acknowledged by the server in a second
 * file. Sequence numbers go on after a restart: the next one follows the highest of the journal's
 * last line, the acknowledged sequence and the floor the caller gives (what the server already holds).
 *
 * <p>A damaged line (a write torn by a power cut, a bad disk block) is never dropped silently: it is
 * copied byte for byte to {@code <device>.damaged}, reported in {@link #problems()}, and the journal
 * is rewritten without it. Acknowledged lines are removed by rewriting the file when they outnumber
 * the pending ones, so the journal stays about as large as what the server has not confirmed.
 */
public final class DeviceJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceJournal.class);
    /** Device codes as the server allows them; they become file names. */
    public static final Pattern DEVICE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final int MIN_COMPACTION = 1000;

    private final String device;
    private final Path file;
    private final Path ackFile;
    private final Path damagedFile;
    private final ArrayDeque<JournalEntry> pending = new ArrayDeque<>();
    private final List<String> problems = new ArrayList<>();
    private FileChannel channel;
    private long lastSequence;
    private long acknowledged;
    private long acknowledgedLinesInFile;

    private DeviceJournal(Path directory, String device) {
        this.device = device;
        this.file = directory.resolve(device + ".journal");
        this.ackFile = directory.resolve(device + ".acked");
        this.damagedFile = directory.resolve(device + ".damaged");
    }

    /**
     * Opens (or creates) the journal of a device in {@code directory}.
     *
     * @param sequenceFloor the highest sequence the server already holds for this device; the next
     *                      frame is numbered above it even if the local journal was lost
     */
    public static DeviceJournal open(Path directory, String device, long sequenceFloor) throws IOException {
        if (device == null || !DEVICE_CODE.matcher(device).matches()) {
            throw new IllegalArgumentException("Device code '" + device + "' is not valid for a journal file name");
        }
        Files.createDirectories(directory);
        DeviceJournal journal = new DeviceJournal(directory, device);
        journal.load(sequenceFloor);
        return journal;
    }

    private void load(long sequenceFloor) throws IOException {
        if (Files.exists(ackFile)) {
            String text = Files.readString(ackFile, StandardCharsets.US_ASCII).strip();
            try {
                acknowledged = Long.parseLong(text);
            } catch (NumberFormatException e) {
                // Without a trustworthy acknowledgement everything is sent again; the server skips duplicates.
                problems.add("acknowledgement file " + ackFile.getFileName() + " unreadable ('" + text
                        + "'); every journal entry will be sent again");
                acknowledged = 0;
            }
        }
        List<JournalEntry> kept = new ArrayList<>();
        List<byte[]> damaged = new ArrayList<>();
        if (Files.exists(file)) {
            byte[] content = Files.readAllBytes(file);
            int start = 0;
            int lineNumber = 0;
            while (start < content.length) {
                int end = start;
                while (end < content.length && content[end] != '\n') {
                    end++;
                }
                lineNumber++;
                boolean complete = end < content.length;
                String line = new String(content, start, end - start, StandardCharsets.ISO_8859_1);
                try {
                    if (!complete) {
                        throw new IllegalArgumentException("no line end (torn write)");
                    }
                    JournalEntry entry = JournalEntry.parse(device, line);
                    if (entry.sequence() <= lastSequence) {
                        throw new IllegalArgumentException("sequence " + entry.sequence() + " not above " + lastSequence);
                    }
                    lastSequence = entry.sequence();
                    kept.add(entry);
                } catch (IllegalArgumentException e) {
                    damaged.add(java.util.Arrays.copyOfRange(content, start, complete ? end + 1 : end));
                    problems.add("line " + lineNumber + " of " + file.getFileName() + " is damaged (" + e.getMessage()
                            + "); kept in " + damagedFile.getFileName());
                }
                start = end + 1;
            }
        }
        for (JournalEntry entry : kept) {
            if (entry.sequence() > acknowledged) {
                pending.add(entry);
            }
        }
        lastSequence = Math.max(Math.max(lastSequence, acknowledged), sequenceFloor);
        if (!damaged.isEmpty()) {
            try (FileChannel out = FileChannel.open(damagedFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                for (byte[] bytes : damaged) {
                    writeFully(out, ByteBuffer.wrap(bytes));
                    if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
                        writeFully(out, ByteBuffer.wrap(new byte[] {'\n'}));
                    }
                }
                out.force(true);
            }
            problems.forEach(p -> LOG.warn("Journal of {}: {}", device, p));
        }
        // Start from a clean file: the pending entries only, every damaged line moved aside.
        rewrite();
    }

    /** Appends a frame under the next sequence number; it is on disk when this returns. */
    public synchronized JournalEntry append(Instant receivedAt, byte[] raw, String status, BigDecimal value, String unit,
            String rejectReason) throws IOException {
        ensureOpen();
        JournalEntry entry = new JournalEntry(device, lastSequence + 1, receivedAt, raw, status, value, unit, rejectReason);
        long sizeBefore = channel.size();
        try {
            writeFully(channel, ByteBuffer.wrap(entry.toLine().getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
        } catch (IOException e) {
            // A half-written line would swallow the next one: cut it off, the frame is reported lost by the caller.
            try {
                channel.truncate(sizeBefore);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        lastSequence = entry.sequence();
        pending.add(entry);
        return entry;
    }

    /** Up to {@code max} entries the server has not acknowledged, oldest first. */
    public synchronized List<JournalEntry> pending(int max) {
        List<JournalEntry> result = new ArrayList<>(Math.min(max, pending.size()));
        for (JournalEntry entry : pending) {
            if (result.size() == max) {
                break;
            }
            result.add(entry);
        }
        return result;
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    /** The server holds every entry up to {@code sequence}: they leave the pending list, and later the file. */
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
        Files.move(tmp, ackFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        acknowledged = upTo;
        while (!pending.isEmpty() && pending.peekFirst().sequence() <= upTo) {
            pending.removeFirst();
            acknowledgedLinesInFile++;
        }
        if (acknowledgedLinesInFile >= Math.max(MIN_COMPACTION, pending.size())) {
            rewrite();
        }
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

    /** Replaces the file by the pending entries only (written aside, forced, then moved over the old one). */
    private void rewrite() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (JournalEntry entry : pending) {
                writeFully(out, ByteBuffer.wrap(entry.toLine().getBytes(StandardCharsets.US_ASCII)));
            }
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        acknowledgedLinesInFile = 0;
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void ensureOpen() throws IOException {
        if (channel == null) {
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
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
