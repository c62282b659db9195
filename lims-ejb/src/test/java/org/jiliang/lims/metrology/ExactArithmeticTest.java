package org.jiliang.lims.metrology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Values that reach a certificate are exact decimals: no binary floating point in the public API. */
class ExactArithmeticTest {

    @Test
    void publicTypesExposeNoFloatingPoint() {
        Stream.of(Mass.class, MassUnit.class, ScaleMpeTable.class, ScaleMpeTable.Band.class, AccuracyClassTable.class,
                        AccuracyClassTable.Row.class, ScaleParameters.class, WeighingPointResult.class,
                        ChangePointError.class, DecisionRule.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .forEach(method -> {
                    assertThat(method.getReturnType()).as(method.toString()).isNotIn(double.class, float.class,
                            Double.class, Float.class);
                    assertThat(method.getParameterTypes()).as(method.toString()).doesNotContain(double.class,
                            float.class, Double.class, Float.class);
                });
    }
}
