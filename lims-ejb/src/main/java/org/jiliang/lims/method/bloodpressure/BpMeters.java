package org.jiliang.lims.method.bloodpressure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jiliang.lims.metrology.bloodpressure.BpValue;
import org.jiliang.lims.metrology.bloodpressure.BpInputRefused;
import org.jiliang.lims.metrology.bloodpressure.BpMeter;
import org.jiliang.lims.metrology.bloodpressure.MeterType;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentParameters;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.ParameterSpec;

/** The register's parameters of a blood-pressure meter and the meter the metrology judges. */
final class BpMeters {

    static final String RANGE_HIGH = "range.high";
    static final String DIVISION = "division";

    private BpMeters() {
    }

    static ParameterSpec rangeHigh() {
        return ParameterSpec.quantity(RANGE_HIGH, "测量范围上限", "Upper end of range", "pressure", true);
    }

    static ParameterSpec division(String zh, String en) {
        return ParameterSpec.quantity(DIVISION, zh, en, "pressure", true);
    }

    /** The range and the division in one unit the meter may show (mmHg or kPa), the range from zero. */
    static void check(InstrumentParameters p) {
        meter(MeterType.AUTOMATED, p);
    }

    /** The meter as the metrology takes it: its type, range 0 … upper end, division, in the unit it shows. */
    static BpMeter meter(InstrumentUnderTest instrument) {
        InstrumentParameters p = instrument.typedParameters();
        MeterType type = p.text(ManualBpKind.TYPE).map(MeterType::valueOf).orElse(MeterType.AUTOMATED);
        return meter(type, p);
    }

    private static BpMeter meter(MeterType type, InstrumentParameters p) {
        Quantity high = p.quantity(RANGE_HIGH).orElseThrow();
        Quantity division = p.quantity(DIVISION).orElseThrow();
        try {
            return new BpMeter(type, new Quantity(BigDecimal.ZERO, high.unit()), high, division);
        } catch (BpInputRefused e) {
            throw refused(e);
        }
    }

    /**
     * A value judged as the page and the certificate show it: a pressure or a rate to one decimal place finer than
     * the meter's division (the verdict was reached on the exact value), signed for an error; a time as typed.
     */
    static BpValue shown(BpValue v, BpMeter meter) {
        if ("s".equals(v.unit())) {
            return v;
        }
        int places = Math.max(0, meter.division().value().stripTrailingZeros().scale()) + 1;
        return new BpValue(v.value().setScale(places, RoundingMode.HALF_UP).stripTrailingZeros(), v.unit());
    }

    static String text(BpValue v, BpMeter meter, boolean error) {
        BpValue s = shown(v, meter);
        return error ? s.signed() : s.toString();
    }

    static RefusedException refused(BpInputRefused e) {
        return new RefusedException(e.key(), e.arguments());
    }
}
