package org.jiliang.instrument.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A byte connection to one bench device, read as frames: TCP ({@link TcpLink}) or a serial port
 * ({@link SerialLink}). Codecs do not care which.
 *
 * <p>One thread sends and reads; {@link #close()} may be called from any thread and makes a blocked
 * read fail promptly, which is how a consumer is stopped.
 */
public interface Link extends AutoCloseable {

    void send(byte[] bytes) throws IOException;

    /**
     * The next frame as the framer cut it; an over-long line comes back as the bytes read so far.
     *
     * @throws FrameTimeoutException if no complete frame arrives in time (bytes of a partial frame stay buffered)
     * @throws java.io.EOFException  if the peer went away (connection closed, pty gone, device unplugged)
     * @throws IOException           on any other failure, including {@link #close()} from another thread
     */
    byte[] readFrame(Duration timeout) throws IOException;

    /**
     * A frame that has already arrived, without waiting. Lets a poller pick up lines the device sent
     * on its own (e.g. after a print key) so they are not mistaken for the answer to the next poll.
     */
    Optional<byte[]> readAvailableFrame() throws IOException;

    /** Removes and returns the bytes of an unfinished frame, e.g. to keep them as a record when the link dies. */
    byte[] takePendingBytes();

    /**
     * How many bytes this link has read from the device since it was opened, whether or not they made a
     * complete frame yet. A reader judges silence by this count, not by frames: a line arriving byte by
     * byte is a live device (issue 9).
     */
    long bytesReceived();

    /**
     * Why the frame {@link #readFrame} or {@link #readAvailableFrame} handed out last is not a whole line
     * although its bytes are all there, e.g. "part 2 of a line longer than 16384 bytes: no terminator
     * within the limit"; {@code null} for an ordinary frame. See {@link Framer#lastFrameProblem()}.
     */
    String lastFrameProblem();

    /** Whether this side has not closed the link. A dead peer is only noticed by reading or writing. */
    boolean isOpen();

    /** Where the link goes, for messages: {@code host:port} or {@code serial:/dev/ttyUSB0}. */
    String peer();

    @Override
    void close();
}
