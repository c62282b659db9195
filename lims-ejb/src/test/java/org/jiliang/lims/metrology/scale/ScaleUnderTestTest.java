package org.jiliang.lims.metrology.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.demoScale;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.g;

import org.jiliang.lims.metrology.Mass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleUnderTestTest {

    @Test
    void demoScaleTakesMinFromItsClass() {
        var demo = demoScale();

        assertThat(demo.min()).isEqualTo(g("200"));
        assertThat(demo.hasTareDevice()).isFalse();
        assertThat(demo.withTare(g("30000")).hasTareDevice()).isTrue();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Min 190 g           | Min = 190 g is below the lower limit 200 g of class III with e = 10 g
            Min 30 kg           | Min = 30 kg must be below Max = 30 kg
            0 supports          | The load receptor needs at least one point of support, was 0
            tare 31 kg          | Maximum subtractive tare 31 kg exceeds Max = 30 kg
            additive tare -1 kg | Tare capacities must not be negative
            """)
    void refusesImpossibleInstruments(String change, String message) {
        var demo = demoScale();

        assertThatThrownBy(() -> {
            switch (change) {
                case "Min 190 g" -> demo.withMin(g("190"));
                case "Min 30 kg" -> demo.withMin(Mass.parse("30 kg"));
                case "0 supports" -> ScaleUnderTest.of(demo.parameters(), 0, true);
                case "tare 31 kg" -> demo.withTare(Mass.parse("31 kg"));
                default -> demo.withAdditiveTare(Mass.parse("-1 kg"));
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
