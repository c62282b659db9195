package org.jiliang.lims.metrology.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jiliang.lims.metrology.Mass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightMpeTableTest {

    private final WeightMpeTable table = WeightMpeTable.oimlR111();

    @ParameterizedTest(name = "{0} {1}: ±{2}")
    @CsvSource({
            "E1,   1 mg,    0.003 mg",
            "E1,   100 g,   0.05 mg",
            "E1,   50 kg,   25 mg",
            "E2,   1 mg,    0.006 mg",
            "E2,   1000 kg, 1600 mg",
            "F1,   1 kg,    5.0 mg",
            "F1,   5000 kg, 25000 mg",
            "F2,   200 mg,  0.20 mg",
            "M1,   1 mg,    0.20 mg",
            "M1,   10 kg,   500 mg",
            "M1_2, 50 kg,   5000 mg",
            "M1_2, 5000 kg, 500000 mg",
            "M2,   100 mg,  1.6 mg",
            "M2,   2 kg,    300 mg",
            "M2_3, 100 kg,  30000 mg",
            "M3,   1 g,     10 mg",
            "M3,   5000 kg, 2500000 mg"
    })
    void readsTheMpeOfEveryClassFromTheTable(WeightClass cls, String nominal, String mpe) {
        assertThat(table.mpe(cls, Mass.parse(nominal))).isEqualTo(Mass.parse(mpe));
    }

    @Test
    void fiveMilligramClassM1IsPoint20NotTheMisprintedPoint02() {
        assertThat(table.mpe(WeightClass.M1, Mass.parse("5 mg"))).isEqualTo(Mass.parse("0.20 mg"));
    }

    @ParameterizedTest(name = "{1} written as {2}")
    @CsvSource({"F1, 10 g, 0.01 kg", "E2, 500 mg, 0.5 g", "M1, 2000 kg, 2000000 g"})
    void findsANominalValueWhateverItsUnit(WeightClass cls, String nominal, String sameNominal) {
        assertThat(table.mpe(cls, Mass.parse(sameNominal))).isEqualTo(table.mpe(cls, Mass.parse(nominal)));
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({
            "E1,   100 kg,   E1 has no weight of nominal value 100 kg (the class covers 1 mg to 50 kg)",
            "E2,   2000 kg,  E2 has no weight of nominal value 2000 kg (the class covers 1 mg to 1000 kg)",
            "M2,   50 mg,    M2 has no weight of nominal value 50 mg (the class covers 100 mg to 5000 kg)",
            "M3,   500 mg,   M3 has no weight of nominal value 500 mg (the class covers 1 g to 5000 kg)",
            "M1_2, 20 kg,    M1–2 has no weight of nominal value 20 kg (the class covers 50 kg to 5000 kg)",
            "F1,   10000 kg, F1 has no weight of nominal value 10000 kg (the class covers 1 mg to 5000 kg)"
    })
    void refusesACombinationTheTableDoesNotHaveInsteadOfExtrapolating(WeightClass cls, String nominal,
            String message) {
        assertThatThrownBy(() -> table.mpe(cls, Mass.parse(nominal)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Class " + message)
                .hasMessageContaining("is not extrapolated");
        assertThat(table.covers(cls, Mass.parse(nominal))).isFalse();
    }

    @ParameterizedTest(name = "{0} is not a nominal value")
    @CsvSource({"3 g", "25 g", "0 g", "-1 kg", "1.5 kg"})
    void refusesNominalValuesNotOfTheForm125TimesAPowerOfTen(String nominal) {
        assertThatThrownBy(() -> table.mpe(WeightClass.F1, Mass.parse(nominal)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not of the form 1, 2 or 5 × 10^n");
    }

    @Test
    void citesTheStandardAndItsEdition() {
        assertThat(table.source()).contains("OIML R 111-1:2004 Table 1").contains("Edition 2004");
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({"M1–2, M1_2", "M1-2, M1_2", "M12, M1_2", "M23, M2_3", "E2, E2"})
    void weightClassesReadTheOimlAndTheJjgSpelling(String text, WeightClass expected) {
        assertThat(WeightClass.fromSymbol(text)).isEqualTo(expected);
    }
}
