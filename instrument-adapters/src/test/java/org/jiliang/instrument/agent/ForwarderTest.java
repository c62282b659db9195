package org.jiliang.instrument.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.LongStream;

import org.jiliang.instrument.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The forwarder and the HTTP client against a stand-in server on a loopback port. */
@Timeout(60)
class ForwarderTest {

    private static final String TOKEN = "bench-token-for-tests";

    @TempDir
    Path dir;

    @Test
    void framesJournaledDuringAnOutageArriveOnceInOrderWhenTheServerIsBack() throws Exception {
        try (FakeLimsServer server = new FakeLimsServer(TOKEN); BenchJournal journal = BenchJournal.open(dir)) {
            DeviceJournal balance = journal.device("BAL-1", 0);
            DeviceJournal meter = journal.device("DMM-1", 0);
            Forwarder forwarder = new Forwarder(journal, connection(server, TOKEN)::send, 7, Duration.ofMillis(20),
                    Duration.ofMillis(200));
            forwarder.start();
            try {
                append(journal, balance, 10);
                Await.until(() -> server.stored("BAL-1").size() == 10, Duration.ofSeconds(10), () -> "first 10 stored");

                server.down(true);
                append(journal, balance, 40);
                append(journal, meter, 25);
                Await.until(() -> forwarder.failures() >= 2, Duration.ofSeconds(10), () -> "the outage noticed");
                assertThat(balance.pendingCount()).as("kept in the journal during the outage").isEqualTo(40);

                server.down(false);
                Await.until(() -> journal.pendingCount() == 0, Duration.ofSeconds(20),
                        () -> journal.pendingCount() + " still pending");
            } finally {
                forwarder.close();
            }
            assertThat(server.stored("BAL-1").keySet()).containsExactlyElementsOf(range(1, 50));
            assertThat(server.stored("DMM-1").keySet()).containsExactlyElementsOf(range(1, 25));
            assertThat(server.stored("BAL-1").get(37L).raw()).isEqualTo(frameBytes(37));
            assertThat(server.deliveries()).as("sent once each: acknowledged frames are not sent again")
                    .hasSize(75);
            assertThat(server.deliveries().stream().filter(r -> r.device().equals("BAL-1"))
                    .mapToLong(FakeLimsServer.Received::sequence)).as("in order per device")
                    .containsExactlyElementsOf(range(1, 50));
        }
    }

    @Test
    void aRefusedTokenLosesNothing() throws Exception {
        try (FakeLimsServer server = new FakeLimsServer(TOKEN); BenchJournal journal = BenchJournal.open(dir)) {
            DeviceJournal balance = journal.device("BAL-1", 0);
            append(journal, balance, 5);
            ServerConnection wrongToken = connection(server, "revoked-token");
            try {
                wrongToken.send(balance.pending(5));
                throw new AssertionError("the wrong token was accepted");
            } catch (ServerConnection.RefusedException e) {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage()).contains("token is missing, unknown or revoked");
            }
            Forwarder forwarder = new Forwarder(journal, wrongToken::send, 10, Duration.ofMillis(20),
                    Duration.ofMillis(50));
            forwarder.start();
            try {
                Await.until(() -> forwarder.failures() >= 2, Duration.ofSeconds(10), () -> "refusals");
            } finally {
                forwarder.close();
            }
            assertThat(server.deliveries()).isEmpty();
            assertThat(balance.pendingCount()).isEqualTo(5);
        }
    }

    @Test
    void aDeviceTheServerRefusesDoesNotHoldUpTheOthers() throws Exception {
        try (FakeLimsServer server = new FakeLimsServer(TOKEN); BenchJournal journal = BenchJournal.open(dir)) {
            DeviceJournal balance = journal.device("BAL-1", 0);
            DeviceJournal meter = journal.device("DMM-1", 0);
            server.refuseDevice("BAL-1");
            append(journal, balance, 12);
            append(journal, meter, 12);
            Forwarder forwarder = new Forwarder(journal, connection(server, TOKEN)::send, 5, Duration.ofMillis(20),
                    Duration.ofSeconds(5));
            forwarder.start();
            try {
                Await.until(() -> meter.pendingCount() == 0, Duration.ofSeconds(10),
                        () -> meter.pendingCount() + " frames of DMM-1 still waiting");
            } finally {
                forwarder.close();
            }
            assertThat(server.stored("DMM-1").keySet()).containsExactlyElementsOf(range(1, 12));
            assertThat(server.stored("BAL-1")).isEmpty();
            assertThat(balance.pendingCount()).as("the refused frames stay in the journal").isEqualTo(12);
        }
    }

    @Test
    void aFrameTheServerRefusesForGoodIsQuarantinedWithItsReasonAndTheDeviceGoesOn() throws Exception {
        try (FakeLimsServer server = new FakeLimsServer(TOKEN); BenchJournal journal = BenchJournal.open(dir)) {
            DeviceJournal balance = journal.device("BAL-1", 0);
            server.refuseFrame("BAL-1", 4, "Frame 4 of device BAL-1 is stamped 2026-11-26T09:00:00Z, more than"
                    + " PT2M ahead of the server's clock");
            append(journal, balance, 10);
            Forwarder forwarder = new Forwarder(journal, connection(server, TOKEN)::send, 3, Duration.ofMillis(20),
                    Duration.ofMillis(200));
            forwarder.start();
            try {
                Await.until(() -> balance.pendingCount() == 0, Duration.ofSeconds(10),
                        () -> balance.pendingCount() + " frames still waiting behind the refused one");
            } finally {
                forwarder.close();
            }
            assertThat(server.stored("BAL-1").keySet()).containsExactly(1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(server.deliveries().stream().filter(r -> r.sequence() == 4)).as("refused once, not retried")
                    .hasSize(1);
            String quarantine = Files.readString(dir.resolve("BAL-1.quarantine"), StandardCharsets.UTF_8);
            assertThat(quarantine).contains("more than PT2M ahead of the server's clock");
            assertThat(quarantinedFrames(quarantine)).as("the refused frame, byte for byte")
                    .containsExactly(Base64.getEncoder().encodeToString(frameBytes(4)));
        }
    }

    @Test
    void aBatchRefusedWholeIsSplitUntilThePoisonFrameIsQuarantinedAndNothingElseIs() throws Exception {
        try (FakeLimsServer server = new FakeLimsServer(TOKEN); BenchJournal journal = BenchJournal.open(dir)) {
            DeviceJournal balance = journal.device("BAL-1", 0);
            server.poisonFrame("BAL-1", 23, "The request is not valid: value is out of range");
            append(journal, balance, 50);
            Forwarder forwarder = new Forwarder(journal, connection(server, TOKEN)::send, 16, Duration.ofMillis(20),
                    Duration.ofMillis(200));
            forwarder.start();
            try {
                Await.until(() -> balance.pendingCount() == 0, Duration.ofSeconds(10),
                        () -> balance.pendingCount() + " frames still waiting behind the poison frame");
            } finally {
                forwarder.close();
            }
            assertThat(server.stored("BAL-1").keySet()).as("every frame but the poison one")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).filter(n -> n != 23).boxed().toList());
            String quarantine = Files.readString(dir.resolve("BAL-1.quarantine"), StandardCharsets.UTF_8);
            assertThat(quarantine).contains("400", "value is out of range");
            assertThat(quarantinedFrames(quarantine)).containsExactly(Base64.getEncoder().encodeToString(frameBytes(23)));
            assertThat(server.batchSizes().stream().filter(n -> n == 1)).as("only the poison frame alone").isNotEmpty();
        }
    }

    @Test
    void aServerErrorIsTransientAndLosesNothing() throws Exception {
        try (FakeLimsServer server = new FakeLimsServer(TOKEN); BenchJournal journal = BenchJournal.open(dir)) {
            DeviceJournal balance = journal.device("BAL-1", 0);
            server.down(true);
            append(journal, balance, 20);
            Forwarder forwarder = new Forwarder(journal, connection(server, TOKEN)::send, 7, Duration.ofMillis(20),
                    Duration.ofMillis(100));
            forwarder.start();
            try {
                Await.until(() -> forwarder.failures() >= 5, Duration.ofSeconds(10), () -> "retries");
                assertThat(balance.pendingCount()).isEqualTo(20);
                assertThat(Files.exists(dir.resolve("BAL-1.quarantine"))).as("nothing quarantined for a 503").isFalse();
                server.down(false);
                Await.until(() -> balance.pendingCount() == 0, Duration.ofSeconds(10), () -> "sent after the outage");
            } finally {
                forwarder.close();
            }
            assertThat(server.stored("BAL-1").keySet()).containsExactlyElementsOf(range(1, 20));
        }
    }

    /** The journal lines kept in a quarantine file (comment lines start with #): their raw-bytes field. */
    private static List<String> quarantinedFrames(String quarantine) {
        return quarantine.lines().filter(l -> !l.startsWith("#")).map(l -> l.split("\t")[5]).toList();
    }

    @Test
    void profilesFromTheServerBecomeBenchDeviceEndpoints() throws Exception {
        try (FakeLimsServer server = new FakeLimsServer(TOKEN)) {
            server.addProfile(java.util.Map.ofEntries(java.util.Map.entry("code", "BAL-USB"),
                    java.util.Map.entry("protocol", "mt-sics"), java.util.Map.entry("transport", "serial"),
                    java.util.Map.entry("serialPort", "/dev/ttyUSB0"), java.util.Map.entry("baudRate", 2400),
                    java.util.Map.entry("dataBits", 7), java.util.Map.entry("parity", "even"),
                    java.util.Map.entry("stopBits", "1"), java.util.Map.entry("mode", "poll"),
                    java.util.Map.entry("pollCommand", "SI"), java.util.Map.entry("pollIntervalMs", 300),
                    java.util.Map.entry("enabled", true), java.util.Map.entry("storedSequence", 17)));
            ServerConnection.Profiles profiles = connection(server, TOKEN).profiles();
            assertThat(profiles.bench()).isEqualTo("BENCH-T");
            AgentProfile p = profiles.devices().get(0);
            assertThat(p.storedSequence()).isEqualTo(17);
            assertThat(p.endpointUri()).isEqualTo("bench-device:BAL-USB?protocol=mt-sics&transport=serial"
                    + "&serialPort=RAW(/dev/ttyUSB0)&baudRate=2400&dataBits=7&parity=even&stopBits=1&mode=poll"
                    + "&pollCommand=RAW(SI)&pollInterval=300");
        }
    }

    private static ServerConnection connection(FakeLimsServer server, String token) {
        return new ServerConnection(server.base(), token, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static void append(BenchJournal journal, DeviceJournal device, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            long n = device.lastSequence() + 1;
            device.append(Instant.parse("2026-11-26T08:00:00Z").plusMillis(n), frameBytes(n), "STABLE",
                    new BigDecimal(n + ".000"), "g", null);
            journal.signalAppend();
        }
    }

    private static byte[] frameBytes(long n) {
        return ("S S " + n + ".000 g\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static Iterable<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
