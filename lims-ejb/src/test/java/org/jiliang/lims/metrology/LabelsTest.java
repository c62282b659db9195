package org.jiliang.lims.metrology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelsTest {

    @ParameterizedTest(name = "class {1}: {2}")
    @CsvSource({
            "I,    I,    特种准确度级, special accuracy",
            "II,   II,   高准确度级,   high accuracy",
            "III,  III,  中准确度级,   medium accuracy",
            "IIII, IIII, 普通准确度级, ordinary accuracy"
    })
    void accuracyClassesCarryRomanSymbolAndChineseName(AccuracyClass cls, String symbol, String zh, String en) {
        assertThat(cls.symbol()).isEqualTo(symbol);
        assertThat(cls.labelZh()).isEqualTo(zh);
        assertThat(cls.labelEn()).isEqualTo(en);
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource({
            "INITIAL,    首次检定,   initial verification",
            "SUBSEQUENT, 后续检定,   subsequent verification",
            "IN_SERVICE, 使用中检查, in-service inspection"
    })
    void verificationTypesAreBilingual(VerificationType type, String zh, String en) {
        assertThat(type.labelZh()).isEqualTo(zh);
        assertThat(type.labelEn()).isEqualTo(en);
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource({"PASS, 合格, pass", "FAIL, 不合格, fail"})
    void verdictsAreBilingual(Verdict verdict, String zh, String en) {
        assertThat(verdict.labelZh()).isEqualTo(zh);
        assertThat(verdict.labelEn()).isEqualTo(en);
    }
}
