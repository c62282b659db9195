package org.jiliang.lims.method.dmm;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentKind;
import org.jiliang.lims.registry.InstrumentParameters;
import org.jiliang.lims.registry.ParameterSpec;

/**
 * A standard resistor (标准电阻) as the register records it for calibration by substitution: its nominal value and
 * the bound of its temperature coefficient as its maker states it (α_X of EA-4/02 S3, in 10⁻⁶/K), which sizes the
 * budget's line for its own temperature effect.
 */
@ApplicationScoped
public class StandardResistorKind implements InstrumentKind {

    public static final String KIND = "STANDARD_RESISTOR";
    public static final String NOMINAL = "nominal";
    public static final String ALPHA_BOUND = "alpha.bound";

    @Override
    public String instrumentKind() {
        return KIND;
    }

    @Override
    public String category() {
        return "标准电阻 Standard resistor";
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.quantity(NOMINAL, "标称值", "Nominal value", "resistance", true),
                ParameterSpec.choice(ALPHA_BOUND, "温度系数界限 |α| (10⁻⁶/K)", "Temperature coefficient bound |α|"
                        + " (10⁻⁶/K)", List.of("0.5", "1", "2", "5", "10", "20", "50"), true));
    }

    /** A standard resistor's nominal value is between 1 mΩ and 1 GΩ (the decades standard resistors are made in). */
    @Override
    public void checkTogether(InstrumentParameters p) {
        p.quantity(NOMINAL).ifPresent(n -> {
            BigDecimal ohms = n.value().multiply(n.unit().factor());
            if (ohms.compareTo(new BigDecimal("0.001")) < 0 || ohms.compareTo(new BigDecimal("1000000000")) > 0) {
                throw new RefusedException("error.resistor.nominal", n);
            }
        });
    }

    /** α_X in 1/K: the registered bound in 10⁻⁶/K. */
    static BigDecimal alphaBound(InstrumentParameters p) {
        return new BigDecimal(p.text(ALPHA_BOUND).orElseThrow()).movePointLeft(6);
    }
}
