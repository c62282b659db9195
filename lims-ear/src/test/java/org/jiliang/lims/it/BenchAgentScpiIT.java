package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.lims.it.Waits.awaitTrue;
import static org.jiliang.lims.it.Waits.tail;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jiliang.instrument.simulator.ScpiMultimeterSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCPI meters read by the real bench agent jar and forwarded to the deployed server (issue 10 §3): the server
 * reads each frame's bytes again with what the frame answers, so a {@code READ?} answer named after the function
 * the meter told, the meter's answers to {@code FUNC?} and {@code SYST:ERR?}, and a reading whose command queued an
 * error are stored as the agent read them, none quarantined.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BenchAgentScpiIT {

    private final LimsApi admin = LimsApi.as("admin");

    @TempDir
    Path work;

    @Test
    void scpiFramesForwardedByAnAgentAreStoredAsTheAgentReadThemNotQuarantined() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String bench = "BENCH-SC-" + suffix;
        String ohmmeter = "DMM-R-" + suffix;
        String strict = "DMM-E-" + suffix;
        var registered = admin.post("/api/v1/bench-agents", "{\"code\":\"" + bench + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        String token = registered.object().getString("token");
        Path log = Path.of(System.getProperty("it.reportDir", "target/it-reports")).resolve("bench-agent-" + bench + ".log");
        Files.createDirectories(log.getParent());

        try (ScpiMultimeterSimulator resistance = ScpiMultimeterSimulator.builder().start();
                ScpiMultimeterSimulator parserLibrary = ScpiMultimeterSimulator.builder().likeParserLibraryInstrument()
                        .start()) {
            resistance.apply("RES", new BigDecimal("1000.2"));
            // set on the meter's front panel, as it were: the profile's READ? says nothing about ohms
            tell(resistance.port(), "CONF:RES");
            awaitTrue(() -> "RES".equals(resistance.function()), Duration.ofSeconds(5), () -> "the meter in RES");
            parserLibrary.apply("VOLT:DC", new BigDecimal("0.5"));
            assign(bench, ohmmeter, resistance.port(), "READ?");
            assign(bench, strict, parserLibrary.port(), "MEAS:VOLT:DC? 1,2,3");

            Process agent = startAgent(token, log);
            try {
                awaitTrue(() -> rows(ohmmeter).stream().anyMatch(r -> "STABLE".equals(r[1]))
                        && rows(strict).stream().anyMatch(r -> "DEVICE_ERROR".equals(r[1]) && r[2] != null),
                        Duration.ofSeconds(60), () -> "readings of both meters stored; " + rows(ohmmeter).size() + " and "
                                + rows(strict).size() + " frames; agent log:\n" + tail(log));
            } finally {
                stop(agent);
            }
        }

        List<String[]> ohms = rows(ohmmeter);
        assertThat(ohms).as("nothing quarantined: %s", describe(ohms)).noneMatch(r -> "QUARANTINED".equals(r[1]));
        String[] reading = ohms.stream().filter(r -> "STABLE".equals(r[1])).findFirst().orElseThrow();
        assertThat(reading[4]).isEqualTo("+1.00020000E+03\n");
        assertThat(new BigDecimal(reading[2])).isEqualByComparingTo("1000.2");
        assertThat(reading[3]).as("named after the function the meter told, not the profile's volts").isEqualTo("Ω");
        assertThat(ohms).as("the meter's FUNC? answer is a device answer")
                .anyMatch(r -> r[4].equals("\"RES\"\n") && "DEVICE_ANSWER".equals(r[1]));
        assertThat(ohms).as("its empty error queue is a device answer")
                .anyMatch(r -> r[4].equals("0,\"No error\"\n") && "DEVICE_ANSWER".equals(r[1]));

        List<String[]> strictRows = rows(strict);
        assertThat(strictRows).as("nothing quarantined: %s", describe(strictRows)).noneMatch(r -> "QUARANTINED".equals(r[1]));
        String[] flagged = strictRows.stream().filter(r -> r[4].equals("0.5\n")).findFirst().orElseThrow();
        assertThat(flagged[1]).as("the value is kept, never usable").isEqualTo("DEVICE_ERROR");
        assertThat(new BigDecimal(flagged[2])).isEqualByComparingTo("0.5");
        assertThat(flagged[3]).isEqualTo("V");
        assertThat(flagged[5]).contains("-108,\"Parameter not allowed\"");
        assertThat(strictRows).as("the error entry itself")
                .anyMatch(r -> r[4].equals("-108,\"Parameter not allowed\"\n") && "DEVICE_ERROR".equals(r[1]));
    }

    private void assign(String bench, String device, int port, String pollCommand) {
        var assigned = admin.post("/api/v1/bench-agents/" + bench + "/devices", "{\"code\":\"" + device
                + "\",\"name\":\"bench multimeter\",\"protocol\":\"scpi\",\"transport\":\"tcp\",\"host\":\"127.0.0.1\","
                + "\"port\":" + port + ",\"pollCommand\":\"" + pollCommand + "\",\"pollIntervalMs\":200}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
    }

    /** Sends one command on a connection of its own and closes it. */
    private static void tell(int port, String command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private Process startAgent(String token, Path log) throws IOException {
        Path jar = Path.of(System.getProperty("it.benchAgentJar", "../instrument-adapters/target/bench-agent.jar"));
        assertThat(jar).as("the executable agent (mvn package in instrument-adapters)").exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", jar.toAbsolutePath().toString(), "--server", LimsApi.BASE_URL, "--journal",
                work.resolve("journal").toString(), "--max-backoff", "1000");
        pb.environment().put("JILIANG_BENCH_TOKEN", token);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    private static void stop(Process agent) throws InterruptedException {
        if (agent.isAlive()) {
            agent.destroy();
            if (!agent.waitFor(20, TimeUnit.SECONDS)) {
                agent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** sequence, status, value, unit, raw (ISO-8859-1), reason; by sequence. */
    private static List<String[]> rows(String device) {
        List<String[]> rows = new ArrayList<>();
        try (Connection db = ServerDatabase.connect(); PreparedStatement q = db.prepareStatement(
                "select f.sequence, f.status, f.reading_value, f.reading_unit, f.raw_bytes, f.reject_reason"
                        + " from device_frame f join bench_device d on d.id = f.device_id where d.code = ?"
                        + " order by f.sequence")) {
            q.setString(1, device);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    BigDecimal value = rs.getBigDecimal(3);
                    rows.add(new String[] {Long.toString(rs.getLong(1)), rs.getString(2),
                        value == null ? null : value.toPlainString(), rs.getString(4),
                        new String(rs.getBytes(5), StandardCharsets.ISO_8859_1), rs.getString(6)});
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static String describe(List<String[]> rows) {
        StringBuilder text = new StringBuilder();
        for (String[] r : rows.subList(0, Math.min(rows.size(), 12))) {
            text.append("\n  ").append(String.join(" | ", java.util.Arrays.stream(r).map(String::valueOf).toList()));
        }
        return text.toString();
    }
}
