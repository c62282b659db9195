package org.jiliang.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class BilingualLabelsTest {

    private final BilingualLabels labels = BilingualLabels.load();

    @Test
    void everyLabelExistsInChineseAndInEnglish() {
        Set<String> zh = keysWithPrefix("zh.");
        Set<String> en = keysWithPrefix("en.");
        assertThat(zh).isNotEmpty().isEqualTo(en);
    }

    @Test
    void everyKindHasATitleInBothLanguages() {
        for (CertificateKind kind : CertificateKind.values()) {
            assertThat(labels.getString("zh.title." + kind.name())).isNotBlank();
            assertThat(labels.getString("en.title." + kind.name())).isNotBlank();
        }
    }

    @Test
    void everyDecisionRuleAndConformityOutcomeHasLabelsInBothLanguages() {
        for (DecisionRule rule : DecisionRule.values()) {
            for (String part : new String[] {".name", ".description"}) {
                assertThat(labels.getString("zh.decisionRule." + rule.name() + part)).isNotBlank();
                assertThat(labels.getString("en.decisionRule." + rule.name() + part)).isNotBlank();
            }
        }
        for (ConformityOutcome outcome : ConformityOutcome.values()) {
            assertThat(labels.getString("zh.conformity.outcome." + outcome.name())).contains("{0}").doesNotContain("合格");
            assertThat(labels.getString("en.conformity.outcome." + outcome.name())).contains("{0}");
        }
    }

    @Test
    void readsChineseLabelsAsUtf8() {
        assertThat(labels.getString("zh.title.VERIFICATION_CERTIFICATE")).isEqualTo("检定证书");
        assertThat(labels.getString("en.title.VERIFICATION_CERTIFICATE")).isEqualTo("Verification Certificate");
    }

    private Set<String> keysWithPrefix(String prefix) {
        return labels.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()))
                .collect(Collectors.toSet());
    }
}
