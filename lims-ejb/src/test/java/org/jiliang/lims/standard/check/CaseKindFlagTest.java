package org.jiliang.lims.standard.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The standards at a glance count every open case under the flag of its kind: a kind of case without its flag broke
 * the quality manager's overview (found when the yearly evaluations added one).
 */
class CaseKindFlagTest {

    @Test
    void everyKindOfCaseHasItsFlagOnTheOverview() {
        assertThat(Arrays.stream(StandardsAtAGlance.Flag.values()).map(Enum::name))
                .containsAll(Arrays.stream(StandardCase.Kind.values()).map(Enum::name).toList());
    }
}
