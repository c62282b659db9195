package org.jiliang.lims.bench;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jiliang.instrument.reading.ReadingStatus;

/**
 * The latest committed reading of every device, and the streams that push readings to browsers. Answers that are
 * no reading (an identity, an empty error queue) are stored like every frame but neither replace the current
 * reading nor reach the bench display, which would otherwise blank between two polls of a SCPI meter.
 * Only readings whose frame is safely stored appear here, so a captured reading always has its
 * original record.
 *
 * <p>The thread that stored a frame only hands its reading over: each stream is written by the
 * {@code delivery} executor, one send at a time, and a reading that arrives while the previous one
 * is still being sent replaces any reading waiting (a display wants the newest; capture reads
 * {@link #latest}, not the stream), so a slow client never falls behind nor holds memory. A stream
 * ends when its client is gone (a send fails; an idle stream gets a heartbeat every
 * {@link #HEARTBEAT} so that this is noticed even for a device that never sends) or when one send
 * has not finished for {@link #STALLED_HEARTBEATS} heartbeats (the client stopped reading).
 */
@ApplicationScoped
public class LiveReadingBoard {

    /** How often idle streams get a heartbeat and unfinished sends are looked at. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /** Heartbeats one send may stay unfinished before its client counts as stalled and is dropped. */
    public static final int STALLED_HEARTBEATS = 5;

    private static final Logger LOG = Logger.getLogger(LiveReadingBoard.class.getName());

    /** Why a stream ended, for the counts an administrator reads. */
    enum Ending { CLIENT_GONE, CLIENT_STALLED }

    private final Map<String, LiveReading> latest = new ConcurrentHashMap<>();
    /** The unit of each device's latest reading that had one (a malformed frame between two keeps it). */
    private final Map<String, String> lastUnit = new ConcurrentHashMap<>();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final AtomicLong endedByClients = new AtomicLong();
    private final AtomicLong droppedAsStalled = new AtomicLong();

    @Resource
    private ManagedExecutorService managedExecutor;
    @Resource
    private ManagedScheduledExecutorService managedScheduler;
    private Executor delivery;
    private ScheduledFuture<?> heartbeats;

    public LiveReadingBoard() {
        // for CDI
    }

    /** A board that delivers on {@code delivery}; its heartbeat is whoever calls {@link #heartbeat()} (unit tests). */
    LiveReadingBoard(Executor delivery) {
        this.delivery = delivery;
    }

    @PostConstruct
    void start() {
        delivery = managedExecutor;
        long period = HEARTBEAT.toMillis();
        heartbeats = managedScheduler.scheduleWithFixedDelay(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        subscriptions.forEach(s -> s.end(null));
    }

    void onFrameRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) FrameRecorded event) {
        LiveReading reading = unitChecked(event.reading());
        if (!isReading(reading)) {
            // stored (the frames page lists it), but neither the current reading nor a change of the bench display
            return;
        }
        // the newest stored frame wins, whichever transaction's after-commit step runs last
        latest.merge(reading.deviceCode(), reading, (old, neu) -> neu.frameId() >= old.frameId() ? neu : old);
        // This is the thread that stores frames: hand the reading over, never send from here.
        for (Subscription subscription : subscriptions) {
            if (subscription.deviceCode.equals(reading.deviceCode())) {
                subscription.offer(reading);
            }
        }
    }

    /**
     * Whether a frame says what the device reads now (a value, an overload, a malformed line, a refused poll) rather
     * than answering a question about itself: its identity, a setting ({@code FUNC?}) or an empty error queue,
     * which a SCPI device is asked after every poll. Those are stored but never become "the current reading" that
     * a capture takes or the bench shows, or every other poll of a meter would be no reading.
     */
    static boolean isReading(LiveReading reading) {
        return !ReadingStatus.IDENTITY.name().equals(reading.status())
                && !ReadingStatus.DEVICE_ANSWER.name().equals(reading.status());
    }

    /** Marks a reading whose unit differs from the device's previous one (g -> kg): an event for the bench. */
    private LiveReading unitChecked(LiveReading reading) {
        if (reading.unit() == null) {
            return reading;
        }
        String before = lastUnit.put(reading.deviceCode(), reading.unit());
        return before == null || before.equals(reading.unit()) ? reading : reading.unitChangedFrom(before);
    }

    public Optional<LiveReading> latest(String deviceCode) {
        return Optional.ofNullable(latest.get(deviceCode));
    }

    /**
     * Streams a device's readings to the sink, the latest one first, unless the user already has
     * {@code limitPerUser} streams open.
     */
    public Optional<Subscription> subscribe(String deviceCode, String user, int limitPerUser, LiveReadingSink sink) {
        Subscription subscription = new Subscription(deviceCode, user, sink);
        synchronized (subscriptions) {
            // a stream whose client is known to be gone must not count against the user's next one
            subscriptions.stream().filter(s -> s.user.equals(user) && s.sink.isClosed()).toList()
                    .forEach(s -> s.end(Ending.CLIENT_GONE));
            if (subscriptions.stream().filter(s -> s.user.equals(user)).count() >= limitPerUser) {
                return Optional.empty();
            }
            subscriptions.add(subscription);
        }
        latest(deviceCode).ifPresent(subscription::offer);
        return Optional.of(subscription);
    }

    /** The open streams by user, and how many ended because their client went away or stopped reading. */
    public LiveStreamsView streams(int limitPerUser) {
        Map<String, Long> byUser = subscriptions.stream()
                .collect(Collectors.groupingBy(s -> s.user, TreeMap::new, Collectors.counting()));
        return new LiveStreamsView(subscriptions.size(), limitPerUser, byUser, endedByClients.get(),
                droppedAsStalled.get());
    }

    /** Every {@link #HEARTBEAT}: ends the streams of clients gone or stalled, and sends idle ones a heartbeat. */
    void heartbeat() {
        try {
            subscriptions.forEach(Subscription::heartbeat);
        } catch (RuntimeException e) {
            // a failure here must not cancel the next heartbeats
            LOG.log(Level.WARNING, "Live reading heartbeat failed", e);
        }
    }

    private void execute(Runnable task) {
        delivery.execute(task);
    }

    /** One client's stream of one device's readings. */
    public final class Subscription {

        private final String deviceCode;
        private final String user;
        private final LiveReadingSink sink;
        /** The newest reading not yet sent. */
        private final AtomicReference<LiveReading> waiting = new AtomicReference<>();
        private volatile boolean heartbeatWaiting;
        /** Held while a delivery is queued or running or its send unfinished: one send at a time per client. */
        private final AtomicBoolean sending = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile long sendsStarted;
        // touched by the heartbeat only
        private long sendSeenAtLastHeartbeat = -1;
        private int heartbeatsStalled;

        private Subscription(String deviceCode, String user, LiveReadingSink sink) {
            this.deviceCode = deviceCode;
            this.user = user;
            this.sink = sink;
        }

        public String deviceCode() {
            return deviceCode;
        }

        public boolean isEnded() {
            return ended.get();
        }

        void offer(LiveReading reading) {
            waiting.accumulateAndGet(reading, (old, neu) -> old == null || neu.frameId() >= old.frameId() ? neu : old);
            deliverSoon();
        }

        private void heartbeat() {
            if (sink.isClosed()) {
                end(Ending.CLIENT_GONE);
                return;
            }
            if (sending.get()) {
                long send = sendsStarted;
                heartbeatsStalled = send == sendSeenAtLastHeartbeat ? heartbeatsStalled + 1 : 1;
                sendSeenAtLastHeartbeat = send;
                if (heartbeatsStalled >= STALLED_HEARTBEATS) {
                    end(Ending.CLIENT_STALLED);
                }
                return;
            }
            heartbeatsStalled = 0;
            heartbeatWaiting = true;
            deliverSoon();
        }

        private void deliverSoon() {
            if (ended.get() || !sending.compareAndSet(false, true)) {
                return;
            }
            try {
                execute(this::sendNext);
            } catch (RejectedExecutionException e) {
                // the application is stopping
                sending.set(false);
                end(null);
            }
        }

        /** Runs on the delivery executor, holding {@link #sending}. */
        private void sendNext() {
            if (ended.get()) {
                closeSoon();
                return;
            }
            LiveReading reading = waiting.getAndSet(null);
            if (reading == null && !heartbeatWaiting) {
                release();
                return;
            }
            heartbeatWaiting = false; // a reading tells as well as a heartbeat whether the client is there
            sendsStarted++;
            CompletionStage<?> sent;
            try {
                sent = reading != null ? sink.send(reading) : sink.heartbeat();
            } catch (RuntimeException e) {
                finished(e); // the sink was closed
                return;
            }
            // may run on a server I/O thread: nothing below blocks
            sent.whenComplete((ignored, failure) -> finished(failure));
        }

        private void finished(Throwable failure) {
            if (failure != null) {
                end(Ending.CLIENT_GONE);
            }
            if (ended.get()) {
                closeSoon();
                return;
            }
            release();
        }

        private void release() {
            sending.set(false);
            if (ended.get() && sending.compareAndSet(false, true)) {
                closeSoon(); // end() ran just before the release and left the closing to us
            } else if (waiting.get() != null || heartbeatWaiting) {
                deliverSoon();
            }
        }

        /** Ends the stream; {@code why} is null when the server, not the client, ends it. */
        void end(Ending why) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            if (subscriptions.remove(this) && why != null) {
                (why == Ending.CLIENT_GONE ? endedByClients : droppedAsStalled).incrementAndGet();
            }
            waiting.set(null);
            if (why == Ending.CLIENT_STALLED) {
                LOG.info(() -> "Live reading stream of " + user + " for " + deviceCode + " dropped: its client took"
                        + " nothing for " + STALLED_HEARTBEATS * HEARTBEAT.toSeconds() + " s");
            }
            if (sending.compareAndSet(false, true)) {
                closeSoon();
            }
            // otherwise the send in progress closes the sink when it finishes (or the connection times out)
        }

        /** Closing flushes what was sent, which may wait on the client: never on the caller's thread. */
        private void closeSoon() {
            try {
                execute(this::closeQuietly);
            } catch (RejectedExecutionException e) {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing a live reading stream failed", e);
            }
        }
    }
}
