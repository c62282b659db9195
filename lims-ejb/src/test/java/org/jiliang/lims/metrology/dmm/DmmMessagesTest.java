package org.jiliang.lims.metrology.dmm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.platform.SourceKeys;
import org.junit.jupiter.api.Test;

/** Every refusal of this package can be shown to a person in Chinese and English. */
class DmmMessagesTest {

    @Test
    void everyKeyThePackageRefusesWithIsInBothLanguages() {
        Set<String> keys = SourceKeys.in("src/main/java/org/jiliang/lims/metrology/dmm", "\"(error\\.dmm\\.[A-Za-z]+)\"");

        assertThat(keys).contains("error.dmm.readingUnit", "error.dmm.outsideRange", "error.dmm.tooFewReadings");
        assertThat(SourceKeys.unsaid(keys)).isEmpty();
    }

    @Test
    void aRefusalReadsAsASentenceInBothLanguages() {
        DmmRefusal r = refusalOf(() -> Indications.of(Units.of("V"), "1").requireAtLeast(2, "the 9 V point"));

        assertThat(format("zh", r)).isEqualTo("只有 1 个示值；评定重复性至少需要 2 个。");
        assertThat(format("en", r)).isEqualTo(
                "1 reading(s) given; the calibration needs at least 2 to evaluate the repeatability.");
        DmmRefusal unit = refusalOf(() -> Indications.of(Units.of("Ω"), "1", "2").in(Units.of("V"), "the 9 V point"));
        assertThat(format("zh", unit)).isEqualTo("单位为 Ω 的值不能作为单位为 V 的校准点的示值：二者不是同一种量。");
    }

    private static DmmRefusal refusalOf(Runnable r) {
        try {
            r.run();
        } catch (DmmRefusal e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    private static String format(String language, DmmRefusal r) {
        return new MessageFormat(bundle(language).getProperty(r.key())).format(r.arguments().toArray());
    }

    private static Properties bundle(String language) {
        Properties p = new Properties();
        try (InputStream in = DmmMessagesTest.class.getResourceAsStream(
                "/org/jiliang/lims/messages_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }
}
