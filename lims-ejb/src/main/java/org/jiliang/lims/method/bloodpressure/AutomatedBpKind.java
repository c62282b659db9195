package org.jiliang.lims.method.bloodpressure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jiliang.lims.registry.InstrumentKind;
import org.jiliang.lims.registry.InstrumentParameters;
import org.jiliang.lims.registry.ParameterSpec;

/**
 * A non-invasive automated blood-pressure meter (无创自动测量血压计, OIML R 16-2, JJG 692) as the register records it:
 * the upper end of its cuff-pressure range and the resolution of its display, in the unit it shows (mmHg or kPa).
 */
@ApplicationScoped
public class AutomatedBpKind implements InstrumentKind {

    public static final String KIND = "NIBP";

    @Override
    public String instrumentKind() {
        return KIND;
    }

    @Override
    public String category() {
        return "无创自动测量血压计 Automated blood-pressure meter";
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(BpMeters.rangeHigh(), BpMeters.division("显示分辨力", "Display resolution"));
    }

    @Override
    public void checkTogether(InstrumentParameters p) {
        BpMeters.check(p);
    }
}
