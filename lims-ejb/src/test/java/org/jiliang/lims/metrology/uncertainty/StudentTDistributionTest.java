package org.jiliang.lims.metrology.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StudentTDistributionTest {

    private static final String TABLE = "metrology/uncertainty/nist-tn1297-table-b1.csv";

    /** Every cell of NIST TN 1297 Table B.1 (= GUM Table G.2), except the two cells tested below. */
    static Stream<Arguments> publishedTable() throws IOException {
        List<Arguments> cells = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                StudentTDistributionTest.class.getClassLoader().getResourceAsStream(TABLE)), StandardCharsets.UTF_8))) {
            String[] header = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells0 = line.split(",");
                if (header == null) {
                    header = cells0;
                    continue;
                }
                for (int i = 1; i < cells0.length; i++) {
                    boolean misprint = cells0[0].equals("1") && header[i].equals("99.73")
                            || cells0[0].equals("35") && header[i].equals("90");
                    if (!misprint) {
                        cells.add(Arguments.of(cells0[0], new BigDecimal(header[i]).movePointLeft(2),
                                new BigDecimal(cells0[i])));
                    }
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "t_{1}(ν = {0}) = {2}")
    @MethodSource("publishedTable")
    void reproducesTheTableOfGumG2AtItsPrintedPrecision(String nu, BigDecimal p, BigDecimal published) {
        BigDecimal t = StudentTDistribution.quantile(p, DegreesOfFreedom.parse(nu));

        assertThat(t.setScale(published.scale(), RoundingMode.HALF_UP)).isEqualByComparingTo(published);
    }

    /** The two cells of the printed table that are off in the last digit; the exact quantiles are given. */
    @ParameterizedTest(name = "ν = {0}, p = {1}: printed {2}, exact {3}")
    @CsvSource({"1, 0.9973, 235.80, 235.78", "35, 0.90, 1.70, 1.69"})
    void twoCellsOfThePrintedTableAreOffInTheLastDigit(String nu, BigDecimal p, BigDecimal printed,
            BigDecimal exact) {
        BigDecimal t = StudentTDistribution.quantile(p, DegreesOfFreedom.parse(nu));

        assertThat(t.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(exact).isNotEqualByComparingTo(printed);
    }

    @ParameterizedTest(name = "ν = {0}: k = {1}")
    @CsvSource({"1, 13.97", "2, 4.53", "3, 3.31", "4, 2.87", "5, 2.65", "6, 2.52", "7, 2.43", "8, 2.37",
            "10, 2.28", "20, 2.13", "50, 2.05", "inf, 2.00"})
    void givesTheEa402CoverageFactorsFor9545Percent(String nu, BigDecimal k) {
        Coverage coverage = Coverage.studentT95();

        assertThat(coverage.coverageFactor(DegreesOfFreedom.parse(nu))).isEqualByComparingTo(k);
    }

    @Test
    void truncatesFractionalDegreesOfFreedomBeforeTheLookUp() {
        assertThat(Coverage.studentT(new BigDecimal("0.99")).coverageFactor(DegreesOfFreedom.of(new BigDecimal(
                "16.76")))).isEqualByComparingTo("2.92");
    }

    @Test
    void acceptsNonIntegerDegreesOfFreedomForTheQuantileItself() {
        BigDecimal between = StudentTDistribution.quantile(new BigDecimal("0.95"), DegreesOfFreedom.of(
                new BigDecimal("4.5")));

        assertThat(between).isBetween(new BigDecimal("2.571"), new BigDecimal("2.776"));
    }

    @ParameterizedTest(name = "p = {0} is refused")
    @CsvSource({"0", "1", "-0.5", "1.2"})
    void refusesAProbabilityOutsideTheOpenUnitInterval(BigDecimal p) {
        assertThatThrownBy(() -> StudentTDistribution.quantile(p, DegreesOfFreedom.of(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly between 0 and 1");
    }
}
