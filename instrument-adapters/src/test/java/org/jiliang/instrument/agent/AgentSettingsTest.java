package org.jiliang.instrument.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSettingsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheTokenFromAFileAndOptionsOverrideTheEnvironment() throws Exception {
        Path token = Files.writeString(dir.resolve("bench.token"), "  secret-token\n");
        AgentSettings s = AgentSettings.parse(new String[] {"--server", "https://lims.example.cn/lims",
                "--token-file", token.toString(), "--batch", "50"},
                Map.of("JILIANG_SERVER_URL", "https://other.example.cn/lims", "JILIANG_JOURNAL_DIR", "/var/lib/j"));

        assertThat(s.server()).hasToString("https://lims.example.cn/lims");
        assertThat(s.token()).isEqualTo("secret-token");
        assertThat(s.journal()).isEqualTo(Path.of("/var/lib/j"));
        assertThat(s.batchSize()).isEqualTo(50);
        assertThat(s.journalMaxBytes()).as("default cap per device").isEqualTo(512L << 20);
    }

    @Test
    void theJournalCapIsASizeWithAUnit() {
        Map<String, String> env = Map.of("JILIANG_BENCH_TOKEN", "t", "JILIANG_JOURNAL_MAX_SIZE", "2G");
        assertThat(AgentSettings.parse(new String[] {"--server", "https://lims/lims"}, env).journalMaxBytes())
                .isEqualTo(2L << 30);
        assertThat(AgentSettings.parse(new String[] {"--server", "https://lims/lims", "--journal-max-size", "64k"}, env)
                .journalMaxBytes()).isEqualTo(64 * 1024);
        assertThat(AgentSettings.parse(new String[] {"--server", "https://lims/lims", "--journal-max-size", "1000"}, env)
                .journalMaxBytes()).isEqualTo(1000);
        assertThatThrownBy(() -> AgentSettings.parse(new String[] {"--server", "https://lims/lims",
                "--journal-max-size", "lots"}, env)).hasMessageContaining("size such as 512M");
        assertThatThrownBy(() -> AgentSettings.parse(new String[] {"--server", "https://lims/lims",
                "--journal-max-size", "0M"}, env)).hasMessageContaining("size such as 512M");
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> AgentSettings.parse(new String[0], Map.of("JILIANG_BENCH_TOKEN", "t")))
                .hasMessageContaining("server address is missing");
        assertThatThrownBy(() -> AgentSettings.parse(new String[] {"--server", "https://lims/lims"}, Map.of()))
                .hasMessageContaining("bench token is missing");
        assertThatThrownBy(() -> AgentSettings.parse(new String[] {"--server", "ftp://lims/lims"},
                Map.of("JILIANG_BENCH_TOKEN", "t"))).hasMessageContaining("https://");
        assertThatThrownBy(() -> AgentSettings.parse(new String[] {"--server", "https://lims/lims", "--batch", "900"},
                Map.of("JILIANG_BENCH_TOKEN", "t"))).hasMessageContaining("at most 500");
        assertThatThrownBy(() -> AgentSettings.parse(new String[] {"--servre", "https://lims/lims"},
                Map.of("JILIANG_BENCH_TOKEN", "t"))).hasMessageContaining("Unknown option --servre");
    }
}
