package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final RefusedException OVERDUE = new RefusedException("error.standard.overdue",
            "STD-M1-002", "M1 等级砝码 20 kg × 2", LocalDate.of(2026, 2, 10));
    private static final String CHINESE = "计量标准 STD-M1-002（M1 等级砝码 20 kg × 2）已超过有效期（有效期至 2026-02-10），不能用于检定。";
    private static final String ENGLISH = "Measurement standard STD-M1-002 (M1 等级砝码 20 kg × 2) is overdue "
            + "(valid until 2026-02-10) and cannot be used for verification.";

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        Properties zh = bundle("zh");
        Properties en = bundle("en");

        assertThat(en.stringPropertyNames()).as("keys missing in messages_en.properties")
                .containsAll(zh.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).as("keys missing in messages_zh.properties")
                .containsAll(en.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).allSatisfy(key -> {
            assertThat(zh.getProperty(key)).as("zh " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
        });
    }

    @Test
    void everyKeyTheServicesRefuseWithIsInBothLanguages() {
        Set<String> used = refusalKeysInMainSources();

        assertThat(used).as("refusal keys found in src/main/java").contains("error.standard.overdue");
        assertThat(bundle("zh").stringPropertyNames()).as("messages_zh.properties").containsAll(used);
        assertThat(bundle("en").stringPropertyNames()).as("messages_en.properties").containsAll(used);
    }

    @Test
    void everyReasonADccIsRefusedForHasItsMessage() {
        for (String reason : org.jiliang.lims.certificate.ReceivedDcc.REASONS) {
            String key = org.jiliang.lims.certificate.ReceivedDcc.REFUSAL_PREFIX + reason;
            assertThat(bundle("zh").getProperty(key)).as(key).isNotBlank();
            assertThat(bundle("en").getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void noMessageHasASingleQuoteThatMessageFormatWouldSwallow() {
        for (String language : new String[] {"zh", "en"}) {
            Properties messages = bundle(language);
            assertThat(messages.stringPropertyNames()).allSatisfy(key -> assertThat(
                    messages.getProperty(key).replace("''", "")).as(language + " " + key).doesNotContain("'"));
        }
    }

    @Test
    void aRefusalSpeaksChineseToAChineseUser() {
        assertThat(OVERDUE.getMessage(Locale.SIMPLIFIED_CHINESE)).isEqualTo(CHINESE);
        assertThat(OVERDUE.getMessage(Locale.CHINESE)).isEqualTo(CHINESE);
    }

    @Test
    void aRefusalSpeaksEnglishToAnEnglishUser() {
        assertThat(OVERDUE.getMessage(Locale.ENGLISH)).isEqualTo(ENGLISH);
        assertThat(OVERDUE.getMessage(Locale.UK)).isEqualTo(ENGLISH);
    }

    @Test
    void theExceptionMessageForLogsIsEnglish() {
        assertThat(OVERDUE.getMessage()).isEqualTo(ENGLISH);
    }

    @Test
    void anyOtherLanguageGetsChineseNotTheServersDefaultLocale() {
        Locale serverDefault = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);

            assertThat(OVERDUE.getMessage(Locale.FRENCH)).isEqualTo(CHINESE);
            assertThat(OVERDUE.getMessage(Locale.GERMANY)).isEqualTo(CHINESE);
            assertThat(OVERDUE.getMessage(Locale.ROOT)).isEqualTo(CHINESE);
        } finally {
            Locale.setDefault(serverDefault);
        }
    }

    private static Properties bundle(String language) {
        String name = "/org/jiliang/lims/messages_" + language + ".properties";
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> refusalKeysInMainSources() {
        return SourceKeys.in("src/main/java", "new RefusedException\\(\\s*\"([^\"]+)\"");
    }
}
