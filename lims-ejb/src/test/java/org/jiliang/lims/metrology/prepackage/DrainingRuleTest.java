package org.jiliang.lims.metrology.prepackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The draining rules of drained, drained washed, deglazed and thawed contents (OIML R 87 Annexes C and D, WELMEC Guide
 * 6.8, NIST Handbook 133 §2.6.1, as draining-rules.csv records them): every edition of JJF 1070 has each, the sieve's
 * size changes above 1.4 kg, a draining time shorter than the rule's is not enough, and only a thawed product's rule
 * holds the water it thaws in to a range of temperatures.
 */
class DrainingRuleTest {

    @ParameterizedTest
    @EnumSource(DrainingRule.Preparation.class)
    void everyEditionSaysHowEachPreparationIsDone(DrainingRule.Preparation preparation) {
        for (String edition : new String[] {"JJF 1070-2005", "JJF 1070-2023"}) {
            DrainingRule rule = DrainingRule.of(edition, preparation);
            assertThat(rule.drainSeconds()).isEqualByComparingTo("120");
            assertThat(rule.meshMm()).isEqualByComparingTo("2.36");
            assertThat(rule.tag()).isEqualTo("M");
        }
        assertThatThrownBy(() -> DrainingRule.of("JJF 1070-1990", preparation)).isInstanceOf(NetContentRefusal.class)
                .extracting(e -> ((NetContentRefusal) e).key()).isEqualTo("error.netContent.noDraining");
    }

    @ParameterizedTest
    @CsvSource({
        "400, g, 20",
        "1400, g, 20",   // the bound belongs to the small sieve
        "1400.1, g, 30",
        "1.4, kg, 20",
        "2, kg, 30"})
    void theSieveIsTwentyCentimetresAcrossUpToOnePointFourKilogramsAndThirtyAbove(String value, String unit,
            String centimetres) {
        DrainingRule rule = DrainingRule.of("JJF 1070-2023", DrainingRule.Preparation.DRAINED);
        assertThat(rule.sieveFor(new Quantity(new BigDecimal(value), Units.of(unit))))
                .isEqualByComparingTo(centimetres);
    }

    @ParameterizedTest
    @CsvSource({"119.9, false", "120, true", "120.0, true", "300, true"})
    void aProductDrainsAtLeastTheRulesTime(String seconds, boolean enough) {
        DrainingRule rule = DrainingRule.of("JJF 1070-2023", DrainingRule.Preparation.DEGLAZED);
        assertThat(rule.longEnough(new BigDecimal(seconds))).isEqualTo(enough);
    }

    @ParameterizedTest
    @CsvSource({"22.9, false", "23, true", "23.0, true", "26, true", "29, true", "29.01, false", "-5, false"})
    void aBlockThawsInWaterBetweenTwentyThreeAndTwentyNineDegrees(String celsius, boolean within) {
        for (String edition : new String[] {"JJF 1070-2005", "JJF 1070-2023"}) {
            DrainingRule rule = DrainingRule.of(edition, DrainingRule.Preparation.THAWED);
            assertThat(rule.thawed()).isTrue();
            assertThat(rule.waterWithin(new BigDecimal(celsius))).isEqualTo(within);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DrainingRule.Preparation.class, names = "THAWED", mode = EnumSource.Mode.EXCLUDE)
    void aProductNotThawedHasNoWaterToHoldToARange(DrainingRule.Preparation preparation) {
        DrainingRule rule = DrainingRule.of("JJF 1070-2023", preparation);
        assertThat(rule.thawed()).isFalse();
        assertThat(rule.waterMinC()).isNull();
        assertThat(rule.waterWithin(new BigDecimal("25"))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aTableLineOfAThawedProductWithoutItsWaterOrAnotherWithWaterIsRefusedAtLoading() {
        BigDecimal two = new BigDecimal("2");
        assertThatThrownBy(() -> new DrainingRule("E", DrainingRule.Preparation.THAWED, two, two, two, two, two, null,
                null, "M")).isInstanceOf(IllegalStateException.class).hasMessageContaining("THAWED");
        assertThatThrownBy(() -> new DrainingRule("E", DrainingRule.Preparation.THAWED, two, two, two, two, two,
                new BigDecimal("29"), new BigDecimal("23"), "M")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DrainingRule("E", DrainingRule.Preparation.DRAINED, two, two, two, two, two,
                new BigDecimal("23"), new BigDecimal("29"), "M")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not thawed");
    }
}
