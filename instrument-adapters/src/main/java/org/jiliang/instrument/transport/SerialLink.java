package org.jiliang.instrument.transport;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * A serial port (RS-232, USB adapter, or a pty such as one end of a socat pair) opened through
 * jSerialComm by its path, symlinks included, and read as frames.
 *
 * <p>The port is opened exclusively: a second open of the same device, from this JVM or another
 * process, fails with {@link PortInUseException}. Reads use {@code TIMEOUT_READ_SEMI_BLOCKING} in
 * short slices, so {@link #close()} from another thread ends a blocked read within one slice. No
 * jSerialComm event listener is used: killing the other end of a pty makes the library fire its
 * disconnect event hundreds of times in a tight loop (stack-notes §5), whereas a read simply
 * returns −1, which this link reports as {@link EOFException}.
 *
 * <p>jSerialComm extracts its native library to {@code /tmp/jSerialComm/<version>/} (or
 * {@code ~/.jSerialComm/}); that directory must be writable.
 */
public final class SerialLink implements Link {

    /** How long one native read may block; bounds how late a close or a deadline is noticed. */
    static final int READ_SLICE_MILLIS = 100;
    private static final int EWOULDBLOCK = 11;
    private static final int EACCES = 13;

    /** Real device paths (e.g. {@code /dev/pts/3}) opened by a link of this JVM. */
    private static final Set<String> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final SerialPort port;
    private final String path;
    private final String devicePath;
    private final Framer framer;
    private final byte[] buffer = new byte[512];
    // Written by the reading thread only; volatile so a consumer's liveness check may read it from elsewhere.
    private volatile long bytesReceived;
    // Held around each native call, so close() never frees the port under a read in progress.
    private final ReentrantLock nativeCall = new ReentrantLock();
    private volatile boolean closed;

    private SerialLink(SerialPort port, String path, String devicePath, Framer framer) {
        this.port = port;
        this.path = path;
        this.devicePath = devicePath;
        this.framer = framer;
    }

    /**
     * Opens a port by path, e.g. {@code /dev/ttyUSB0}, {@code /dev/pts/4} or a symlink such as
     * {@code /tmp/ttyA}. Ports are configured by path because ptys are not listed by
     * {@code SerialPort.getCommPorts()}.
     *
     * @throws java.nio.file.NoSuchFileException if nothing exists at the path
     * @throws PortInUseException                if the port is already open in this JVM or held by another process
     * @throws IOException                       if the port cannot be opened or configured for another reason
     */
    public static SerialLink open(String path, SerialSettings settings, Framer framer) throws IOException {
        return open(path, settings, FlowControl.NONE, framer);
    }

    /** Opens a port as {@link #open(String, SerialSettings, Framer)} does, with that flow control. */
    public static SerialLink open(String path, SerialSettings settings, FlowControl flowControl, Framer framer)
            throws IOException {
        Objects.requireNonNull(flowControl, "flowControl");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(framer, "framer");
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(path, null, "serial port does not exist");
        }
        String devicePath = file.toRealPath().toString();
        if (!OPEN_IN_THIS_JVM.add(devicePath)) {
            throw new PortInUseException("serial port " + describe(path, devicePath)
                    + " is already open in this JVM; a port has one owner at a time");
        }
        try {
            SerialPort port = SerialPort.getCommPort(path);
            port.setComPortParameters(settings.baudRate(), settings.dataBits(), settings.stopBits().jSerialCommCode(),
                    settings.parity().jSerialCommCode());
            port.setFlowControl(flowControl.jSerialCommCode());
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_SLICE_MILLIS, 0);
            if (!port.openPort()) {
                throw openFailure(port, path, devicePath);
            }
            // Bytes still in the OS buffer answer an earlier request; they must not pass for the next answer.
            port.flushIOBuffers();
            return new SerialLink(port, path, devicePath, framer);
        } catch (SerialPortInvalidPortException e) {
            OPEN_IN_THIS_JVM.remove(devicePath);
            throw new IOException("serial port " + describe(path, devicePath) + " is not usable: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            OPEN_IN_THIS_JVM.remove(devicePath);
            throw e;
        }
    }

    private static IOException openFailure(SerialPort port, String path, String devicePath) {
        int errno = port.getLastErrorCode();
        String where = "serial port " + describe(path, devicePath);
        if (errno == EWOULDBLOCK) {
            return new PortInUseException(where + " is held by another process (exclusive open refused)");
        }
        if (errno == EACCES) {
            return new IOException(where + " cannot be opened: permission denied");
        }
        return new PortInUseException(where + " cannot be opened: it is probably in use by another process"
                + " (jSerialComm error " + errno + " at " + port.getLastErrorLocation() + ")");
    }

    private static String describe(String path, String devicePath) {
        return path.equals(devicePath) ? path : path + " (" + devicePath + ")";
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        int written;
        nativeCall.lock();
        try {
            ensureNotClosed();
            written = port.writeBytes(bytes, bytes.length);
        } finally {
            nativeCall.unlock();
        }
        if (written != bytes.length) {
            ensureNotClosed();
            throw new EOFException(gone() + " (write returned " + written + ", error " + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public byte[] readFrame(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<byte[]> frame = framer.nextFrame();
            if (frame.isPresent()) {
                return frame.get();
            }
            ensureNotClosed();
            if (deadline - System.nanoTime() <= 0) {
                throw new FrameTimeoutException(peer(), timeout);
            }
            int count;
            nativeCall.lock();
            try {
                ensureNotClosed();
                count = port.readBytes(buffer, buffer.length);
            } finally {
                nativeCall.unlock();
            }
            if (count < 0) {
                ensureNotClosed();
                throw new EOFException(gone());
            }
            bytesReceived += count;
            framer.feed(buffer, 0, count);
        }
    }

    @Override
    public Optional<byte[]> readAvailableFrame() throws IOException {
        while (!framer.hasFrame()) {
            int count;
            nativeCall.lock();
            try {
                ensureNotClosed();
                int available = port.bytesAvailable();
                if (available < 0) {
                    throw new EOFException(gone());
                }
                if (available == 0) {
                    break;
                }
                count = port.readBytes(buffer, Math.min(available, buffer.length));
            } finally {
                nativeCall.unlock();
            }
            if (count < 0) {
                throw new EOFException(gone());
            }
            bytesReceived += count;
            framer.feed(buffer, 0, count);
        }
        return framer.nextFrame();
    }

    @Override
    public long bytesReceived() {
        return bytesReceived;
    }

    @Override
    public String lastFrameProblem() {
        return framer.lastFrameProblem();
    }

    @Override
    public byte[] takePendingBytes() {
        return framer.takePending();
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public String peer() {
        return "serial:" + path;
    }

    /** The device the path resolves to, e.g. {@code /dev/pts/3} for a socat link. */
    public String devicePath() {
        return devicePath;
    }

    /**
     * Closes the port. Waits briefly for a read in progress on another thread to finish its
     * slice; a read that does not return (seen on a pty whose peer vanished: the native read
     * ignores its timeout) is unblocked by closing the port under it, which jSerialComm allows.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean locked = false;
        try {
            locked = nativeCall.tryLock(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            port.closePort();
        } finally {
            if (locked) {
                nativeCall.unlock();
            }
            OPEN_IN_THIS_JVM.remove(devicePath);
        }
    }

    private static final long CLOSE_WAIT_MILLIS = 500;

    private void ensureNotClosed() throws IOException {
        if (closed) {
            throw new IOException("serial link " + path + " was closed");
        }
    }

    private String gone() {
        return "serial port " + describe(path, devicePath) + " is gone (pty closed, device unplugged or port failed)";
    }
}
