package org.jiliang.instrument.camel;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceIdentity;
import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.Link;

/**
 * The link of one running consumer, shared with producers for the same device so that a device with
 * a single port (every serial device, many serial device servers) is opened once. One request at a
 * time: the consumer's poll and a producer's command never interleave on the wire, which MT-SICS
 * devices require (protocols.md 4.1).
 */
final class DeviceSession {

    /** Receives frames the device sent that nobody was waiting for, with the framer's problem (see {@link Link#lastFrameProblem()}). */
    interface FrameSink {
        void accept(byte[] frame, String framingProblem);
    }


    private final BenchDeviceEndpoint endpoint;
    private final String owner;
    private final String serialPortKey;
    private final FrameSink unsolicited;
    private final LinkReporter links;
    private final ReentrantLock oneRequestAtATime = new ReentrantLock();
    private volatile Link link;
    private volatile boolean closed;

    /** @param links told each connect and the identity read after it; identity replies go to {@code unsolicited} as frames */
    DeviceSession(BenchDeviceEndpoint endpoint, String owner, FrameSink unsolicited, LinkReporter links) {
        this.endpoint = endpoint;
        this.owner = owner;
        this.unsolicited = unsolicited;
        this.links = links;
        BenchDeviceConfiguration configuration = endpoint.getConfiguration();
        this.serialPortKey = configuration.isSerial() ? DeviceOwners.serialPortKey(configuration.getSerialPort()) : null;
    }

    String deviceId() {
        return endpoint.getConfiguration().getDeviceId();
    }

    /** Who owns the device, for messages: the route and endpoint. */
    String owner() {
        return owner;
    }

    String serialPortKey() {
        return serialPortKey;
    }

    ReentrantLock lock() {
        return oneRequestAtATime;
    }

    boolean isOpen() {
        Link current = link;
        return current != null && current.isOpen();
    }

    /** Bytes read so far on the link open now (framed or not); 0 when none is open. */
    long bytesReceived() {
        Link current = link;
        return current == null ? 0 : current.bytesReceived();
    }

    /**
     * The open link, opening it (asking the device who it is, then sending the start command) if needed.
     * Call with the lock held.
     *
     * @return the link, and whether it was opened just now
     */
    Link openIfNeeded(Runnable onOpened) throws IOException {
        Link current = link;
        if (current != null) {
            return current;
        }
        current = endpoint.openLink();
        link = current;
        if (closed) {
            // close() ran while opening and could not see this link yet.
            closeLink();
            throw new IOException("bench device " + deviceId() + " is stopping");
        }
        links.connected(current::bytesReceived);
        askIdentity(current);
        String startCommand = endpoint.getConfiguration().getStartCommand();
        if (startCommand != null && !startCommand.isBlank()) {
            current.send(endpoint.getCodec().encodeCommand(startCommand));
        }
        onOpened.run();
        return current;
    }

    /**
     * Sends the protocol's identity commands one at a time, before anything else on a new connection, and
     * hands every reply to the frame sink (each is an original record). An unanswered command fails the
     * connection like an unanswered poll: its late answer would otherwise be taken for the next one.
     */
    private void askIdentity(Link current) throws IOException {
        DeviceCodec<?> codec = endpoint.getCodec();
        DeviceIdentity identity = DeviceIdentity.UNKNOWN;
        for (String command : codec.identityCommands()) {
            current.send(codec.encodeCommand(command));
            byte[] reply = awaitAnswer(current, endpoint.getConfiguration());
            unsolicited.accept(reply, current.lastFrameProblem());
            // a fragment cut off by a restart may precede the answer: the answer is the last piece
            List<byte[]> pieces = codec.split(reply);
            DeviceIdentity before = identity;
            identity = codec.identityIn(pieces.get(pieces.size() - 1)).map(before::with).orElse(before);
        }
        links.identityRead(identity, !codec.identityCommands().isEmpty());
    }

    /**
     * The answer to a poll or an identity command: it may take longer than readTimeout as long as its
     * bytes keep arriving (no readTimeout without a byte), up to
     * {@value BenchDeviceConsumer#MAX_REPLY_TIMEOUTS} readTimeouts in all.
     */
    static byte[] awaitAnswer(Link link, BenchDeviceConfiguration configuration) throws IOException {
        long deadline = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(configuration.getReadTimeout() * BenchDeviceConsumer.MAX_REPLY_TIMEOUTS);
        long seen = link.bytesReceived();
        while (true) {
            try {
                return link.readFrame(configuration.readTimeout());
            } catch (FrameTimeoutException e) {
                long received = link.bytesReceived();
                if (received == seen || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                seen = received;
            }
        }
    }

    /** Hands frames that already arrived to the sink, so none passes for the answer to what is sent next. Lock held. */
    void drainUnsolicited(Link current) throws IOException {
        for (Optional<byte[]> frame = current.readAvailableFrame(); frame.isPresent(); frame = current.readAvailableFrame()) {
            unsolicited.accept(frame.get(), current.lastFrameProblem());
        }
    }

    /**
     * Sends a command for a producer over the consumer's link and returns the answer, or {@code null}
     * if none is expected or the consumer streams (its answer then arrives in the stream).
     *
     * @throws IOException if the device is not connected now, the link is busy too long or fails
     */
    byte[] request(byte[] command, boolean expectReply, Duration timeout) throws IOException {
        try {
            if (!oneRequestAtATime.tryLock(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                throw new IOException("bench device " + deviceId() + " is busy; no turn within " + timeout.toMillis() * 2 + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for bench device " + deviceId(), e);
        }
        try {
            Link current = link;
            if (current == null || closed) {
                throw new IOException("bench device " + deviceId() + " at " + endpoint.getConfiguration().peer()
                        + " is not connected right now; its consumer is reconnecting");
            }
            try {
                drainUnsolicited(current);
                current.send(command);
                if (!expectReply || endpoint.getConfiguration().isStreaming()) {
                    return null;
                }
                return current.readFrame(timeout);
            } catch (IOException e) {
                // A late answer would be taken for the answer to the next poll: start afresh.
                closeLink();
                throw e;
            }
        } finally {
            oneRequestAtATime.unlock();
        }
    }

    /** Closes the link (without the lock: a blocked read ends at once); the consumer reopens it. */
    Link closeLink() {
        Link current = link;
        link = null;
        if (current != null) {
            current.close();
        }
        return current;
    }

    /** Tells the link listener that the link failed or could not be opened. Reading thread only. */
    void linkFailed(Exception e) {
        links.failed(e);
    }

    /**
     * Closes the link for good. The link is closed but not forgotten: the reader takes from it the
     * bytes of a line the stop cut short (issue 9), then forgets it with {@link #closeLink()}.
     */
    void close() {
        closed = true;
        Link current = link;
        if (current != null) {
            current.close();
        }
    }
}
