package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FirstRunSetupTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://lims.example.org/lims", "https://localhost:8443/lims", "https://127.0.0.1/lims",
            "https:///lims", "lims.example.org", "", "https://lims.example.org/lims?x=1", "ftp://lims.example.org"})
    void certificatesCannotLeadToAnAddressOthersCannotReachSecurely(String url) {
        assertThatThrownBy(() -> FirstRunSetup.publicUrl(url))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.setup.publicUrl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://lims.example.org/lims", "https://lims.example.org/lims/", "https://10.8.0.5:8443/lims"})
    void anHttpsAddressIsKeptWithoutItsTrailingSlash(String url) {
        assertThat(FirstRunSetup.publicUrl(url)).startsWith("https://").doesNotEndWith("/");
    }
}
