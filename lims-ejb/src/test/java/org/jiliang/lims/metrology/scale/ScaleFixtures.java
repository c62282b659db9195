package org.jiliang.lims.metrology.scale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleParameters;

/** Instruments and readings shared by the scale tests; every call builds new objects. */
final class ScaleFixtures {

    private ScaleFixtures() {
    }

    static Mass g(String value) {
        return Mass.parse(value + " g");
    }

    static ScaleParameters classIII(String max, String e) {
        return new ScaleParameters(AccuracyClass.III, Mass.parse(max), Mass.parse(e), Mass.parse(e));
    }

    /** The demo scale: class III, Max 30 kg, e = d = 10 g, four supports, zero-tracking, no tare device. */
    static ScaleUnderTest demoScale() {
        return ScaleUnderTest.of(classIII("30 kg", "10 g"), 4, true);
    }

    static ProcedureEdition jjg539() {
        return ScaleProcedureCatalog.standard().edition("JJG 539-2016");
    }

    static ProcedureEdition oimlR76() {
        return ScaleProcedureCatalog.standard().edition("OIML R 76-1:2006");
    }

    /**
     * Readings without any error: every changeover reading has I = L and ΔL = ½ e, so E = 0; discrimination
     * readings step up by d. Tests replace single points to make them fail.
     */
    static Map<String, PointReading> errorFreeReadings(ScaleTestPlan plan) {
        Mass e = plan.instrument().e();
        Mass halfE = e.times(new BigDecimal("0.5")).normalized();
        Map<String, PointReading> readings = new LinkedHashMap<>();
        for (TestPoint point : plan.points()) {
            ChangeoverReading exact = new ChangeoverReading(point.load(), halfE);
            PointReading reading = switch (point.test()) {
                case ZERO_SETTING, WEIGHING, ECCENTRICITY, TARE -> exact;
                case REPEATABILITY -> new SeriesReading(new ArrayList<>(Collections.nCopies(point.weighings(), exact)));
                case DISCRIMINATION -> new DiscriminationReading(point.load(),
                        point.load().plus(plan.instrument().d()));
            };
            readings.put(point.id(), reading);
        }
        return readings;
    }

    /** A series of n weighings, all I = load and ΔL = ½ e except the last one. */
    static SeriesReading seriesWithLast(int n, Mass load, Mass halfE, ChangeoverReading last) {
        List<ChangeoverReading> weighings = new ArrayList<>(Collections.nCopies(n - 1,
                new ChangeoverReading(load, halfE)));
        weighings.add(last);
        return new SeriesReading(weighings);
    }
}
