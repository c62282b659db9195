package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The board's streams, driven step by step: the delivery executor runs its tasks when the test says,
 * and the test is the heartbeat. The real event streams are exercised by {@code LiveReadingStreamsIT}.
 */
class LiveReadingBoardTest {

    private final StepExecutor delivery = new StepExecutor();
    private final LiveReadingBoard board = new LiveReadingBoard(delivery);

    @Test
    void theThreadThatStoresAFrameOnlyHandsItsReadingOver() {
        Client client = new Client();
        board.subscribe("BAL-01", "technician", 4, client);

        board.onFrameRecorded(frame("BAL-01", 1));

        assertThat(client.sent).as("nothing sent on the storing thread").isEmpty();
        delivery.runAll();
        assertThat(client.sentFrameIds()).containsExactly(1L);
    }

    @Test
    void aClientStillReceivingGetsTheNewestReadingNextNotABacklog() {
        Client client = new Client();
        board.subscribe("BAL-01", "technician", 4, client);
        board.onFrameRecorded(frame("BAL-01", 1));
        delivery.runAll();

        for (long id = 2; id <= 1000; id++) {
            board.onFrameRecorded(frame("BAL-01", id));
        }
        delivery.runAll();
        assertThat(client.sentFrameIds()).as("one send at a time").containsExactly(1L);

        client.completeAll();
        delivery.runAll();
        assertThat(client.sentFrameIds()).containsExactly(1L, 1000L);
    }

    @Test
    void readingsOfOtherDevicesAreNotSent() {
        Client client = new Client();
        board.subscribe("BAL-01", "technician", 4, client);

        board.onFrameRecorded(frame("CMP-01", 7));
        delivery.runAll();

        assertThat(client.sent).isEmpty();
        assertThat(board.latest("CMP-01")).hasValueSatisfying(r -> assertThat(r.frameId()).isEqualTo(7));
    }

    @Test
    void aNewStreamStartsWithTheLatestReading() {
        board.onFrameRecorded(frame("BAL-01", 41));
        board.onFrameRecorded(frame("BAL-01", 42));
        Client client = new Client();

        board.subscribe("BAL-01", "technician", 4, client);
        delivery.runAll();

        assertThat(client.sentFrameIds()).containsExactly(42L);
    }

    @Test
    void aStreamOfADeviceThatNeverSendsEndsAtTheHeartbeatAfterItsClientWent() {
        Client client = new Client();
        var subscription = board.subscribe("BAL-01", "technician", 4, client).orElseThrow();

        board.heartbeat();
        delivery.runAll();
        assertThat(client.heartbeats).isEqualTo(1);
        client.failAll(); // the client had closed the connection: writing fails
        delivery.runAll();

        assertThat(subscription.isEnded()).isTrue();
        assertThat(board.streams(4).open()).isZero();
        assertThat(board.streams(4).endedByClients()).isEqualTo(1);
        assertThat(client.closed).isTrue();
    }

    @Test
    void aStreamWhoseSinkWasClosedEndsAtTheNextHeartbeat() {
        Client client = new Client();
        board.subscribe("BAL-01", "technician", 4, client);
        client.closed = true;

        board.heartbeat();

        assertThat(board.streams(4).open()).isZero();
        assertThat(board.streams(4).endedByClients()).isEqualTo(1);
    }

    @Test
    void anIdleStreamGetsAHeartbeatAndStaysOpen() {
        Client client = new Client();
        board.subscribe("BAL-01", "technician", 4, client);

        for (int i = 0; i < 10; i++) {
            board.heartbeat();
            delivery.runAll();
            client.completeAll();
        }

        assertThat(client.heartbeats).isEqualTo(10);
        assertThat(board.streams(4).open()).isEqualTo(1);
    }

    @Test
    void aClientThatStopsReadingIsDroppedAfterFiveHeartbeatsAndClosedWhenItsSendEnds() {
        Client stalled = new Client();
        var subscription = board.subscribe("BAL-01", "technician", 4, stalled).orElseThrow();
        board.onFrameRecorded(frame("BAL-01", 1));
        delivery.runAll(); // this send never finishes: the client takes nothing

        for (int i = 1; i < LiveReadingBoard.STALLED_HEARTBEATS; i++) {
            board.heartbeat();
        }
        assertThat(subscription.isEnded()).isFalse();
        board.heartbeat();

        assertThat(subscription.isEnded()).isTrue();
        assertThat(board.streams(4).droppedAsStalled()).isEqualTo(1);
        assertThat(board.streams(4).open()).isZero();
        assertThat(stalled.closed).as("not closed under a send in progress").isFalse();
        stalled.failAll(); // the server gives up on the connection (Undertow write-timeout)
        delivery.runAll();
        assertThat(stalled.closed).isTrue();
    }

    @Test
    void aBusyClientIsNotTakenForStalled() {
        Client busy = new Client();
        var subscription = board.subscribe("BAL-01", "technician", 4, busy).orElseThrow();

        for (long id = 1; id <= 3 * LiveReadingBoard.STALLED_HEARTBEATS; id++) {
            board.onFrameRecorded(frame("BAL-01", id));
            delivery.runAll();
            board.heartbeat(); // a send is in progress at every heartbeat, but a different one each time
            busy.completeAll();
        }

        assertThat(subscription.isEnded()).isFalse();
    }

    @Test
    void aUserMayHoldFourStreamsAndGetsTheNextOnceOneEnded() {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Client client = new Client();
            clients.add(client);
            assertThat(board.subscribe("BAL-01", "technician", 4, client)).isPresent();
        }

        assertThat(board.subscribe("BAL-01", "technician", 4, new Client())).isEmpty();
        assertThat(board.subscribe("BAL-01", "checker", 4, new Client())).as("another user").isPresent();

        clients.get(0).closed = true; // the browser tab was closed and a write noticed it
        assertThat(board.subscribe("BAL-01", "technician", 4, new Client())).isPresent();
        assertThat(board.streams(4).openByUser()).containsEntry("technician", 4L).containsEntry("checker", 1L);
    }

    @Test
    void aChangeOfUnitBetweenReadingsIsAnEventAndAFrameWithoutUnitInBetweenDoesNotHideIt() {
        board.onFrameRecorded(reading("BAL-01", 1, "5.00", "g"));
        assertThat(board.latest("BAL-01").orElseThrow().unitChangedFrom()).as("the first reading").isNull();
        board.onFrameRecorded(reading("BAL-01", 2, "5.01", "g"));
        assertThat(board.latest("BAL-01").orElseThrow().unitChangedFrom()).isNull();

        board.onFrameRecorded(reading("BAL-01", 3, "0.00501", "kg"));
        assertThat(board.latest("BAL-01").orElseThrow().unitChangedFrom()).isEqualTo("g");
        board.onFrameRecorded(reading("BAL-01", 4, null, null)); // a malformed line
        board.onFrameRecorded(reading("BAL-01", 5, "5010", "mg"));
        assertThat(board.latest("BAL-01").orElseThrow().unitChangedFrom()).isEqualTo("kg");
        board.onFrameRecorded(reading("BAL-02", 6, "1.0", "kg"));
        assertThat(board.latest("BAL-02").orElseThrow().unitChangedFrom()).as("another device").isNull();
    }

    @Test
    void anAnswerThatIsNoReadingDoesNotBecomeTheCurrentReadingNorReachTheBenchDisplay() {
        Client display = new Client();
        board.subscribe("DMM-01", "technician", 4, display);
        board.onFrameRecorded(reading("DMM-01", 1, "9.00002", "V"));
        delivery.runAll();
        display.completeAll();
        Instant at = Instant.parse("2026-12-03T08:00:00Z");
        board.onFrameRecorded(new FrameRecorded(new LiveReading("DMM-01", 2, 2, at, "DEVICE_ANSWER", null, null,
                "0,\"No error\"\n", "", null, at, Duration.ZERO)));
        board.onFrameRecorded(new FrameRecorded(new LiveReading("DMM-01", 3, 3, at, "IDENTITY", null, null,
                "JIANGHAI-SIM,DMM-6510,DMM2026-0815,1.0\n", "", null, at, Duration.ZERO)));
        delivery.runAll();

        assertThat(board.latest("DMM-01").orElseThrow().frameId()).as("the meter's reading, not its error queue")
                .isEqualTo(1);
        assertThat(display.sentFrameIds()).as("the bench display keeps the reading").containsExactly(1L);

        board.onFrameRecorded(new FrameRecorded(new LiveReading("DMM-01", 4, 4, at, "DEVICE_ERROR", null, null,
                "-113,\"Undefined header\"\n", "", "-113 Undefined header", at, Duration.ZERO)));
        delivery.runAll();
        assertThat(board.latest("DMM-01").orElseThrow().status()).as("a poll the meter refused is what it reads now")
                .isEqualTo("DEVICE_ERROR");
        assertThat(display.sentFrameIds()).containsExactly(1L, 4L);
    }

    private static FrameRecorded reading(String device, long frameId, String value, String unit) {
        Instant at = Instant.parse("2026-12-03T08:00:00Z");
        return new FrameRecorded(new LiveReading(device, frameId, frameId, at, value == null ? "MALFORMED" : "STABLE",
                value == null ? null : new BigDecimal(value), unit, "", "", null, at, Duration.ZERO));
    }

    private static FrameRecorded frame(String device, long frameId) {
        Instant at = Instant.parse("2026-12-03T08:00:00Z");
        return new FrameRecorded(new LiveReading(device, frameId, frameId, at, "STABLE", new BigDecimal("5.00"), "kg",
                "S S      5.00 kg\r\n", "", null, at, Duration.ZERO));
    }

    /** Runs the tasks handed to it when the test says so, on the test's thread. */
    private static final class StepExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
            }
        }
    }

    /** A client as the board sees it: every send waits until the test completes or fails it. */
    private static final class Client implements LiveReadingSink {
        final List<LiveReading> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> unfinished = new ArrayList<>();
        int heartbeats;
        boolean closed;

        @Override
        public CompletionStage<?> send(LiveReading reading) {
            sent.add(reading);
            return started();
        }

        @Override
        public CompletionStage<?> heartbeat() {
            heartbeats++;
            return started();
        }

        private CompletionStage<?> started() {
            CompletableFuture<Void> future = new CompletableFuture<>();
            unfinished.add(future);
            return future;
        }

        void completeAll() {
            List<CompletableFuture<Void>> now = List.copyOf(unfinished);
            unfinished.clear();
            now.forEach(f -> f.complete(null));
        }

        void failAll() {
            List<CompletableFuture<Void>> now = List.copyOf(unfinished);
            unfinished.clear();
            now.forEach(f -> f.completeExceptionally(new java.io.IOException("Broken pipe")));
        }

        List<Long> sentFrameIds() {
            return sent.stream().map(LiveReading::frameId).toList();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
