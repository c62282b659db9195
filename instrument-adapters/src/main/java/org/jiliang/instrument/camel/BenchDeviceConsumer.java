package org.jiliang.instrument.camel;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.transport.FrameTimeoutException;
import org.jiliang.instrument.transport.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one bench device on its own thread and emits every frame as a {@link DeviceReading}. In
 * poll mode: send the poll command, read one frame, wait for the next poll. In stream mode: read
 * the frames the device sends on its own.
 *
 * <p>Every frame received is emitted, malformed ones included, each with the next sequence number,
 * so the server can tell that nothing was lost; the connection stays up after a malformed frame.
 * A dead link is detected even when the transport reports nothing: no byte at all for
 * {@code readTimeout} (stream mode), or a poll whose answer has not begun to arrive, or stopped
 * arriving, for {@code readTimeout}, counts as dead. Silence is judged by bytes, not frames: a line
 * arriving byte by byte is a live device. A poll answer that keeps arriving is waited for at most
 * {@value #MAX_REPLY_TIMEOUTS} × {@code readTimeout} in all. The link is then closed (a late answer
 * would otherwise be taken for the next poll's), and reopened with a doubling back-off, with one WARN
 * per outage.
 *
 * <p>No byte read is lost: bytes of a frame cut short by a link failure or by stopping the consumer
 * are emitted as a (malformed) frame of their own; a piece of an over-long line is emitted as
 * malformed with the framer's reason; a frame the codec {@linkplain DeviceCodec#split splits} (a
 * fragment followed by a good reply) is emitted as its pieces, the fragment as malformed.
 *
 * <p>One owner per device: starting fails if another consumer of this JVM already reads the same
 * device id or serial port; producers of the same device send their commands through this
 * consumer's link.
 */
public class BenchDeviceConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BenchDeviceConsumer.class);
    private static final long STOP_WAIT_MILLIS = 2000;
    private static final long STREAM_READ_SLICE_MILLIS = 200;
    /** How many readTimeouts a poll answer whose bytes keep arriving may take in all. */
    static final int MAX_REPLY_TIMEOUTS = 30;
    static final String FRAGMENT_BEFORE_REPLY = "unterminated fragment before the next reply";

    private final BenchDeviceEndpoint endpoint;
    private final BenchDeviceConfiguration configuration;
    private final DeviceCodec<?> codec;
    private final String session = UUID.randomUUID().toString();
    private final ReentrantLock emitting = new ReentrantLock();
    private final AtomicLong linkFailures = new AtomicLong();

    // Written under "emitting"; volatile so lastSequence() can be read from elsewhere.
    private volatile long sequence;
    // Touched only by the poll thread.
    private boolean inOutage;
    // When the stream was last heard from: a frame, or since issue 9 any byte (see readStream).
    private long lastFrameNanos;
    private Link watchedLink;
    private long watchedBytes;

    private volatile long reconnectDelay;
    private volatile DeviceSession deviceSession;
    private volatile boolean running;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private ExecutorService pollThread;

    public BenchDeviceConsumer(BenchDeviceEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.codec = endpoint.getCodec();
        codec.encodeCommand(configuration.getPollCommand()); // a poll command the protocol cannot send fails here, not at the first poll
    }

    /** Whether a link to the device is open right now. */
    public boolean isConnected() {
        DeviceSession current = deviceSession;
        return current != null && current.isOpen();
    }

    /** The sequence number given to the last frame received, 0 before the first one. */
    public long lastSequence() {
        return sequence;
    }

    /** Bytes read from the device on the link open now, whether or not they made a frame yet; 0 when none is open. */
    public long bytesReceived() {
        DeviceSession current = deviceSession;
        return current == null ? 0 : current.bytesReceived();
    }

    /** How often the link was found dead or could not be opened since the consumer started. */
    public long linkFailures() {
        return linkFailures.get();
    }

    /** How long the consumer waits before its next reconnect attempt, in ms: doubles per failure, up to maxReconnectDelay. */
    public long reconnectDelay() {
        return reconnectDelay;
    }

    /** Identifies this consumer instance in the {@link BenchDeviceConstants#SESSION} header. */
    public String session() {
        return session;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String owner = "route " + getRouteId() + " (" + endpoint.getEndpointUri() + ")";
        DeviceSession newSession = new DeviceSession(endpoint, owner, frames, new LinkReporter(
                endpoint.getLinkListener(), configuration.getDeviceId(), configuration.peer(), endpoint.getClock()));
        DeviceOwners.claim(newSession);
        deviceSession = newSession;
        running = true;
        stopSignal = new CountDownLatch(1);
        pollThread = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "BenchDevice" + (configuration.isStreaming() ? "Reader[" : "Poller[")
                        + configuration.getDeviceId() + "]");
        pollThread.execute(this::runUntilStopped);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        stopSignal.countDown();
        DeviceSession current = deviceSession;
        if (current != null) {
            // Closing the link ends a blocked read at once, so stopping never waits for readTimeout.
            current.close();
        }
        if (pollThread != null) {
            pollThread.shutdown();
            if (!pollThread.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("Reader of bench device {} did not stop within {} ms; interrupting it",
                        configuration.getDeviceId(), STOP_WAIT_MILLIS);
            }
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(pollThread);
            pollThread = null;
        }
        if (current != null) {
            DeviceOwners.release(current);
            deviceSession = null;
        }
        super.doStop();
    }

    private void runUntilStopped() {
        DeviceSession device = deviceSession;
        reconnectDelay = configuration.getReconnectDelay();
        try {
            while (running) {
                long started = System.nanoTime();
                try {
                    boolean frameReceived = configuration.isStreaming() ? readStream(device) : pollOnce(device);
                    if (frameReceived) {
                        reportLinkHealthy();
                        reconnectDelay = configuration.getReconnectDelay();
                    }
                    if (!configuration.isStreaming()) {
                        pause(configuration.getPollInterval() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    }
                } catch (IOException | RuntimeException e) {
                    Link failed = device.closeLink();
                    // Kept whether the link failed or the consumer is being stopped.
                    if (failed != null) {
                        emitCutFrame(failed);
                    }
                    if (!running) {
                        return;
                    }
                    linkFailures.incrementAndGet();
                    device.linkFailed(e);
                    if (e instanceof RuntimeException) {
                        // A bug must not end reading silently: the executor would swallow it.
                        LOG.error("Unexpected failure reading bench device {}; reconnecting", configuration.getDeviceId(), e);
                    } else {
                        reportOutage((IOException) e);
                    }
                    pause(reconnectDelay);
                    reconnectDelay = Math.min(reconnectDelay * 2, configuration.getMaxReconnectDelay());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Stopped between reads: the link may still hold the start of a line.
            Link last = device.closeLink();
            if (last != null) {
                emitCutFrame(last);
            }
        }
    }

    private boolean pollOnce(DeviceSession device) throws IOException {
        device.lock().lock();
        try {
            Link link = device.openIfNeeded(() -> LOG.debug("Bench device {} connected at {}",
                    configuration.getDeviceId(), configuration.peer()));
            device.drainUnsolicited(link);
            DeviceSession.Outcome outcome = device.converse(link, configuration.getPollCommand(), true, frames);
            if (outcome.timedOut()) {
                LOG.debug("Bench device {} did not answer {}; its error queue says {}", configuration.getDeviceId(),
                        configuration.getPollCommand(), outcome.deviceErrors());
            }
            return true;
        } finally {
            device.lock().unlock();
        }
    }

    /**
     * Reads for one short slice, so a producer gets its turn; a silence longer than readTimeout is a
     * dead link. Returns whether a frame arrived.
     */
    private boolean readStream(DeviceSession device) throws IOException {
        device.lock().lock();
        try {
            Link link = device.openIfNeeded(() -> lastFrameNanos = System.nanoTime());
            try {
                emit(link.readFrame(Duration.ofMillis(Math.min(STREAM_READ_SLICE_MILLIS, configuration.getReadTimeout()))),
                        link.lastFrameProblem());
                lastFrameNanos = System.nanoTime();
                heardBytes(link); // counts the frame's bytes as heard, so they do not extend the next silence
                return true;
            } catch (FrameTimeoutException e) {
                if (heardBytes(link)) {
                    lastFrameNanos = System.nanoTime();
                    return false;
                }
                long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFrameNanos);
                if (silentMillis >= configuration.getReadTimeout()) {
                    throw new FrameTimeoutException(configuration.peer(), configuration.readTimeout());
                }
                return false;
            }
        } finally {
            device.lock().unlock();
        }
    }

    /** Whether bytes arrived on the link since the last look, though no frame is complete yet. */
    private boolean heardBytes(Link link) {
        long received = link.bytesReceived();
        if (link != watchedLink) {
            watchedLink = link;
            watchedBytes = received;
            return false;
        }
        boolean moved = received != watchedBytes;
        watchedBytes = received;
        return moved;
    }

    /** Bytes of a frame the failure cut short are kept too: emitted as a (malformed) frame of their own. */
    private void emitCutFrame(Link failed) {
        byte[] pending = failed.takePendingBytes();
        if (pending.length > 0) {
            emit(pending);
        }
    }

    private void emit(byte[] bytes) {
        emit(bytes, null);
    }

    /** Where the frames of the device session go: emitted in the order they came. */
    private final DeviceSession.FrameSink frames = new DeviceSession.FrameSink() {
        @Override
        public void accept(byte[] frame, String framingProblem) {
            emit(frame, framingProblem);
        }

        @Override
        public void accept(byte[] frame, String framingProblem, Instant receivedAt, Function<RawFrame, DeviceReading> reading) {
            accept(frame, framingProblem, receivedAt, reading, null);
        }

        @Override
        public void accept(byte[] frame, String framingProblem, Instant receivedAt, Function<RawFrame, DeviceReading> reading,
                Answered answered) {
            emit(frame, framingProblem, receivedAt, reading != null ? reading : codec::interpret, answered);
        }
    };

    private void emit(byte[] bytes, String framingProblem) {
        emit(bytes, framingProblem, endpoint.getClock().instant(), codec::interpret, null);
    }

    /**
     * Emits a frame, or the pieces the codec splits it into (every piece but the last a fragment).
     *
     * @param framingProblem why the framer's frame is not a whole line (a piece of an over-long one), or null
     */
    private void emit(byte[] bytes, String framingProblem, Instant receivedAt, Function<RawFrame, DeviceReading> reader,
            Answered answered) {
        emitting.lock();
        try {
            List<byte[]> pieces = codec.split(bytes);
            for (int i = 0; i < pieces.size(); i++) {
                String problem = i < pieces.size() - 1
                        ? (framingProblem == null ? FRAGMENT_BEFORE_REPLY : framingProblem + "; " + FRAGMENT_BEFORE_REPLY)
                        : pieces.size() == 1 ? framingProblem : null;
                RawFrame frame = new RawFrame(configuration.getDeviceId(), sequence + 1, receivedAt,
                        pieces.get(i));
                sequence = frame.sequence();
                boolean last = i == pieces.size() - 1;
                process(frame, problem, last ? reader : codec::interpret, last ? answered : null);
            }
        } finally {
            emitting.unlock();
        }
    }

    /** @param problem why the frame is malformed whatever the codec makes of it, or null */
    private void process(RawFrame frame, String problem, Function<RawFrame, DeviceReading> reader, Answered answered) {
        DeviceReading reading = problem == null ? reader.apply(frame) : DeviceReading.malformed(frame, problem);
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getIn();
            message.setBody(reading);
            message.setHeader(BenchDeviceConstants.DEVICE_ID, frame.deviceId());
            message.setHeader(BenchDeviceConstants.SEQUENCE, frame.sequence());
            message.setHeader(BenchDeviceConstants.STATUS, reading.status().name());
            message.setHeader(BenchDeviceConstants.SESSION, session);
            if (answered != null) {
                message.setHeader(BenchDeviceConstants.ANSWERED, answered);
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing frame " + frame.sequence() + " of bench device "
                        + frame.deviceId(), exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }

    private void reportOutage(IOException e) {
        String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (!inOutage) {
            inOutage = true;
            LOG.warn("Bench device {} at {} is not answering ({}); reconnecting every {} to {} ms until it does",
                    configuration.getDeviceId(), configuration.peer(), reason,
                    configuration.getReconnectDelay(), configuration.getMaxReconnectDelay());
        } else {
            LOG.debug("Bench device {} at {} still not answering: {}", configuration.getDeviceId(), configuration.peer(), reason);
        }
    }

    private void reportLinkHealthy() {
        if (inOutage) {
            inOutage = false;
            LOG.info("Bench device {} at {} answers again", configuration.getDeviceId(), configuration.peer());
        }
    }

    /** Sleeps, but returns as soon as the consumer is stopped. */
    private void pause(long millis) throws InterruptedException {
        if (millis > 0) {
            stopSignal.await(millis, TimeUnit.MILLISECONDS);
        }
    }
}
