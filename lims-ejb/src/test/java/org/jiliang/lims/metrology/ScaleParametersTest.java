package org.jiliang.lims.metrology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleParametersTest {

    private static ScaleParameters scale(AccuracyClass cls, String max, String e, String d) {
        return new ScaleParameters(cls, Mass.parse(max), Mass.parse(e), Mass.parse(d));
    }

    @Test
    void acceptsTheDemoScale() {
        ScaleParameters demo = scale(AccuracyClass.III, "30 kg", "10 g", "10 g");

        assertThat(demo.n()).isEqualByComparingTo("3000");
        assertThat(demo.n()).hasToString("3000");
        assertThat(demo.minCapacity()).isEqualTo(Mass.parse("200 g"));
        assertThat(demo.minCapacity().unit()).isEqualTo(MassUnit.G);
    }

    @ParameterizedTest(name = "class {0}, Max {1}, e = {2}, d = {3}: n = {4}, Min = {5}")
    @CsvSource({
            "I,    220 g,   1 mg,    0.1 mg,  220000, 100 mg",
            "I,    50 g,    1 mg,    1 mg,    50000,  100 mg",
            "I,    10 kg,   0.01 g,  0.001 g, 1000000, 1 g",
            "II,   220 g,   0.01 g,  0.001 g, 22000,  0.2 g",
            "II,   1 g,     0.01 g,  0.01 g,  100,    0.2 g",
            "II,   500 g,   0.1 g,   0.1 g,   5000,   5 g",
            "II,   10 kg,   0.1 g,   0.01 g,  100000, 5 g",
            "III,  600 g,   0.2 g,   0.2 g,   3000,   4 g",
            "III,  15 kg,   5 g,     5 g,     3000,   100 g",
            "III,  2.5 kg,  5 g,     5 g,     500,    100 g",
            "III,  100 kg,  10 g,    10 g,    10000,  200 g",
            "III,  60 kg,   0.02 kg, 0.02 kg, 3000,   0.4 kg",
            "IIII, 1000 kg, 1 kg,    1 kg,    1000,   10 kg",
            "IIII, 5 kg,    50 g,    50 g,    100,    500 g"
    })
    void acceptsParametersWithinTable3(AccuracyClass cls, String max, String e, String d, BigDecimal n,
            String minCapacity) {
        ScaleParameters parameters = scale(cls, max, e, d);

        assertThat(parameters.n()).isEqualByComparingTo(n);
        assertThat(parameters.minCapacity()).isEqualTo(Mass.parse(minCapacity));
    }

    @ParameterizedTest(name = "class {0}, Max {1}, e = {2}, d = {3}: \"{4}\"")
    @CsvSource(delimiter = '|', value = {
            "III  | 30 kg   | 3 g     | 3 g     | e = 3 g is not of the form 1, 2 or 5 × 10^k",
            "III  | 30 kg   | 25 g    | 25 g    | e = 25 g is not of the form 1, 2 or 5 × 10^k",
            "III  | 500 g   | 10 g    | 10 g    | n = Max/e = 50 is below the 500 required for class III with e ≥ 5 g",
            "III  | 50 g    | 1 g     | 1 g     | n = Max/e = 50 is below the 100 required for class III with 0.1 g ≤ e ≤ 2 g",
            "III  | 200 kg  | 10 g    | 10 g    | n = Max/e = 20 000 exceeds 10 000 allowed for class III",
            "III  | 1200 kg | 10 g    | 10 g    | n = Max/e = 120 000 exceeds 10 000 allowed for class III",
            "III  | 30 kg   | 0.05 g  | 0.05 g  | e = 0.05 g is too small for class III, which requires e ≥ 0.1 g",
            "III  | 30 kg   | 10 g    | 20 g    | d = 20 g is greater than e = 10 g; d must not exceed e",
            "III  | 30 kg   | 10 g    | 1 g     | only class I and II instruments may have an auxiliary indicating device",
            "II   | 100 g   | 0.1 g   | 0.1 g   | n = Max/e = 1 000 is below the 5 000 required for class II with e ≥ 0.1 g",
            "II   | 5 g     | 0.1 g   | 0.01 g  | n = Max/e = 50 is below the 5 000 required for class II with e ≥ 0.1 g",
            "II   | 20 kg   | 0.1 g   | 0.1 g   | n = Max/e = 200 000 exceeds 100 000 allowed for class II",
            "II   | 1 g     | 0.1 mg  | 0.1 mg  | e = 0.1 mg is too small for class II, which requires e ≥ 0.001 g",
            "I    | 20 g    | 1 mg    | 1 mg    | n = Max/e = 20 000 is below the 50 000 required for class I with e ≥ 0.001 g",
            "I    | 20 g    | 0.1 mg  | 0.01 mg | e = 0.1 mg is too small for class I, which requires e ≥ 0.001 g",
            "IIII | 300 g   | 2 g     | 2 g     | e = 2 g is too small for class IIII, which requires e ≥ 5 g",
            "IIII | 20 kg   | 10 g    | 10 g    | n = Max/e = 2 000 exceeds 1 000 allowed for class IIII",
            "IIII | 400 g   | 5 g     | 5 g     | n = Max/e = 80 is below the 100 required for class IIII with e ≥ 5 g",
            "IIII | 30 kg   | 50 g    | 5 g     | only class I and II instruments may have an auxiliary indicating device",
            "III  | 0 kg    | 10 g    | 10 g    | Max must be greater than zero, was 0 kg",
            "III  | 30 kg   | -10 g   | -10 g   | e must be greater than zero, was -10 g"
    })
    void rejectsImpossibleParametersWithAReasonATechnicianUnderstands(AccuracyClass cls, String max, String e,
            String d, String reason) {
        assertThatThrownBy(() -> scale(cls, max, e, d))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void namesTheRejectedParametersAndEveryViolation() {
        assertThatThrownBy(() -> scale(AccuracyClass.III, "200 kg", "10 g", "20 g"))
                .hasMessage("Scale parameters rejected (class III, Max = 200 kg, e = 10 g, d = 20 g): "
                        + "d = 20 g is greater than e = 10 g; d must not exceed e; "
                        + "n = Max/e = 20 000 exceeds 10 000 allowed for class III");
    }

    @Test
    void acceptsMixedUnits() {
        ScaleParameters parameters = scale(AccuracyClass.III, "15000 g", "0.005 kg", "5000 mg");

        assertThat(parameters.n()).isEqualByComparingTo("3000");
        assertThat(parameters.minCapacity()).isEqualTo(Mass.parse("100 g"));
    }
}
