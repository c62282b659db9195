package org.jiliang.lims.metrology.prepackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jiliang.lims.platform.SourceKeys;
import org.junit.jupiter.api.Test;

/** Every refusal and every reason of the net-content metrology is said in both languages. */
class NetContentMessagesTest {

    @Test
    void everyKeyOfTheNetContentMetrologyIsInBothLanguages() {
        Set<String> keys = SourceKeys.in("src/main/java/org/jiliang/lims/metrology/prepackage",
                "\"((?:error\\.netContent|netContent\\.reason)\\.[A-Za-z]+)\"");

        assertThat(keys).contains("error.netContent.unit", "error.netContent.tare", "netContent.reason.mean")
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(SourceKeys.unsaid(keys)).isEmpty();
    }
}
