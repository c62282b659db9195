package org.jiliang.instrument.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.instrument.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * At its cap a device's journal stops taking frames by stopping the reading of the device (an alarm in
 * the log), never by dropping frames it holds; once the server has confirmed enough of them, reading
 * goes on by itself, numbered on from where it stopped.
 */
@Timeout(90)
class JournalCapTest {

    private static final String TOKEN = "cap-bench-token";
    private static final long CAP = 3 * 1024;

    @TempDir
    Path dir;

    @Test
    void aFullJournalStopsReadingTheDeviceKeepsEveryFrameAndResumesWhenTheServerConfirms() throws Exception {
        try (MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().port(0).settleTime(Duration.ZERO).start();
                FakeLimsServer server = new FakeLimsServer(TOKEN)) {
            balance.placeLoad(new BigDecimal("500"));
            server.addProfile(Map.ofEntries(Map.entry("code", "BAL-CAP"), Map.entry("protocol", "mt-sics"),
                    Map.entry("transport", "tcp"), Map.entry("host", "127.0.0.1"), Map.entry("port", balance.port()),
                    Map.entry("mode", "poll"), Map.entry("pollCommand", "SI"), Map.entry("pollIntervalMs", 100),
                    Map.entry("enabled", true), Map.entry("storedSequence", 0)));
            AgentSettings settings = AgentSettings.parse(new String[] {"--server", server.base().toString(),
                    "--journal", dir.resolve("journal").toString(), "--max-backoff", "200",
                    "--journal-max-size", "3K"}, Map.of("JILIANG_BENCH_TOKEN", TOKEN));
            assertThat(settings.journalMaxBytes()).isEqualTo(CAP);

            BenchAgent agent = new BenchAgent(settings);
            DefaultCamelContext camel = new DefaultCamelContext();
            long held;
            try {
                agent.prepare();
                server.down(true); // the outage starts right after the agent learnt its devices
                camel.addRoutes(agent.routes());
                camel.start();
                agent.startForwarding();
                agent.superviseJournals(camel, Duration.ofMillis(100));
                DeviceJournal journal = agent.journal().opened("BAL-CAP");

                Await.until(() -> camel.getRouteController().getRouteStatus("device-BAL-CAP") == ServiceStatus.Stopped,
                        Duration.ofSeconds(30), () -> "reading stopped at the cap; journal holds "
                                + journal.pendingBytes() + " bytes");
                held = journal.lastSequence();
                assertThat(journal.pendingBytes()).as("full, give or take the frames of one check")
                        .isGreaterThanOrEqualTo(CAP).isLessThan(CAP + 1024);
                assertThat(journal.pending(1000)).as("every frame read is kept, none dropped")
                        .extracting(JournalEntry::sequence).containsExactlyElementsOf(range(1, held));
                assertThat(agent.devicesStoppedForAFullJournal()).containsExactly("BAL-CAP");

                server.down(false);
                Await.until(() -> journal.lastSequence() > held + 5, Duration.ofSeconds(30),
                        () -> "reading again after the server confirmed the journal");
                assertThat(camel.getRouteController().getRouteStatus("device-BAL-CAP")).isEqualTo(ServiceStatus.Started);
                long later = journal.lastSequence();
                Await.until(() -> server.stored("BAL-CAP").size() >= later, Duration.ofSeconds(30),
                        () -> server.stored("BAL-CAP").size() + " of " + later + " stored");
            } finally {
                camel.stop();
                agent.close();
            }
            assertThat(server.stored("BAL-CAP").size()).as("the frames held at the cap and those after").isGreaterThan(
                    (int) held);
            assertThat(server.stored("BAL-CAP").lastKey()).as("numbered on without a gap")
                    .isEqualTo((long) server.stored("BAL-CAP").size());
            assertThat(Files.exists(dir.resolve("journal").resolve("BAL-CAP.quarantine"))).isFalse();
        }
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }
}
