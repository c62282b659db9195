package org.jiliang.lims.method.bloodpressure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jiliang.lims.metrology.bloodpressure.MeterType;
import org.jiliang.lims.registry.InstrumentKind;
import org.jiliang.lims.registry.InstrumentParameters;
import org.jiliang.lims.registry.ParameterSpec;

/**
 * A mercury or aneroid blood-pressure meter (血压计和血压表, OIML R 16-1, JJG 270) as the register records it: which
 * of the two, the upper end of its scale and its scale division, in the unit it is graduated in.
 */
@ApplicationScoped
public class ManualBpKind implements InstrumentKind {

    public static final String KIND = "SPHYGMOMANOMETER";
    public static final String TYPE = "meter.type";

    @Override
    public String instrumentKind() {
        return KIND;
    }

    @Override
    public String category() {
        return "血压计和血压表 Mercury or aneroid sphygmomanometer";
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.choice(TYPE, "类型", "Type", List.of(MeterType.MERCURY.name(),
                MeterType.ANEROID.name()), true), BpMeters.rangeHigh(), BpMeters.division("分度值", "Scale division"));
    }

    @Override
    public void checkTogether(InstrumentParameters p) {
        BpMeters.check(p);
    }
}
