package org.jiliang.lims.metrology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccuracyClassTableTest {

    private final AccuracyClassTable table = AccuracyClassTable.oimlR76();

    @ParameterizedTest(name = "class {0}, e = {1}: n {2} to {3}, Min = {4} e")
    @CsvSource({
            "I,    1 mg,   50000, ,       100",
            "II,   0.05 g, 100,   100000, 20",
            "II,   0.1 g,  5000,  100000, 50",
            "III,  2 g,    100,   10000,  20",
            "III,  5 g,    500,   10000,  20",
            "IIII, 5 g,    100,   1000,   10"
    })
    void holdsTable3(AccuracyClass cls, String e, BigDecimal nMin, BigDecimal nMax, BigDecimal minCapacityE) {
        AccuracyClassTable.Row row = table.rowFor(cls, Mass.parse(e)).orElseThrow();

        assertThat(row.nMin()).isEqualByComparingTo(nMin);
        if (nMax == null) {
            assertThat(row.nMax()).isNull();
        } else {
            assertThat(row.nMax()).isEqualByComparingTo(nMax);
        }
        assertThat(row.minCapacityE()).isEqualByComparingTo(minCapacityE);
    }

    @Test
    void citesOimlR76Table3() {
        assertThat(table.source()).contains("OIML R 76-1:2006 Table 3");
        assertThat(table.rows()).hasSize(6);
    }

    @Test
    void reportsNoViolationForAValidScale() {
        assertThat(table.violations(AccuracyClass.III, Mass.parse("30 kg"), Mass.parse("10 g"), Mass.parse("10 g")))
                .isEmpty();
    }

    @Test
    void refusesMinCapacityForAnEOutsideTheClass() {
        assertThatThrownBy(() -> table.minCapacity(AccuracyClass.IIII, Mass.parse("1 g")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("e = 1 g is not allowed for class IIII");
    }

    @Test
    void rejectsOverlappingRows() {
        var rows = List.of(
                new AccuracyClassTable.Row(AccuracyClass.III, Mass.parse("0.1 g"), Mass.parse("5 g"),
                        new BigDecimal("100"), new BigDecimal("10000"), new BigDecimal("20")),
                new AccuracyClassTable.Row(AccuracyClass.III, Mass.parse("5 g"), null,
                        new BigDecimal("500"), new BigDecimal("10000"), new BigDecimal("20")));

        assertThatThrownBy(() -> new AccuracyClassTable("overlap", rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Overlapping e ranges for class III");
    }

    @Test
    void validatesAgainstRowsGivenInCode() {
        var corrected = new AccuracyClassTable("corrected edition", List.of(
                new AccuracyClassTable.Row(AccuracyClass.III, Mass.parse("0.1 g"), null,
                        new BigDecimal("100"), new BigDecimal("20000"), new BigDecimal("20"))));

        assertThat(corrected.violations(AccuracyClass.III, Mass.parse("200 kg"), Mass.parse("10 g"),
                Mass.parse("10 g"))).isEmpty();
        assertThat(corrected.violations(AccuracyClass.II, Mass.parse("200 g"), Mass.parse("0.1 g"),
                Mass.parse("0.1 g"))).containsExactly("No accuracy class requirements for class II in corrected edition");
    }
}
