package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every event the code writes to the audit trail has words in both languages (issue 11). */
class AuditEventsTest {

    /** record(job, "job.started", ...), new AuditEvent(user, "login.failed", ...), and a ? "a.b" : "c.d" choice. */
    private static final Pattern RECORDED = Pattern.compile(
            "(?:\\brecord|AuditEvent)\\(([^;]{0,300}?)\"([a-z]+\\.[a-zA-Z]+)\"", Pattern.DOTALL);
    private static final Pattern CHOSEN = Pattern.compile(
            "\\?\\s*\"([a-z]+\\.[a-zA-Z]+)\"\\s*:\\s*\"([a-z]+\\.[a-zA-Z]+)\"");

    @Test
    void everyRecordedEventHasWordsInChineseAndEnglish() throws IOException {
        TreeSet<String> actions = new TreeSet<>();
        for (Path root : new Path[] {Path.of("../lims-ejb/src/main/java"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    Matcher m = RECORDED.matcher(text);
                    while (m.find()) {
                        actions.add(m.group(2));
                    }
                    // a message key caught after a record() accessor is no event
                    actions.removeIf(a -> a.startsWith("field.") || a.startsWith("error."));
                    Matcher c = CHOSEN.matcher(text);
                    while (c.find()) {
                        actions.add(c.group(1));
                        actions.add(c.group(2));
                    }
                }
            }
        }

        assertThat(actions).as("events found in the code").contains("job.started", "point.captured",
                "device.takenOver", "login.failed").hasSizeGreaterThan(50);
        assertThat(actions).allSatisfy(action -> {
            assertThat(AuditEvents.label(action, Locale.CHINESE)).as("zh " + action).isNotEqualTo(action);
            assertThat(AuditEvents.label(action, Locale.ENGLISH)).as("en " + action).isNotEqualTo(action);
        });
        assertThat(AuditEvents.label("job.environmentRecorded", Locale.CHINESE)).isEqualTo("记录环境条件");
        assertThat(AuditEvents.label("job.environmentRecorded", Locale.ENGLISH)).isEqualTo("Conditions recorded");
    }

    @Test
    void anEventWithoutWordsIsShownAsRecorded() {
        assertThat(AuditEvents.label("future.event", Locale.CHINESE)).isEqualTo("future.event");
    }
}
