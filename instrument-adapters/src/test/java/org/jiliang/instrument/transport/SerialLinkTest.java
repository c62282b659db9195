package org.jiliang.instrument.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jiliang.instrument.testing.SocatPtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SerialLink on a real socat pty pair: the adapter opens ttyA, the "device" ttyB. */
@Timeout(20)
class SerialLinkTest {

    private static final Duration SECONDS_2 = Duration.ofSeconds(2);

    @TempDir
    Path directory;

    private SocatPtyPair pty;
    private SerialLink device;

    @BeforeEach
    void startPtyPair() throws Exception {
        pty = SocatPtyPair.start(directory);
        device = SerialLink.open(pty.deviceSide().toString(), SerialSettings.DEFAULT, new LineFramer(256));
    }

    @AfterEach
    void stopPtyPair() throws Exception {
        device.close();
        pty.close();
    }

    @Test
    void opensASymlinkedPtyAndExchangesLinesBothWays() throws Exception {
        try (SerialLink link = open(pty.linkSide().toString())) {
            assertThat(link.devicePath()).startsWith("/dev/pts/");
            assertThat(link.peer()).isEqualTo("serial:" + pty.linkSide());

            link.send(ascii("SI\r\n"));
            assertThat(device.readFrame(SECONDS_2)).isEqualTo(ascii("SI\r\n"));
            device.send(ascii("S S     100.00 g\r\n"));
            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("S S     100.00 g\r\n"));
        }
    }

    @Test
    void opensThePtyByItsDevicePathWithOtherLineSettings() throws Exception {
        String devicePath = pty.linkSide().toRealPath().toString();

        try (SerialLink link = SerialLink.open(devicePath, SerialSettings.parse("4800 E 7 1"), new LineFramer(256))) {
            device.send(ascii("P= 1013.2 hPa T= 31.1 'C RH= 38.3 %RH\r\n"));
            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("P= 1013.2 hPa T= 31.1 'C RH= 38.3 %RH\r\n"));
        }
    }

    @Test
    void assemblesBytesDrippingOneAtATime() throws Exception {
        try (SerialLink link = open(pty.linkSide().toString())) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (byte b : ascii("I4 A \"B207696838\"\r\n")) {
                    sendQuietly(device, new byte[] {b});
                    pause(2);
                }
            });

            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("I4 A \"B207696838\"\r\n"));
            writer.join();
        }
    }

    @Test
    void timesOutKeepingThePartialFrame() throws Exception {
        try (SerialLink link = open(pty.linkSide().toString())) {
            device.send(ascii("S S  "));

            assertThatThrownBy(() -> link.readFrame(Duration.ofMillis(150)))
                    .isInstanceOf(FrameTimeoutException.class)
                    .hasMessage("no complete frame from serial:" + pty.linkSide() + " within 150 ms");

            device.send(ascii("   5.00 g\r\n"));
            assertThat(link.readFrame(SECONDS_2)).isEqualTo(ascii("S S     5.00 g\r\n"));
            assertThat(link.bytesReceived()).isEqualTo(16);
        }
    }

    @Test
    void dropsWhatWaitedInThePortBeforeItWasOpened() throws Exception {
        // A late answer to an earlier request must not pass for the answer to the next one.
        try (SerialLink first = open(pty.linkSide().toString())) {
            first.send(ascii("SI\r\n"));
            device.readFrame(SECONDS_2);
        }
        device.send(ascii("S S 1.00 g\r\n"));
        pause(100);

        try (SerialLink second = open(pty.linkSide().toString())) {
            device.send(ascii("S S 2.00 g\r\n"));
            assertThat(second.readFrame(SECONDS_2)).isEqualTo(ascii("S S 2.00 g\r\n"));
        }
    }

    @Test
    void refusesASecondOpenInThisJvmWithAClearError() throws Exception {
        try (SerialLink link = open(pty.linkSide().toString())) {
            String devicePath = link.devicePath();

            assertThatThrownBy(() -> open(pty.linkSide().toString()))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("serial port " + pty.linkSide() + " (" + devicePath
                            + ") is already open in this JVM; a port has one owner at a time");
            assertThatThrownBy(() -> open(devicePath))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("serial port " + devicePath + " is already open in this JVM; a port has one owner at a time");
        }
        try (SerialLink again = open(pty.linkSide().toString())) {
            assertThat(again.isOpen()).isTrue();
        }
    }

    @Test
    void refusesAPortHeldByAnotherProcess() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SerialPortHolder.class.getName(), pty.linkSide().toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.startsWith("OPEN"));
            assertThat(line).as("the other process opened the port").startsWith("OPEN /dev/pts/");

            assertThatThrownBy(() -> open(pty.linkSide().toString()))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageEndingWith("is held by another process (exclusive open refused)");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(5, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        try (SerialLink link = open(pty.linkSide().toString())) {
            assertThat(link.isOpen()).isTrue();
        }
    }

    @Test
    void reportsThePtyGoneAsEndOfFileAtOnce() throws Exception {
        try (SerialLink link = open(pty.linkSide().toString())) {
            CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    link.readFrame(Duration.ofSeconds(30));
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            pause(100);
            long killed = System.nanoTime();
            pty.kill();

            assertThat(reader.get(2, TimeUnit.SECONDS))
                    .isInstanceOf(EOFException.class)
                    .hasMessageContaining("is gone (pty closed, device unplugged or port failed)");
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(1));
            assertThatThrownBy(() -> link.send(ascii("SI\r\n"))).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void closingFromAnotherThreadEndsABlockedReadWithinASlice() throws Exception {
        SerialLink link = open(pty.linkSide().toString());
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try {
                link.readFrame(Duration.ofSeconds(30));
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        pause(100);

        link.close();

        assertThat(reader.get(1, TimeUnit.SECONDS)).isInstanceOf(IOException.class).hasMessageContaining("was closed");
        assertThat(link.isOpen()).isFalse();
    }

    @Test
    void saysWhenThereIsNoSuchPort() {
        assertThatThrownBy(() -> open(directory.resolve("ttyNone").toString()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("serial port does not exist");
    }

    private static SerialLink open(String path) throws IOException {
        return SerialLink.open(path, SerialSettings.DEFAULT, new LineFramer(256));
    }

    private static void sendQuietly(Link link, byte[] bytes) {
        try {
            link.send(bytes);
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
