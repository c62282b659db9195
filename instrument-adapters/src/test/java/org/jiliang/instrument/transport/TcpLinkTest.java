package org.jiliang.instrument.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jiliang.instrument.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TcpLink against a scripted peer on a free loopback port. */
@Timeout(10)
class TcpLinkTest {

    private static final Duration SECONDS_2 = Duration.ofSeconds(2);

    private ServerSocket server;
    private CompletableFuture<Socket> accepted;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return server.accept();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void closePeer() throws IOException {
        server.close();
        if (accepted.isDone() && !accepted.isCompletedExceptionally()) {
            accepted.join().close();
        }
    }

    @Test
    void sendsBytesAsGivenAndReadsTheAnswerWithItsTerminator() throws Exception {
        try (TcpLink link = connect()) {
            link.send(ascii("SI\r\n"));
            Socket peer = peer();
            assertThat(readExactly(peer.getInputStream(), 4)).isEqualTo(ascii("SI\r\n"));
            write(peer, "S S     100.00 g\r\n");

            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("S S     100.00 g\r\n"));
        }
    }

    @Test
    void joinsAFrameSplitAcrossTcpSegments() throws Exception {
        try (TcpLink link = connect()) {
            Socket peer = peer();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                writeQuietly(peer, "S S  ");
                pause(50);
                writeQuietly(peer, "   100.00 g\r");
                pause(50);
                writeQuietly(peer, "\n");
            });

            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("S S     100.00 g\r\n"));
            writer.join();
        }
    }

    @Test
    void assemblesBytesDrippingOneAtATime() throws Exception {
        try (TcpLink link = connect()) {
            Socket peer = peer();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (char c : "I4 A \"B207696838\"\r\n".toCharArray()) {
                    writeQuietly(peer, String.valueOf(c));
                    pause(2);
                }
            });

            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("I4 A \"B207696838\"\r\n"));
            writer.join();
        }
    }

    @Test
    void returnsAnOverlongLineInPiecesThenTheNextGoodFrameCountingEveryByte() throws Exception {
        try (TcpLink link = TcpLink.connect("127.0.0.1", server.getLocalPort(), SECONDS_2, 16)) {
            write(peer(), "X".repeat(40) + "\r\nZ A\r\n");

            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("X".repeat(16)));
            assertThat(link.lastFrameProblem()).isEqualTo("part 1 of a line longer than 16 bytes: no terminator within the limit");
            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("X".repeat(16)));
            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("X".repeat(8) + "\r\n"));
            assertThat(link.lastFrameProblem()).isEqualTo("part 3, the last, of a line longer than 16 bytes");
            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("Z A\r\n"));
            assertThat(link.lastFrameProblem()).isNull();
            assertThat(link.bytesReceived()).isEqualTo(47);
        }
    }

    @Test
    void acceptsABareLf() throws Exception {
        try (TcpLink link = connect()) {
            write(peer(), "S S 1.00 g\n");

            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("S S 1.00 g\n"));
        }
    }

    @Test
    void timesOutWithAClearExceptionAndKeepsThePartialFrame() throws Exception {
        try (TcpLink link = connect()) {
            Socket peer = peer();
            write(peer, "S S  ");

            assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(150)))
                    .isInstanceOf(FrameTimeoutException.class)
                    .hasMessageContaining("no complete frame from 127.0.0.1:" + server.getLocalPort() + " within 150 ms");

            write(peer, "   5.00 g\r\n");
            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("S S     5.00 g\r\n"));
        }
    }

    @Test
    void reportsThatThePeerClosedTheConnection() throws Exception {
        try (TcpLink link = connect()) {
            peer().close();

            assertThatThrownBy(() -> link.readFrame(SECONDS_2)).isInstanceOf(EOFException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void closingFromAnotherThreadEndsABlockedReadAtOnce() throws Exception {
        TcpLink link = connect();
        peer();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                link.readFrame(Duration.ofSeconds(30));
                failure.complete(null);
            } catch (IOException e) {
                failure.complete(e);
            }
        }, "tcp-link-reader");
        reader.start();
        Await.until(() -> inReadFrame(reader), Duration.ofSeconds(5), () -> "the reader waiting in readFrame");

        link.close();

        assertThat(failure.get(1, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThat(link.isOpen()).isFalse();
    }

    @Test
    void picksUpFramesThatArrivedWithoutWaiting() throws Exception {
        try (TcpLink link = connect()) {
            assertThat(link.readAvailableFrame()).isEmpty();
            write(peer(), "S S 1.00 g\r\nS S 2.00 g\r\n"); // one write, one segment: both frames arrive together

            AtomicReference<Optional<byte[]>> first = new AtomicReference<>(Optional.empty());
            Await.until(() -> {
                first.set(readAvailable(link));
                return first.get().isPresent();
            }, Duration.ofSeconds(2), () -> "the first frame arrived");
            assertThat(first.get()).hasValueSatisfying(f -> assertThat(f).isEqualTo(ascii("S S 1.00 g\r\n")));
            assertThat(link.readAvailableFrame()).hasValueSatisfying(f -> assertThat(f).isEqualTo(ascii("S S 2.00 g\r\n")));
            assertThat(link.readAvailableFrame()).isEmpty();
        }
    }

    /**
     * Closing a ServerSocket while another thread waits in accept() (the fixture's) only pre-closes it: the
     * kernel socket keeps listening, and completes connections, until that thread has left accept(). A
     * connect right after close() then succeeded about every other time; so wait for the acceptor first.
     */
    @Test
    void failsToConnectWhenNobodyListens() throws Exception {
        int port = server.getLocalPort();
        server.close();
        accepted.handle((socket, e) -> socket).get(2, TimeUnit.SECONDS);

        assertThatThrownBy(() -> TcpLink.connect("127.0.0.1", port, SECONDS_2)).isInstanceOf(IOException.class);
    }

    private static Optional<byte[]> readAvailable(TcpLink link) {
        try {
            return link.readAvailableFrame();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean inReadFrame(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(TcpLink.class.getName()) && f.getMethodName().equals("readFrame"));
    }

    private TcpLink connect() throws IOException {
        return TcpLink.connect("127.0.0.1", server.getLocalPort(), SECONDS_2);
    }

    private Socket peer() throws Exception {
        return accepted.get(2, TimeUnit.SECONDS);
    }

    private static byte[] readExactly(InputStream in, int count) throws IOException {
        return in.readNBytes(count);
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(ascii(text));
        out.flush();
    }

    private static void writeQuietly(Socket socket, String text) {
        try {
            write(socket, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
