package org.jiliang.lims.metrology.prepackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The average tare (tare-rules.csv, German FPackV 2020 Anlage 3 No. 5 b applied to JJF 1070 [M]): allowed when the
 * mean tare is at most 10 % of Q_n, or else when the tares' standard deviation is at most 0.25 T; each limit from
 * both sides.
 */
class TareRuleTest {

    private static final String EDITION = "JJF 1070-2023";
    /** Q_n = 100 g: 10 % is 10 g; T = 4.5 g, 0.25 T = 1.125 g. */
    private final TolerableShortfall.Allowed t = TolerableShortfall.of(EDITION, new BigDecimal("100"), "g");
    private final TareRule rule = TareRule.of(EDITION);

    @Test
    void tenEmptyPackagingsOrTheWholeSampleWhenItIsSmaller() {
        assertThat(rule.packagings(10)).isEqualTo(10);
        assertThat(rule.packagings(125)).isEqualTo(10);
        assertThat(rule.packagings(4)).isEqualTo(4);
    }

    @Test
    void aMeanTareOfAtMostTenPercentOfQnIsAlwaysAllowed() {
        // mean exactly 10 g, scattered far beyond 0.25 T
        assertThat(rule.refusesAverage(t, tares("5", "15"))).isEmpty();
        // mean 10.01 g with the same scatter: refused, naming both limits
        var refused = rule.refusesAverage(t, tares("5.01", "15.01"));
        assertThat(refused).isPresent();
        assertThat(refused.get().key()).isEqualTo("error.netContent.averageTare");
        assertThat(refused.get().getMessage()).contains("10.01 g", "10 g", "1.125 g");
    }

    @Test
    void aHeavierTareIsAllowedWhenTheTaresScatterByAtMostAQuarterOfT() {
        // mean 20 g > 10 g; four tares 1.6875 g off the mean, six on it: s = √(4 · 1.6875² / 9) = 1.125 g = 0.25 T
        assertThat(rule.refusesAverage(t, scattered("1.6875"))).isEmpty();
        assertThat(rule.refusesAverage(t, scattered("1.6876"))).isPresent();
    }

    private static List<BigDecimal> tares(String... grams) {
        return Stream.of(grams).map(BigDecimal::new).toList();
    }

    /** Ten tares around 20 g: 20 + d, 20 − d, 20 + d, 20 − d and six of 20 g. */
    private static List<BigDecimal> scattered(String d) {
        BigDecimal mean = new BigDecimal("20");
        BigDecimal off = new BigDecimal(d);
        List<BigDecimal> tares = new java.util.ArrayList<>(Collections.nCopies(10, mean));
        for (int i = 0; i < 4; i++) {
            tares.set(i, i % 2 == 0 ? mean.add(off) : mean.subtract(off));
        }
        return tares;
    }
}
