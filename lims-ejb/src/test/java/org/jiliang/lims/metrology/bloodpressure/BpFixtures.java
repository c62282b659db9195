package org.jiliang.lims.metrology.bloodpressure;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.quantity.Quantity;

/** Meters and readings the blood-pressure tests share. */
final class BpFixtures {

    static final BpProcedureCatalog CATALOG = BpProcedureCatalog.standard();
    static final BpEdition JJG_692 = CATALOG.edition("JJG 692-2010");
    static final BpEdition JJG_270 = CATALOG.edition("JJG 270-2008");

    private BpFixtures() {
    }

    /** "100 mmHg" → 100 mmHg. */
    static Quantity q(String text) {
        String[] parts = text.strip().split(" ");
        return Quantity.of(parts[0], parts[1]);
    }

    /** An electronic meter 0–300 mmHg showing whole mmHg. */
    static BpMeter automatedMmhg() {
        return new BpMeter(MeterType.AUTOMATED, q("0 mmHg"), q("300 mmHg"), q("1 mmHg"));
    }

    /** A desk mercury meter on its kPa scale, 0–40 kPa, division 0.5 kPa (GB 3053-93). */
    static BpMeter mercuryKpa() {
        return new BpMeter(MeterType.MERCURY, q("0 kPa"), q("40 kPa"), q("0.5 kPa"));
    }

    /** An aneroid meter on its mmHg scale, 0–300 mmHg, division 2 mmHg (GB 3053-93). */
    static BpMeter aneroidMmhg() {
        return new BpMeter(MeterType.ANEROID, q("0 mmHg"), q("300 mmHg"), q("2 mmHg"));
    }

    static BpTestPlan plan(BpMeter meter, VerificationType type) {
        return BpTestPlan.generate(meter, type, meter.type() == MeterType.AUTOMATED ? JJG_692 : JJG_270);
    }

    /** A reading for every point of the plan of a meter without error, no leak and a quick exhaust. */
    static Map<String, BpReading> perfectReadings(BpTestPlan plan) {
        Map<String, BpReading> readings = new LinkedHashMap<>();
        String unit = plan.meter().unit().symbol();
        for (BpPoint point : plan.points()) {
            BpReading reading = switch (point.test()) {
                case APPEARANCE -> new BpReading.Visual(true, "");
                case ZERO -> point.reading() == BpReading.Visual.class ? new BpReading.Visual(true, "")
                        : new BpReading.Zero(new Quantity(BigDecimal.ZERO, plan.meter().unit()));
                case SENSITIVITY -> new BpReading.Sensitivity(point.limit().unit().symbol().equals(unit)
                        ? new Quantity(point.limit().lower(), plan.meter().unit())
                        : q("1 " + unit));
                case CUFF_PRESSURE_INDICATION -> new BpReading.Indication(point.nominal(), point.nominal());
                case AIR_LEAKAGE -> {
                    Quantity closed = unit.equals("mmHg") ? q("250 mmHg") : q("30 kPa");
                    yield new BpReading.Leakage(closed, closed, q("5 min"));
                }
                case RAPID_EXHAUST -> new BpReading.Exhaust(q("4.2 s"));
                default -> throw new AssertionError(point.test());
            };
            readings.put(point.id(), reading);
        }
        return readings;
    }
}
