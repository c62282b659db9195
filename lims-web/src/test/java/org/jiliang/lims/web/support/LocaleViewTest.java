package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The language switch keeps what the address says. */
class LocaleViewTest {

    @Test
    void theQueryIsReadWithItsValuesDecodedInOrder() {
        assertThat(LocaleView.queryParameters("job=42&lang=zh&q=%E7%A7%A4+1&flag"))
                .containsExactly(java.util.Map.entry("job", "42"), java.util.Map.entry("lang", "zh"),
                        java.util.Map.entry("q", "秤 1"), java.util.Map.entry("flag", ""));
        assertThat(LocaleView.queryParameters(null)).isEmpty();
    }
}
