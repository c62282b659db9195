package org.jiliang.instrument.camel;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.transport.TcpLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one bench device on its own thread: send the poll command, read one frame, emit it as a
 * {@link DeviceReading}, wait for the next poll.
 *
 * <p>Every frame received is emitted, malformed ones included, each with the next sequence number,
 * so the server can tell that nothing was lost. A read timeout or I/O error emits nothing: the
 * link is closed (a late answer would otherwise be taken for the next poll's) and reopened with a
 * doubling back-off, with one WARN per outage.
 */
public class BenchDeviceConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BenchDeviceConsumer.class);
    private static final long STOP_WAIT_MILLIS = 1000;

    private final BenchDeviceEndpoint endpoint;
    private final BenchDeviceConfiguration configuration;
    private final DeviceCodec<?> codec;
    private final byte[] pollBytes;
    private final String session = UUID.randomUUID().toString();

    // Written only by the poll thread; volatile so lastSequence() can be read from elsewhere.
    private volatile long sequence;
    // Touched only by the poll thread.
    private boolean inOutage;

    private volatile TcpLink link;
    private volatile boolean running;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private ExecutorService pollThread;

    public BenchDeviceConsumer(BenchDeviceEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.codec = endpoint.getCodec();
        this.pollBytes = codec.encodeCommand(configuration.getPollCommand());
    }

    /** Whether a TCP connection to the device is open right now. */
    public boolean isConnected() {
        TcpLink current = link;
        return current != null && current.isOpen();
    }

    /** The sequence number given to the last frame received, 0 before the first one. */
    public long lastSequence() {
        return sequence;
    }

    /** Identifies this consumer instance in the {@link BenchDeviceConstants#SESSION} header. */
    public String session() {
        return session;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        running = true;
        stopSignal = new CountDownLatch(1);
        pollThread = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "BenchDevicePoller[" + configuration.getDeviceId() + "]");
        pollThread.execute(this::pollUntilStopped);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        stopSignal.countDown();
        // Closing the socket ends a blocked read at once, so stopping never waits for readTimeout.
        closeLink();
        if (pollThread != null) {
            pollThread.shutdown();
            if (!pollThread.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("Poller of bench device {} did not stop within {} ms; interrupting it",
                        configuration.getDeviceId(), STOP_WAIT_MILLIS);
            }
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(pollThread);
            pollThread = null;
        }
        super.doStop();
    }

    private void pollUntilStopped() {
        long backoff = configuration.getReconnectDelay();
        try {
            while (running) {
                long pollStarted = System.nanoTime();
                try {
                    TcpLink current = openLink();
                    emitFramesAlreadyReceived(current);
                    current.send(pollBytes);
                    emit(current.readFrame(configuration.readTimeout()));
                    reportLinkHealthy();
                    backoff = configuration.getReconnectDelay();
                    pause(configuration.getPollInterval() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pollStarted));
                } catch (IOException e) {
                    closeLink();
                    if (!running) {
                        return;
                    }
                    reportOutage(e);
                    pause(backoff);
                    backoff = Math.min(backoff * 2, configuration.getMaxReconnectDelay());
                } catch (RuntimeException e) {
                    // A bug must not end polling silently: the executor would swallow it.
                    LOG.error("Unexpected failure polling bench device {}; reconnecting", configuration.getDeviceId(), e);
                    closeLink();
                    pause(backoff);
                    backoff = Math.min(backoff * 2, configuration.getMaxReconnectDelay());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeLink();
        }
    }

    private TcpLink openLink() throws IOException {
        TcpLink current = link;
        if (current == null) {
            current = TcpLink.connect(configuration.getHost(), configuration.getPort(),
                    configuration.connectTimeout(), configuration.getMaxFrameLength());
            link = current;
            if (!running) {
                // doStop ran while connecting and could not see this link yet.
                closeLink();
                throw new IOException("consumer stopped");
            }
            LOG.debug("Bench device {} connected at {}", configuration.getDeviceId(), current.peer());
        }
        return current;
    }

    /** Lines the device sent on its own (e.g. its print key) are readings too, and must not pass for the next answer. */
    private void emitFramesAlreadyReceived(TcpLink current) throws IOException {
        for (Optional<byte[]> frame = current.readAvailableFrame(); frame.isPresent(); frame = current.readAvailableFrame()) {
            emit(frame.get());
        }
    }

    private void emit(byte[] bytes) {
        RawFrame frame = new RawFrame(configuration.getDeviceId(), ++sequence, endpoint.getClock().instant(), bytes);
        DeviceReading reading = codec.interpret(frame);
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getIn();
            message.setBody(reading);
            message.setHeader(BenchDeviceConstants.DEVICE_ID, frame.deviceId());
            message.setHeader(BenchDeviceConstants.SEQUENCE, frame.sequence());
            message.setHeader(BenchDeviceConstants.STATUS, reading.status().name());
            message.setHeader(BenchDeviceConstants.SESSION, session);
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

    private void closeLink() {
        TcpLink current = link;
        link = null;
        if (current != null) {
            current.close();
        }
    }
}
