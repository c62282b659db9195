package org.jiliang.instrument.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The journal directory of one bench agent: a {@link DeviceJournal} per device, locked so that two
 * agents never write the same journal, and a signal that wakes the forwarder when a frame arrives.
 */
public final class BenchJournal implements AutoCloseable {

    private final Path directory;
    private final long maxBytesPerDevice;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, DeviceJournal> devices = new ConcurrentHashMap<>();
    private final ReentrantLock signalLock = new ReentrantLock();
    private final Condition appended = signalLock.newCondition();
    private long appends;
    private int turn;

    private BenchJournal(Path directory, long maxBytesPerDevice, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.maxBytesPerDevice = maxBytesPerDevice;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens the journal directory with the default cap per device; see {@link #open(Path, long)}. */
    public static BenchJournal open(Path directory) throws IOException {
        return open(directory, DeviceJournal.DEFAULT_MAX_BYTES);
    }

    /**
     * Opens the journal directory, creating it if needed.
     *
     * @param maxBytesPerDevice the cap on the unsent frames of each device's journal
     * @throws IOException if another agent holds it
     */
    public static BenchJournal open(Path directory, long maxBytesPerDevice) throws IOException {
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(directory.resolve("agent.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM
        }
        if (lock == null) {
            channel.close();
            throw new IOException("The journal " + directory.toAbsolutePath() + " is in use by another bench agent");
        }
        return new BenchJournal(directory, maxBytesPerDevice, channel, lock);
    }

    /** The journal of a device, opened on first use; see {@link DeviceJournal#open}. */
    public synchronized DeviceJournal device(String code, long sequenceFloor) throws IOException {
        DeviceJournal journal = devices.get(code);
        if (journal == null) {
            journal = DeviceJournal.open(directory, code, sequenceFloor, maxBytesPerDevice);
            devices.put(code, journal);
        }
        return journal;
    }

    /** The journal of a device already opened, or {@code null}. */
    public DeviceJournal opened(String code) {
        return devices.get(code);
    }

    /**
     * Up to {@code max} unacknowledged entries of one device, oldest first, taking the devices in
     * turn so that none waits behind another; only devices {@code eligible} says yes to.
     */
    public List<JournalEntry> nextBatch(int max, Predicate<String> eligible) {
        return nextBatch(device -> max, eligible);
    }

    /**
     * Up to {@code maxFor(device)} unacknowledged entries of one device, oldest first, taking the
     * devices in turn; only devices {@code eligible} says yes to.
     */
    public synchronized List<JournalEntry> nextBatch(ToIntFunction<String> maxFor, Predicate<String> eligible) {
        List<DeviceJournal> all = devices.values().stream()
                .sorted((a, b) -> a.device().compareTo(b.device())).toList();
        for (int i = 0; i < all.size(); i++) {
            DeviceJournal journal = all.get((turn + i) % all.size());
            if (journal.pendingCount() > 0 && eligible.test(journal.device())) {
                turn = (turn + i + 1) % all.size();
                return journal.pending(maxFor.applyAsInt(journal.device()));
            }
        }
        return List.of();
    }

    public long pendingCount() {
        return devices.values().stream().mapToLong(DeviceJournal::pendingCount).sum();
    }

    /** The journals of the devices opened so far. */
    public java.util.Collection<DeviceJournal> opened() {
        return List.copyOf(devices.values());
    }

    /** Wakes whoever waits in {@link #awaitAppend}; called after each append. */
    public void signalAppend() {
        signalLock.lock();
        try {
            appends++;
            appended.signalAll();
        } finally {
            signalLock.unlock();
        }
    }

    /** Waits until something is appended or the time is up. */
    public void awaitAppend(long millis) throws InterruptedException {
        signalLock.lock();
        try {
            long seen = appends;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (appends == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                appended.awaitNanos(left);
            }
        } finally {
            signalLock.unlock();
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (DeviceJournal journal : devices.values()) {
            try {
                journal.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        lock.release();
        lockChannel.close();
        if (failure != null) {
            throw failure;
        }
    }
}
