package org.jiliang.instrument.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.instrument.testing.Await;
import org.jiliang.instrument.testing.SocatPtyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's whole path on a bench PC, in one JVM: the profile from the (stand-in) server names a
 * serial port, the agent's route polls a balance on that port (a socat pty pair), journals and
 * forwards. Numbering starts above what the server already holds.
 */
@Timeout(60)
class BenchAgentSerialTest {

    private static final String TOKEN = "serial-bench-token";

    @TempDir
    Path dir;

    @Test
    void pollsABalanceOnASerialPortAndForwardsItsFramesNumberedAboveWhatTheServerHolds() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start(dir);
                MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().tcp(false)
                        .serialPort(pty.deviceSide().toString()).settleTime(Duration.ZERO).start();
                FakeLimsServer server = new FakeLimsServer(TOKEN)) {
            balance.placeLoad(new BigDecimal("1234"));
            server.addProfile(Map.ofEntries(Map.entry("code", "BAL-USB"), Map.entry("protocol", "mt-sics"),
                    Map.entry("transport", "serial"), Map.entry("serialPort", pty.linkSide().toString()),
                    Map.entry("baudRate", 9600), Map.entry("mode", "poll"), Map.entry("pollCommand", "SI"),
                    Map.entry("pollIntervalMs", 100), Map.entry("enabled", true), Map.entry("storedSequence", 5)));
            AgentSettings settings = AgentSettings.parse(new String[] {"--server", server.base().toString(),
                    "--journal", dir.resolve("journal").toString(), "--max-backoff", "500"},
                    Map.of("JILIANG_BENCH_TOKEN", TOKEN));

            BenchAgent agent = new BenchAgent(settings);
            DefaultCamelContext camel = new DefaultCamelContext();
            try {
                agent.prepare();
                camel.addRoutes(agent.routes());
                camel.start();
                agent.startForwarding();
                Await.until(() -> server.stored("BAL-USB").size() >= 10, Duration.ofSeconds(20),
                        () -> server.stored("BAL-USB").size() + " frames stored");
            } finally {
                camel.stop();
                agent.close();
            }

            TreeMap<Long, FakeLimsServer.Received> stored = server.stored("BAL-USB");
            assertThat(stored.firstKey()).as("numbered above the 5 the server holds").isEqualTo(6);
            assertThat(stored.lastKey() - stored.firstKey() + 1).as("no gap").isEqualTo(stored.size());
            // the agent forwards the balance's identity answers on connect (I2, I3, I4) like every frame
            assertThat(stored.headMap(9L).values()).extracting(FakeLimsServer.Received::status)
                    .containsExactly("IDENTITY", "IDENTITY", "IDENTITY");
            assertThat(new String(stored.get(8L).raw(), StandardCharsets.US_ASCII)).isEqualTo("I4 A \"SIM0000001\"\r\n");
            FakeLimsServer.Received first = stored.get(9L);
            assertThat(new String(first.raw(), StandardCharsets.US_ASCII)).isEqualTo("S S       1234 g\r\n");
            assertThat(first.status()).isEqualTo("STABLE");
            assertThat(first.value()).isEqualByComparingTo("1234");
            assertThat(first.unit()).isEqualTo("g");
        }
    }

    @Test
    void followsADeviceStartedAndStoppedOnTheServerWithoutARestart() throws Exception {
        try (MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().port(0).settleTime(Duration.ZERO).start();
                FakeLimsServer server = new FakeLimsServer(TOKEN)) {
            balance.placeLoad(new BigDecimal("500"));
            server.addProfile(tcpProfile(balance.port(), false));
            AgentSettings settings = AgentSettings.parse(new String[] {"--server", server.base().toString(),
                    "--journal", dir.resolve("journal").toString()}, Map.of("JILIANG_BENCH_TOKEN", TOKEN));
            BenchAgent agent = new BenchAgent(settings);
            DefaultCamelContext camel = new DefaultCamelContext();
            try {
                agent.prepare();
                camel.addRoutes(agent.routes());
                camel.start();
                agent.startForwarding();
                assertThat(camel.getRoutes()).as("stopped on the server: not read").isEmpty();

                server.clearProfiles();
                server.addProfile(tcpProfile(balance.port(), true));
                agent.refreshProfiles(camel);
                Await.until(() -> server.stored("BAL-TCP").size() >= 3, Duration.ofSeconds(10),
                        () -> "frames after the start on the server");
                assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).as("its reader")
                        .anyMatch(name -> name.contains("BenchDevicePoller[BAL-TCP]"));

                server.clearProfiles();
                server.addProfile(tcpProfile(balance.port(), false));
                agent.refreshProfiles(camel);
                assertThat(camel.getRoutes()).as("stopped again").isEmpty();
                // stopped means: no reader of the device is left, so nothing can be journaled any more
                Await.until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().contains("BenchDevicePoller[BAL-TCP]")), Duration.ofSeconds(10),
                        () -> "the reader of BAL-TCP gone");
                DeviceJournal journal = agent.journal().opened("BAL-TCP");
                Await.until(() -> journal.pendingCount() == 0, Duration.ofSeconds(10), () -> "journal sent");
                assertThat(server.stored("BAL-TCP")).as("every frame journaled before the stop, and no more")
                        .hasSize((int) journal.lastSequence());
            } finally {
                camel.stop();
                agent.close();
            }
        }
    }

    private static Map<String, Object> tcpProfile(int port, boolean enabled) {
        return Map.ofEntries(Map.entry("code", "BAL-TCP"), Map.entry("protocol", "mt-sics"),
                Map.entry("transport", "tcp"), Map.entry("host", "127.0.0.1"), Map.entry("port", port),
                Map.entry("mode", "poll"), Map.entry("pollCommand", "SI"), Map.entry("pollIntervalMs", 100),
                Map.entry("enabled", enabled), Map.entry("storedSequence", 0));
    }
}
