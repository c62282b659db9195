package org.jiliang.lims.method.dmm;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jiliang.lims.registry.InstrumentParameter;
import org.jiliang.lims.registry.InstrumentParameters;
import org.jiliang.lims.registry.ParameterSpec;
import org.junit.jupiter.api.Test;

/** The register's view of a multimeter: ranges per function, digits; checked one by one, then together. */
class MultimeterKindTest {

    private final MultimeterKind kind = new MultimeterKind();

    private InstrumentParameters checked(Map<String, String> raw) {
        Map<String, InstrumentParameter.Value> values = new LinkedHashMap<>();
        for (ParameterSpec spec : kind.parameterSpecs()) {
            spec.check(raw.get(spec.name())).ifPresent(v -> values.put(spec.name(), v));
        }
        return new InstrumentParameters(values);
    }

    @Test
    void aSixAndAHalfDigitMeterWithVoltageAndResistanceRangesIsAccepted() {
        var p = checked(Map.of("dcv.ranges", "100 mV; 1 V; 10 V; 100 V; 1000 V",
                "resistance.ranges", "100 Ω; 1 kΩ; 10 kΩ", "digits", "6½"));

        assertThatCode(() -> kind.checkTogether(p)).doesNotThrowAnyException();
    }

    @Test
    void aMeterWithoutAnyFunctionsRangesIsRefused() {
        var p = checked(Map.of("digits", "6½"));

        assertThatThrownBy(() -> kind.checkTogether(p)).hasMessageContaining("at least one function");
    }

    @Test
    void theSameRangeWrittenTwiceInDifferentUnitsIsRefused() {
        var p = checked(Map.of("dcv.ranges", "1 V; 1000 mV", "digits", "5½"));

        assertThatThrownBy(() -> kind.checkTogether(p)).hasMessageContaining("dcv.ranges");
    }

    @Test
    void digitsAreOneOfTheUsualDisplays() {
        assertThatThrownBy(() -> checked(Map.of("dcv.ranges", "1 V", "digits", "6")))
                .hasMessageContaining("3½, 4½, 5½, 6½, 7½, 8½");
    }
}
