package org.jiliang.lims.metrology.bloodpressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jiliang.lims.metrology.bloodpressure.BpFixtures.q;

import java.util.Locale;
import java.util.Set;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.SourceKeys;
import org.junit.jupiter.api.Test;

/**
 * A refusal of the blood-pressure metrology carries a key of the domain bundles, so the method that wires it in
 * refuses in the user's language with {@code new RefusedException(key, arguments)}.
 */
class BpRefusalMessagesTest {

    @Test
    void everyKeyTheBloodPressureMetrologyRefusesWithIsInBothLanguages() {
        Set<String> keys = SourceKeys.in("src/main/java/org/jiliang/lims/metrology/bloodpressure",
                "new BpInputRefused\\(\\s*\"([^\"]+)\"");

        assertThat(keys).hasSizeGreaterThan(10).contains("error.bp.indicationUnit");
        assertThat(SourceKeys.unsaid(keys)).isEmpty();
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
