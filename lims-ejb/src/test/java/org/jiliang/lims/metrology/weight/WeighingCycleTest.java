package org.jiliang.lims.metrology.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.uncertainty.DegreesOfFreedom;
import org.jiliang.lims.metrology.uncertainty.InputQuantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeighingCycleTest {

    private static Mass mg(String value) {
        return Mass.parse(value + " mg");
    }

    private static WeighingCycle.Abba abba(String r1, String t1, String t2, String r2) {
        return new WeighingCycle.Abba(mg(r1), mg(t1), mg(t2), mg(r2));
    }

    @ParameterizedTest(name = "ABBA {0} {1} {2} {3}: ΔI = {4}")
    @CsvSource({
            "0.000, 0.025, 0.027, 0.002, 0.025",
            "1.000, 1.010, 1.012, 1.004, 0.009",
            "0.5,   0.3,   0.3,   0.5,   -0.2"
    })
    void abbaTakesHalfTheSumOfTheTwoTestMinusReferenceDifferences(String r1, String t1, String t2, String r2,
            String expected) {
        assertThat(abba(r1, t1, t2, r2).difference(1)).isEqualTo(mg(expected));
    }

    @Test
    void abaSubtractsTheMeanOfTheTwoReferenceIndications() {
        WeighingCycle cycle = new WeighingCycle.Aba(mg("10.0"), mg("10.5"), mg("10.2"));

        assertThat(cycle.difference(1)).isEqualTo(mg("0.4"));
        assertThat(cycle.scheme()).isEqualTo(WeighingScheme.ABA);
    }

    @Test
    void ab1BnAGivesOneDifferencePerTestWeight() {
        WeighingCycle cycle = new WeighingCycle.Ab1BnA(mg("10.0"), List.of(mg("10.5"), mg("9.8")), mg("10.2"));

        assertThat(cycle.testWeights()).isEqualTo(2);
        assertThat(cycle.difference(1)).isEqualTo(mg("0.4"));
        assertThat(cycle.difference(2)).isEqualTo(mg("-0.3"));
        assertThatThrownBy(() -> cycle.difference(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Test weight 3 does not exist: the cycle compares 2 test weights");
    }

    @Test
    void indicationsInDifferentUnitsAreConvertedExactly() {
        WeighingCycle cycle = new WeighingCycle.Abba(Mass.parse("10000.000 g"), Mass.parse("10000.030 g"),
                Mass.parse("10000030 mg"), Mass.parse("10000.002 g"));

        assertThat(cycle.difference(1)).isEqualTo(Mass.parse("0.029 g"));
        assertThat(cycle.difference(1).unit()).isEqualTo(MassUnit.G);
    }

    @Test
    void seriesGivesTheMeanDifferenceItsScatterAndTheTypeAWeighingUncertainty() {
        WeighingSeries series = WeighingSeries.of(abba("0", "10", "10", "0"), abba("0", "30", "30", "0"),
                abba("0", "20", "20", "0"));

        InputQuantity uw = series.weighingProcess(1, "ΔI", MassUnit.MG);

        assertThat(series.differences(1)).containsExactly(mg("10"), mg("30"), mg("20"));
        assertThat(series.meanDifference(1)).isEqualTo(mg("20"));
        assertThat(series.standardDeviation(1)).isEqualTo(mg("10"));
        assertThat(uw.estimate()).isEqualByComparingTo("20");
        assertThat(uw.standardUncertainty().round(new MathContext(6))).isEqualByComparingTo("5.77350");
        assertThat(uw.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.of(2));
    }

    @Test
    void aSingleCycleNeedsAPooledStandardDeviation() {
        WeighingSeries single = WeighingSeries.of(abba("0", "10", "10", "0"));

        assertThatThrownBy(() -> single.standardDeviation(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use a pooled standard deviation");
        InputQuantity pooled = new org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation(
                new java.math.BigDecimal("4"), "mg", 20, "control chart").typeA("ΔI",
                        single.differences(1).stream().map(d -> d.to(MassUnit.MG).value()).toList());
        assertThat(pooled.standardUncertainty()).isEqualByComparingTo("4");
        assertThat(pooled.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.of(20));
    }

    @Test
    void refusesASeriesThatMixesSchemes() {
        assertThatThrownBy(() -> WeighingSeries.of(abba("0", "1", "1", "0"),
                new WeighingCycle.Aba(mg("0"), mg("1"), mg("0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same scheme");
    }

    /** R 111-1 Table C.1 as remembered [M]; the test checks that the data file is what the code reads. */
    @ParameterizedTest(name = "{0}: ABBA {1}, ABA {2}, AB1…BnA {3}")
    @CsvSource({"E1, 3, 5, 5", "E2, 2, 3, 3", "F1, 1, 2, 2", "F2, 1, 1, 1", "M1, 1, 1, 1", "M1_2, 1, 1, 1",
            "M2, 1, 1, 1", "M2_3, 1, 1, 1", "M3, 1, 1, 1"})
    void minimumCyclesComeFromTheDataFile(WeightClass cls, int abbaCycles, int abaCycles, int multiCycles) {
        MinimumWeighingCycles table = MinimumWeighingCycles.oimlR111();

        assertThat(table.minimum(cls, WeighingScheme.ABBA)).isEqualTo(abbaCycles);
        assertThat(table.minimum(cls, WeighingScheme.ABA)).isEqualTo(abaCycles);
        assertThat(table.minimum(cls, WeighingScheme.AB1_BN_A)).isEqualTo(multiCycles);
        assertThat(table.source()).contains("Table C.1").contains("[M]");
    }

    @Test
    void twoAbbaCyclesAreEnoughForE2ButNotForE1() {
        WeighingSeries two = WeighingSeries.of(abba("0", "1", "1", "0"), abba("0", "2", "2", "0"));

        assertThat(two.meetsMinimumCycles(WeightClass.E2, MinimumWeighingCycles.oimlR111())).isTrue();
        assertThat(two.meetsMinimumCycles(WeightClass.E1, MinimumWeighingCycles.oimlR111())).isFalse();
    }

    @Test
    void aMinimumCycleTableMustCoverEveryClassAndScheme() {
        assertThatThrownBy(() -> new MinimumWeighingCycles("partial", java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be given and at least 1");
    }

    @Test
    void differencesAreExactDecimals() {
        assertThat(abba("0.1", "0.2", "0.3", "0.1").difference(1).value()).isEqualByComparingTo(new BigDecimal(
                "0.15"));
    }
}
