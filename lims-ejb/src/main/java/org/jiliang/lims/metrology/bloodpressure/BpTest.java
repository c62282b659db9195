package org.jiliang.lims.metrology.bloodpressure;

import java.util.Arrays;
import org.jiliang.lims.metrology.scale.BilingualText;

/**
 * The tests of a blood-pressure meter verification, in the order they are performed, with the names the data
 * files use (mpe.csv "test").
 */
public enum BpTest {
    APPEARANCE("appearance", new BilingualText("外观检查", "appearance")),
    ZERO("zero", new BilingualText("零位误差", "zero error")),
    SENSITIVITY("sensitivity", new BilingualText("灵敏度", "sensitivity")),
    CUFF_PRESSURE_INDICATION("cuff_pressure_indication", new BilingualText("示值误差", "indication error")),
    HYSTERESIS("hysteresis", new BilingualText("回程误差", "hysteresis error")),
    AIR_LEAKAGE("air_leakage", new BilingualText("气密性", "air leakage")),
    PRESSURE_REDUCTION_RATE("pressure_reduction_rate", new BilingualText("放气速率", "pressure reduction rate")),
    RAPID_EXHAUST("rapid_exhaust", new BilingualText("快速排气", "rapid exhaust"));

    private final String dataName;
    private final BilingualText title;

    BpTest(String dataName, BilingualText title) {
        this.dataName = dataName;
        this.title = title;
    }

    /** The test's name in the data, e.g. "air_leakage". */
    public String dataName() {
        return dataName;
    }

    public BilingualText title() {
        return title;
    }

    static BpTest ofDataName(String name) {
        return Arrays.stream(values()).filter(t -> t.dataName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown blood-pressure test \"" + name + "\"; known: "
                        + Arrays.stream(values()).map(BpTest::dataName).toList()));
    }
}
