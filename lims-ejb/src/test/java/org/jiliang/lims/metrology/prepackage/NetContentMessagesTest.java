package org.jiliang.lims.metrology.prepackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jiliang.lims.platform.Messages;
import org.junit.jupiter.api.Test;

/** Every refusal and every reason of the net-content metrology is said in both languages. */
class NetContentMessagesTest {

    @Test
    void everyKeyOfTheNetContentMetrologyIsInBothLanguages() throws IOException {
        Pattern key = Pattern.compile("\"((?:error\\.netContent|netContent\\.reason)\\.[A-Za-z]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/jiliang/lims/metrology/prepackage"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).contains("error.netContent.unit", "error.netContent.tare", "netContent.reason.mean")
                .hasSizeGreaterThanOrEqualTo(10);
        for (String k : keys) {
            assertThat(Messages.format(Locale.CHINESE, k)).as("zh " + k).isNotEqualTo(k);
            assertThat(Messages.format(Locale.ENGLISH, k)).as("en " + k).isNotEqualTo(k);
        }
    }
}
