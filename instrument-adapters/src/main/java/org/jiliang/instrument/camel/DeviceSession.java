package org.jiliang.instrument.camel;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceDialogue;
import org.jiliang.instrument.reading.DeviceReading;
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

        /**
         * A frame of a conversation, which arrived at {@code receivedAt} (it is handed on only once the error queue
         * has been read): {@code reading} reads it (its last piece, if the codec splits it), or the codec alone if
         * {@code null}, unless a framing problem makes it malformed anyway.
         */
        default void accept(byte[] frame, String framingProblem, Instant receivedAt, Function<RawFrame, DeviceReading> reading) {
            accept(frame, framingProblem);
        }

        /**
         * As {@link #accept(byte[], String, Instant, Function)}, with what the frame answers ({@code null} if it
         * cannot be told: a frame nobody asked for, bytes left after a timeout), which travels with it.
         */
        default void accept(byte[] frame, String framingProblem, Instant receivedAt, Function<RawFrame, DeviceReading> reading,
                Answered answered) {
            accept(frame, framingProblem, receivedAt, reading);
        }
    }

    /** How many error-queue entries are read after one command at most: instrument manuals give queues of 20 or 30 entries. */
    static final int MAX_ERROR_ENTRIES = 32;
    static final String LEFT_AFTER_TIMEOUT = "bytes left on the link after the answer to %s timed out; kept as their own"
            + " frame, not joined to the next answer";
    static final String LATE_ANSWER = Answered.LATE_ANSWER;

    /**
     * What one command brought: the answer's reading (null if none was expected or it timed out) and the
     * error-queue entries the device queued for it, as the device wrote them.
     */
    record Outcome(byte[] answer, DeviceReading reading, List<String> deviceErrors, boolean timedOut) {
    }


    private final BenchDeviceEndpoint endpoint;
    private final String owner;
    private final String serialPortKey;
    private final FrameSink unsolicited;
    private final LinkReporter links;
    private final ReentrantLock oneRequestAtATime = new ReentrantLock();
    private volatile Link link;
    private volatile boolean closed;
    // What the device on the open link has been told; new with each link. Guarded by oneRequestAtATime.
    private DeviceDialogue dialogue;

    /** @param links told each connect and the identity read after it; identity replies go to {@code unsolicited} as frames */
    DeviceSession(BenchDeviceEndpoint endpoint, String owner, FrameSink unsolicited, LinkReporter links) {
        this.endpoint = endpoint;
        this.owner = owner;
        this.unsolicited = unsolicited;
        this.links = links;
        BenchDeviceConfiguration configuration = endpoint.getConfiguration();
        this.serialPortKey = configuration.isSerial() ? DeviceOwners.serialPortKey(configuration.getSerialPort()) : null;
    }

    /** A session for one command on a connection of its own (a producer without consumer): no owner, no link reports. */
    static DeviceSession forOneCommand(BenchDeviceEndpoint endpoint, FrameSink frames) {
        return new DeviceSession(endpoint, "producer", frames, null);
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
        dialogue = endpoint.getCodec().newDialogue();
        askIdentity(current);
        String startCommand = endpoint.getConfiguration().getStartCommand();
        if (startCommand != null && !startCommand.isBlank()) {
            converse(current, startCommand, false, unsolicited);
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

    /**
     * Sends one command on the open link (lock held) and hands every frame it brings to {@code sink} in the
     * order they came: the answers to the questions its answer needs first (SCPI {@code FUNC?}), its answer
     * read with what the connection was told, then the device's error queue, read until it says "no error"
     * (at most {@value #MAX_ERROR_ENTRIES} entries) after every command, because any command may fail. A reading
     * whose command queued an error carries it. After a timeout the bytes of the unfinished answer become a
     * frame of their own, and the error queue says why there was no answer (e.g. −113 for a {@code READ?} the
     * device does not know); only if that is unanswered too is the link dead.
     *
     * @throws FrameTimeoutException if the device answers neither the command nor its error queue
     */
    Outcome converse(Link current, String command, boolean awaitReply, FrameSink sink) throws IOException {
        return converse(current, command, awaitReply, sink, true);
    }

    /**
     * As {@link #converse(Link, String, boolean, FrameSink)}; with {@code emitAnswer} false the answer goes only
     * into the outcome (a producer's caller gets it, as before issue 10), every other frame to the sink.
     */
    Outcome converse(Link current, String command, boolean awaitReply, FrameSink sink, boolean emitAnswer) throws IOException {
        DeviceCodec<?> codec = endpoint.getCodec();
        if (dialogue == null) {
            dialogue = codec.newDialogue();
        }
        DeviceDialogue said = dialogue;
        for (String question : said.questionsBefore(command)) {
            converse(current, question, true, sink);
        }
        current.send(codec.encodeCommand(command));
        said.sent(command);
        String setting = said.settingFor(command); // before the answer can teach the dialogue anything
        List<Received> frames = new ArrayList<>();
        Received answer = null;
        FrameTimeoutException timeout = null;
        if (awaitReply) {
            try {
                answer = receive(current);
                answer.answeredAs(codec, answered(command, setting, List.of(), false));
                frames.add(answer);
            } catch (FrameTimeoutException e) {
                timeout = e;
                // where the link stays open, what came of the answer must not be glued to the next one
                byte[] left = said.errorQueueQuery() == null ? new byte[0] : current.takePendingBytes();
                if (left.length > 0) {
                    frames.add(new Received(left, String.format(LEFT_AFTER_TIMEOUT, command), endpoint.getClock().instant(), null));
                }
            }
        }
        List<String> errors = new ArrayList<>();
        String errorQuery = said.errorQueueQuery();
        if (errorQuery != null) {
            try {
                readErrorQueue(current, said, errorQuery, command, setting, frames, errors);
            } catch (FrameTimeoutException silent) {
                // what did come is kept; the bytes of an unfinished line stay on the link for whoever closes it
                flush(frames, sink);
                throw timeout != null ? timeout : silent;
            }
        } else if (timeout != null) {
            flush(frames, sink);
            throw timeout;
        }
        DeviceReading reading = null;
        if (answer != null) {
            RawFrame received = new RawFrame(deviceId(), 0, answer.receivedAt, answer.bytes);
            DeviceReading learnt = said.interpret(command, received).withDeviceErrors(errors); // learns what it tells (FUNC?)
            Answered answered = answered(command, setting, errors, false);
            if (answered != null) {
                answer.answeredAs(codec, answered);
            } else {
                answer.reading = raw -> learnt;
            }
            reading = answer.reading.apply(received);
            if (!emitAnswer) {
                frames.remove(answer);
            }
        }
        flush(frames, sink);
        return new Outcome(answer == null ? null : answer.bytes, reading, List.copyOf(errors), timeout != null);
    }

    private void readErrorQueue(Link current, DeviceDialogue said, String errorQuery, String command, String setting,
                                List<Received> frames, List<String> errors) throws IOException {
        boolean ask = true;
        for (int read = 0; read < MAX_ERROR_ENTRIES; read++) {
            if (ask) {
                current.send(endpoint.getCodec().encodeCommand(errorQuery));
                said.sent(errorQuery);
            }
            Received frame = receive(current);
            frames.add(frame);
            Optional<DeviceDialogue.ErrorEntry> entry = said.errorEntryIn(frame.bytes);
            if (entry.isEmpty()) {
                // the answer to the command that timed out (or a line the device sent on its own), late
                Answered late = answered(command, setting, List.of(), true);
                if (late != null) {
                    frame.answeredAs(endpoint.getCodec(), late);
                } else {
                    frame.problem = String.format(LATE_ANSWER, command);
                }
                ask = false;
                continue;
            }
            frame.answeredAs(endpoint.getCodec(), Answered.to(errorQuery));
            ask = true;
            if (entry.get().none()) {
                return;
            }
            errors.add(entry.get().text());
        }
    }

    private Received receive(Link current) throws IOException {
        byte[] bytes = awaitAnswer(current, endpoint.getConfiguration());
        return new Received(bytes, current.lastFrameProblem(), endpoint.getClock().instant(), null);
    }

    private static void flush(List<Received> frames, FrameSink sink) {
        for (Received frame : frames) {
            sink.accept(frame.bytes, frame.problem, frame.receivedAt, frame.reading, frame.answered);
        }
    }

    /** A frame of a conversation, kept until the error queue says how to read it. */
    private static final class Received {
        final byte[] bytes;
        final Instant receivedAt;
        String problem;
        Function<RawFrame, DeviceReading> reading;
        Answered answered;

        Received(byte[] bytes, String problem, Instant receivedAt, Function<RawFrame, DeviceReading> reading) {
            this.bytes = bytes;
            this.problem = problem;
            this.receivedAt = receivedAt;
            this.reading = reading;
        }

        /** Read from its bytes and what it answers, as anyone who gets both reads it (a server re-reading an agent's frame). */
        void answeredAs(DeviceCodec<?> codec, Answered answered) {
            this.answered = answered;
            this.reading = raw -> codec.interpretAnswer(raw, answered);
        }
    }

    /**
     * What a frame answers, or {@code null} where the command cannot travel with it (longer than an {@link Answered}
     * holds, or not printable, as the bytes of an SBI command given as such): then the frame is read as before, here
     * with the dialogue and on the server from its bytes alone.
     */
    private static Answered answered(String command, String setting, List<String> errors, boolean late) {
        try {
            return Answered.of(command, setting, errors, late);
        } catch (IllegalArgumentException e) {
            return null;
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
    Outcome request(String command, boolean expectReply, Duration timeout) throws IOException {
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
                if (endpoint.getConfiguration().isStreaming()) {
                    current.send(endpoint.getCodec().encodeCommand(command));
                    return new Outcome(null, null, List.of(), false);
                }
                // frames other than the answer (error queue, bytes left after a timeout) are records like any other
                return converse(current, command, expectReply, unsolicited, false);
            } catch (IOException e) {
                // A late answer would be taken for the answer to the next poll: start afresh, keeping what came.
                Link failed = closeLink();
                byte[] cut = failed == null ? new byte[0] : failed.takePendingBytes();
                if (cut.length > 0) {
                    unsolicited.accept(cut, null);
                }
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
