package org.jiliang.lims.method.dmm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentKind;
import org.jiliang.lims.registry.InstrumentParameters;
import org.jiliang.lims.registry.ParameterSpec;

/**
 * A digital multimeter as the register records it for calibration (JJF 1587 calibrates DC voltage and resistance
 * among other functions, at points per range): its ranges per function as the manufacturer names them, and its
 * display digits, which fix the resolution on each range.
 */
@ApplicationScoped
public class MultimeterKind implements InstrumentKind {

    public static final String KIND = "DMM";
    public static final String DCV_RANGES = "dcv.ranges";
    public static final String RESISTANCE_RANGES = "resistance.ranges";
    public static final String DIGITS = "digits";

    @Override
    public String instrumentKind() {
        return KIND;
    }

    @Override
    public String category() {
        return "数字多用表 Digital multimeter";
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(
                ParameterSpec.quantities(DCV_RANGES, "直流电压量程", "DC voltage ranges", "voltage", false),
                ParameterSpec.quantities(RESISTANCE_RANGES, "电阻量程", "Resistance ranges", "resistance", false),
                ParameterSpec.choice(DIGITS, "显示位数", "Display digits",
                        List.of("3½", "4½", "5½", "6½", "7½", "8½"), true));
    }

    /** A multimeter is calibrated on at least one function; each function's ranges are distinct. */
    @Override
    public void checkTogether(InstrumentParameters p) {
        if (p.quantities(DCV_RANGES).isEmpty() && p.quantities(RESISTANCE_RANGES).isEmpty()) {
            throw new RefusedException("error.dmm.noFunction");
        }
        for (String name : List.of(DCV_RANGES, RESISTANCE_RANGES)) {
            var ranges = p.quantities(name);
            // 1 V and 1000 mV are the same range: compare in the coherent unit
            if (ranges.stream().map(q -> q.value().multiply(q.unit().factor()).stripTrailingZeros()).distinct()
                    .count() != ranges.size()) {
                throw new RefusedException("error.dmm.duplicateRange", name);
            }
        }
    }
}
