package org.jiliang.lims.metrology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangePointErrorTest {

    @ParameterizedTest(name = "e = {0}, L = {1}, I = {2}, ΔL = {3}: P = {4}, E = {5}")
    @CsvSource({
            // JJG 539-1997 zero-point example: the source prints "− 1.5"; ΔL = 2 g is the consistent input
            "5 g, 50 g,   50 g,   2 g,   50.5 g,   0.5 g",
            // load example of metrology.md 1.3 (R 76-1 A.4.4.3 as remembered; arithmetic checked)
            "5 g, 1000 g, 1000 g, 1.5 g, 1001 g,   1 g",
            "10 g, 20 kg, 20.01 kg, 1 g, 20014 g,  14 g",
            "5 g, 0 g,    0 g,    5 g,   -2.5 g,   -2.5 g",
            "5 g, 0 g,    0 g,    0 g,   2.5 g,    2.5 g"
    })
    void computesTheErrorBeforeRounding(String e, String load, String indication, String additionalLoad,
            String expectedP, String expectedE) {
        ChangePointError point = new ChangePointError(
                Mass.parse(load), Mass.parse(indication), Mass.parse(additionalLoad), Mass.parse(e));

        assertThat(point.indicationBeforeRounding()).isEqualTo(Mass.parse(expectedP));
        assertThat(point.error()).isEqualTo(Mass.parse(expectedE));
        assertThat(point.error().unit()).isEqualTo(Mass.parse(e).unit());
    }

    @Test
    void correctsTheLoadErrorByTheZeroError() {
        Mass e = Mass.parse("5 g");
        ChangePointError zero = new ChangePointError(Mass.parse("50 g"), Mass.parse("50 g"), Mass.parse("2 g"), e);
        ChangePointError load = new ChangePointError(Mass.parse("1000 g"), Mass.parse("1000 g"), Mass.parse("1.5 g"), e);

        assertThat(zero.error()).isEqualTo(Mass.parse("0.5 g"));
        assertThat(load.error()).isEqualTo(Mass.parse("1 g"));
        assertThat(load.correctedError(zero.error())).isEqualTo(Mass.parse("0.5 g"));
        assertThat(load.correctedError(zero.error())).hasToString("0.5 g");
    }

    @ParameterizedTest(name = "ΔL = {0} with e = 5 g is refused")
    @CsvSource({"-0.5 g", "5.5 g", "2 kg"})
    void refusesAddedWeightsOutsideOneInterval(String additionalLoad) {
        assertThatThrownBy(() -> new ChangePointError(Mass.parse("1000 g"), Mass.parse("1000 g"),
                Mass.parse(additionalLoad), Mass.parse("5 g")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must lie between 0 and e = 5 g");
    }
}
