package org.jiliang.lims.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jiliang.lims.platform.RefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

    private static void check(String password) {
        PasswordRules.check(password.toCharArray(), "zhangwei");
    }

    private static String refusal(String password) {
        try {
            check(password);
            return null;
        } catch (RefusedException e) {
            return e.messageKey();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "计量检定所的电子秤称得很准确", "Bench 3 reads true!", "mass-lab-2026-ok"})
    void acceptsLongPassphrasesOfAnyCharactersWithoutCompositionRules(String password) {
        assertThatCode(() -> check(password)).doesNotThrowAnyException();
    }

    @Test
    void countsCharactersNotBytesOrUtf16Units() {
        // twelve Chinese characters are twelve characters
        assertThatCode(() -> check("江海市计量检定测试院质量")).doesNotThrowAnyException();
        assertThat(refusal("江海市计量检定测试院质")).isEqualTo("error.password.short");
    }

    @Test
    void refusesShortAndOverlongPasswords() {
        assertThat(refusal("elevenchars")).isEqualTo("error.password.short");
        assertThat(refusal("x".repeat(7) + "y".repeat(122))).isEqualTo("error.password.long");
        assertThatCode(() -> check("ab" + "cdefghijklmnopqrstuvwxyz0123456789".repeat(3) + "xyz!"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwertyuiop123", "QwertyUIOP123", "1qaz2wsx3edc", "woaini1314520"})
    void refusesPasswordsOfTheBreachedListWhateverTheirCase(String password) {
        assertThat(refusal(password)).isEqualTo("error.password.breached");
    }

    @Test
    void theBundledBreachedListIsLoaded() {
        assertThat(PasswordRules.breachedListSize()).isGreaterThan(5);
    }

    @Test
    void refusesThePasswordThatContainsTheUserName() {
        assertThat(refusal("my name is ZhangWei ok")).isEqualTo("error.password.containsName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaaaa", "abababababababab", "520520520520520", "abcdabcdabcdabcd", "345678901234",
            "abcdefghijklmn", "987654321098", "zyxwvutsrqpo"})
    void refusesRepeatsAndPlainRuns(String password) {
        assertThat(refusal(password)).isEqualTo("error.password.pattern");
    }

    @Test
    void aRefusalSaysWhatIsWrongInBothLanguages() {
        assertThatThrownBy(() -> check("short"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.getMessage(java.util.Locale.CHINESE)).contains("至少 12 个字符");
                    assertThat(e.getMessage(java.util.Locale.ENGLISH)).contains("at least 12 characters");
                });
    }
}
