package org.jiliang.lims.metrology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ScaleMpeTableTest {

    private final ScaleMpeTable table = ScaleMpeTable.oimlR76();

    private Mass mpe(AccuracyClass cls, String e, String load, VerificationType type) {
        return table.mpe(cls, Mass.parse(e), Mass.parse(load), type);
    }

    @ParameterizedTest(name = "class III, e = 5 g, load {0}: initial ±{1}, in service ±{2}")
    @CsvSource({
            "0 g,     2.5 g, 5 g",
            "100 g,   2.5 g, 5 g",
            "2500 g,  2.5 g, 5 g",
            "2505 g,  5 g,   10 g",
            "10000 g, 5 g,   10 g",
            "10005 g, 7.5 g, 15 g",
            "15000 g, 7.5 g, 15 g"
    })
    void matchesWorkedTableForClassIIIWithE5g(String load, String initial, String inService) {
        assertThat(mpe(AccuracyClass.III, "5 g", load, VerificationType.INITIAL)).isEqualTo(Mass.parse(initial));
        assertThat(mpe(AccuracyClass.III, "5 g", load, VerificationType.SUBSEQUENT)).isEqualTo(Mass.parse(initial));
        assertThat(mpe(AccuracyClass.III, "5 g", load, VerificationType.IN_SERVICE)).isEqualTo(Mass.parse(inService));
    }

    @ParameterizedTest(name = "demo scale class III, Max 30 kg, e = 10 g, load {0}: initial ±{1}, in service ±{2}")
    @CsvSource({
            "0 g,     5 g,  10 g",
            "5000 g,  5 g,  10 g",
            "5010 g,  10 g, 20 g",
            "20000 g, 10 g, 20 g",
            "20010 g, 15 g, 30 g",
            "30000 g, 15 g, 30 g"
    })
    void demoScaleBandsAreLowerExclusiveUpperInclusive(String load, String initial, String inService) {
        assertThat(mpe(AccuracyClass.III, "10 g", load, VerificationType.INITIAL)).isEqualTo(Mass.parse(initial));
        assertThat(mpe(AccuracyClass.III, "10 g", load, VerificationType.SUBSEQUENT)).isEqualTo(Mass.parse(initial));
        assertThat(mpe(AccuracyClass.III, "10 g", load, VerificationType.IN_SERVICE)).isEqualTo(Mass.parse(inService));
    }

    @ParameterizedTest(name = "class {0}, e = {1}, load {2}: initial ±{3}, in service ±{4}")
    @CsvSource({
            // class I: 50 000 e and 200 000 e, no upper bound
            "I,    1 mg,   0 g,        0.5 mg,  1 mg",
            "I,    1 mg,   50 g,       0.5 mg,  1 mg",
            "I,    1 mg,   50.001 g,   1 mg,    2 mg",
            "I,    1 mg,   200 g,      1 mg,    2 mg",
            "I,    1 mg,   200.001 g,  1.5 mg,  3 mg",
            "I,    1 mg,   10 kg,      1.5 mg,  3 mg",
            // class II: 5 000 e (not the 20 000 e misprinted in UK SI 1995/1907), 20 000 e, 100 000 e
            "II,   0.1 g,  500 g,      0.05 g,  0.1 g",
            "II,   0.1 g,  500.1 g,    0.1 g,   0.2 g",
            "II,   0.1 g,  2000 g,     0.1 g,   0.2 g",
            "II,   0.1 g,  2000.1 g,   0.15 g,  0.3 g",
            "II,   0.1 g,  10000 g,    0.15 g,  0.3 g",
            // class III: 500 e belongs to ±0.5 e (not 500 e <= m as misprinted in UK SI 1995/1907)
            "III,  2 g,    1000 g,     1 g,     2 g",
            "III,  2 g,    1002 g,     2 g,     4 g",
            "III,  2 g,    20000 g,    3 g,     6 g",
            // class IIII: 50 e, 200 e, 1 000 e
            "IIII, 5 g,    250 g,      2.5 g,   5 g",
            "IIII, 5 g,    255 g,      5 g,     10 g",
            "IIII, 5 g,    1000 g,     5 g,     10 g",
            "IIII, 5 g,    1005 g,     7.5 g,   15 g",
            "IIII, 5 g,    5000 g,     7.5 g,   15 g"
    })
    void appliesTheBandBoundariesOfEveryClass(AccuracyClass cls, String e, String load, String initial,
            String inService) {
        assertThat(mpe(cls, e, load, VerificationType.INITIAL)).isEqualTo(Mass.parse(initial));
        assertThat(mpe(cls, e, load, VerificationType.IN_SERVICE)).isEqualTo(Mass.parse(inService));
    }

    @ParameterizedTest(name = "class III, e = 10 g, load {0} (m = {1} e): ±{2}")
    @CsvSource({
            "5000.1 g, 500.01,  10 g",
            "5009 g,   500.9,   10 g",
            "4999.9 g, 499.99,  5 g",
            "20001 g,  2000.1,  15 g"
    })
    void loadNeedNotBeAMultipleOfE(String load, String m, String expected) {
        assertThat(mpe(AccuracyClass.III, "10 g", load, VerificationType.INITIAL)).isEqualTo(Mass.parse(expected));
    }

    @ParameterizedTest(name = "class {0}, load {1} with e = {2}: ±{3}")
    @CsvSource({
            "III, 20 kg,       10 g,    10 g",
            "III, 20.01 kg,    10 g,    15 g",
            "III, 5.01 kg,     10 g,    10 g",
            "III, 2505000 mg,  5 g,     5 g",
            "III, 20010 g,     0.01 kg, 0.015 kg",
            "II,  0.0025 kg,   0.005 g, 0.0025 g",
            "I,   0.05 kg,     1 mg,    0.5 mg",
            "I,   0.050001 kg, 1 mg,    1 mg"
    })
    void convertsTheLoadToTheUnitOfE(AccuracyClass cls, String load, String e, String expected) {
        Mass result = mpe(cls, e, load, VerificationType.INITIAL);

        assertThat(result).isEqualTo(Mass.parse(expected));
        assertThat(result.unit()).isEqualTo(Mass.parse(e).unit());
    }

    @Test
    void reportsTheMpeInTheUnitOfEWithoutSuperfluousDigits() {
        assertThat(mpe(AccuracyClass.III, "10 g", "30 kg", VerificationType.IN_SERVICE)).hasToString("30 g");
        assertThat(mpe(AccuracyClass.III, "5 g", "15 kg", VerificationType.INITIAL)).hasToString("7.5 g");
        assertThat(mpe(AccuracyClass.II, "0.1 g", "100 g", VerificationType.INITIAL)).hasToString("0.05 g");
    }

    @ParameterizedTest(name = "class {0}, e = {1}: load {2} is refused")
    @CsvSource({
            "III,  10 g,  100010 g, 10 000 e",
            "III,  10 g,  100.01 kg, 10 000 e",
            "II,   0.1 g, 10000.1 g, 100 000 e",
            "IIII, 5 g,   5005 g,   1 000 e"
    })
    void refusesLoadAboveTheLastBand(AccuracyClass cls, String e, String load, String lastBound) {
        assertThatThrownBy(() -> mpe(cls, e, load, VerificationType.INITIAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No MPE for class " + cls.symbol())
                .hasMessageContaining("above the last band")
                .hasMessageContaining("m ≤ " + lastBound);
    }

    @Test
    void explainsARefusedLoadInIntervals() {
        assertThatThrownBy(() -> mpe(AccuracyClass.III, "10 g", "100010 g", VerificationType.INITIAL))
                .hasMessage("No MPE for class III at load 100 010 g with e = 10 g: m = load/e = 10 001 e is above"
                        + " the last band of the MPE table (m ≤ 10 000 e)");
    }

    @Test
    void refusesNegativeLoad() {
        assertThatThrownBy(() -> mpe(AccuracyClass.III, "10 g", "-10 g", VerificationType.INITIAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Load must not be negative: -10 g");
    }

    @ParameterizedTest(name = "e = {0} is refused")
    @CsvSource({"3 g", "0 g", "-5 g", "25 g"})
    void refusesAnImpossibleScaleInterval(String e) {
        assertThatThrownBy(() -> mpe(AccuracyClass.III, e, "100 g", VerificationType.INITIAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a verification scale interval");
    }

    @Test
    void citesItsSources() {
        assertThat(table.source())
                .contains("OIML R 76-1:2006 Table 6")
                .contains("JJG 539-1997")
                .contains("Directive 2014/31/EU Annex I 4.2");
    }

    @ParameterizedTest(name = "{0}: factor {1}")
    @CsvSource({"INITIAL, 1", "SUBSEQUENT, 1", "IN_SERVICE, 2"})
    void readsTheFactorPerVerificationTypeFromData(VerificationType type, BigDecimal factor) {
        assertThat(table.factor(type)).isEqualByComparingTo(factor);
    }

    @Test
    void holdsThreeBandsForEachClass() {
        assertThat(table.bands()).hasSize(12);
        for (AccuracyClass cls : AccuracyClass.values()) {
            assertThat(table.bands()).filteredOn(b -> b.accuracyClass() == cls).hasSize(3);
        }
    }

    @Test
    void computesFromRowsGivenInCode() {
        var custom = new ScaleMpeTable("test table",
                List.of(new ScaleMpeTable.Band(AccuracyClass.III, BigDecimal.ZERO, new BigDecimal("100"), BigDecimal.ONE),
                        new ScaleMpeTable.Band(AccuracyClass.III, new BigDecimal("100"), null, new BigDecimal("2"))),
                Map.of(VerificationType.INITIAL, BigDecimal.ONE,
                        VerificationType.SUBSEQUENT, new BigDecimal("1.5"),
                        VerificationType.IN_SERVICE, new BigDecimal("3")));

        assertThat(custom.mpe(AccuracyClass.III, Mass.parse("1 g"), Mass.parse("100 g"), VerificationType.INITIAL))
                .isEqualTo(Mass.parse("1 g"));
        assertThat(custom.mpe(AccuracyClass.III, Mass.parse("1 g"), Mass.parse("101 g"), VerificationType.SUBSEQUENT))
                .isEqualTo(Mass.parse("3 g"));
        assertThat(custom.mpe(AccuracyClass.III, Mass.parse("1 g"), Mass.parse("1 kg"), VerificationType.IN_SERVICE))
                .isEqualTo(Mass.parse("6 g"));
        assertThat(custom.source()).isEqualTo("test table");
        assertThatThrownBy(() -> custom.mpe(AccuracyClass.II, Mass.parse("1 g"), Mass.parse("1 g"),
                VerificationType.INITIAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No MPE bands for class II");
    }

    @Test
    void rejectsBandsWithAGap() {
        var bands = List.of(
                new ScaleMpeTable.Band(AccuracyClass.III, BigDecimal.ZERO, new BigDecimal("500"), new BigDecimal("0.5")),
                new ScaleMpeTable.Band(AccuracyClass.III, new BigDecimal("600"), null, BigDecimal.ONE));
        var factors = Map.of(VerificationType.INITIAL, BigDecimal.ONE, VerificationType.SUBSEQUENT, BigDecimal.ONE,
                VerificationType.IN_SERVICE, new BigDecimal("2"));

        assertThatThrownBy(() -> new ScaleMpeTable("gap", bands, factors))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contiguous");
    }

    @ParameterizedTest(name = "missing factor for {0} is rejected")
    @EnumSource(VerificationType.class)
    void rejectsATableWithoutAFactorForEveryVerificationType(VerificationType missing) {
        var factors = new EnumMap<VerificationType, BigDecimal>(VerificationType.class);
        for (VerificationType type : VerificationType.values()) {
            factors.put(type, BigDecimal.ONE);
        }
        factors.remove(missing);
        var bands = List.of(new ScaleMpeTable.Band(AccuracyClass.III, BigDecimal.ZERO, null, BigDecimal.ONE));

        assertThatThrownBy(() -> new ScaleMpeTable("incomplete", bands, factors))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.name());
    }
}
