package org.jiliang.lims.metrology.bloodpressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jiliang.lims.metrology.bloodpressure.BpFixtures.q;

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
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.RefusedException;
import org.junit.jupiter.api.Test;

/**
 * A refusal of the blood-pressure metrology carries a key of the domain bundles, so the method that wires it in
 * refuses in the user's language with {@code new RefusedException(key, arguments)}.
 */
class BpRefusalMessagesTest {

    @Test
    void everyKeyTheBloodPressureMetrologyRefusesWithIsInBothLanguages() throws IOException {
        Pattern refusal = Pattern.compile("new BpInputRefused\\(\\s*\"([^\"]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/jiliang/lims/metrology/bloodpressure"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = refusal.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }

        assertThat(keys).hasSizeGreaterThan(10).contains("error.bp.indicationUnit");
        for (String key : keys) {
            assertThat(Messages.format(Locale.CHINESE, key)).as("zh " + key).isNotEqualTo(key);
            assertThat(Messages.format(Locale.ENGLISH, key)).as("en " + key).isNotEqualTo(key);
        }
    }

    @Test
    void aRefusalSpeaksChineseToAChineseUser() {
        BpTestPlan plan = BpFixtures.plan(BpFixtures.automatedMmhg(), VerificationType.INITIAL);
        BpInputRefused refused = catchThrowableOfType(() -> plan.evaluatePoint("indication-100-up",
                new BpReading.Indication(q("100 mmHg"), q("13.3 kPa"))), BpInputRefused.class);

        RefusedException asTheMethodWillRefuse = new RefusedException(refused.key(), refused.arguments());

        assertThat(asTheMethodWillRefuse.getMessage(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                "示值误差 100 mmHg ↑ / indication error 100 mmHg ↑：被检血压计以 mmHg 示值，录入的却是 13.3 kPa。"
                        + "请按血压计的显示以 mmHg 录入。");
        assertThat(asTheMethodWillRefuse.getMessage(Locale.ENGLISH)).isEqualTo(refused.getMessage());
    }
}
